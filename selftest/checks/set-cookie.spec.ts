import { expect, test } from '@playwright/test';
import { splitSetCookie, type SetCookieParts } from '../../engine/checks/cookies.ts';

test('a Set-Cookie line is cut into its pair and attributes as written', () => {
  const rows: [line: string, parts: SetCookieParts][] = [
    ['r_session=abc=def; Path=/; HttpOnly', { name: 'r_session', value: 'abc=def', attributes: [{ name: 'Path', value: '/' }, { name: 'HttpOnly' }] }],
    [' sid = x ;SameSite=Lax; X-Note=', { name: 'sid', value: 'x', attributes: [{ name: 'SameSite', value: 'Lax' }, { name: 'X-Note', value: '' }] }],
    // No `=` in the pair: a cookie with an empty name, its whole pair the value (RFC 6265bis §5.7).
    ['just-a-value; Secure', { name: '', value: 'just-a-value', attributes: [{ name: 'Secure' }] }],
    ['=abc', { name: '', value: 'abc', attributes: [] }],
    // A name set-cookie-parser refuses is still a name as written.
    ['__proto__=1', { name: '__proto__', value: '1', attributes: [] }],
  ];
  for (const [line, parts] of rows) expect(splitSetCookie(line), line).toEqual(parts);
});
