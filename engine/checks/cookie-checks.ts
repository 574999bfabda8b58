import { header, jsonBody } from '../http/exchange.ts';
import { sessionCookiesSet, setCookies } from './cookies.ts';
import { documentedResponse } from './contract-checks.ts';
import { violation, type Check, type CheckContext } from './types.ts';

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const setCookieWellFormed: Check = {
  name: 'set_cookie_well_formed',
  requirement: 'RFC6265-4.1',
  applies: ({ response }) => response !== undefined && setCookies(response).length > 0,
  run: ({ response }) => setCookies(response!).flatMap(({ line }) => {
    const pair = line.split(';')[0]!;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? '' : pair.slice(0, eq).trim();
    return eq > 0 && TOKEN.test(name) ? [] : [violation('set_cookie_well_formed', 'a Set-Cookie line is not a name=value pair with a token name', { expected: 'name=value; attributes', received: `${name || '(no name)'}=…` })];
  }),
};

const attributeCheck = (name: string, requirement: 'ASVS-3.4.2' | 'ASVS-3.4.3' | 'ASVS-3.4.1', attribute: string, onlyHttps = false): Check => ({
  name,
  requirement,
  applies: (ctx) => ctx.response !== undefined && sessionCookiesSet(ctx.response, ctx.contract).length > 0 && (!onlyHttps || ctx.exchange.request.url.startsWith('https:')),
  run: (ctx) => sessionCookiesSet(ctx.response!, ctx.contract)
    .filter((c) => !c.attributes.has(attribute))
    .map((c) => violation(name, `the session cookie ${c.cookie.name} is set without ${attribute === 'httponly' ? 'HttpOnly' : attribute === 'samesite' ? 'SameSite' : 'Secure'}`, { expected: attribute, received: [...c.attributes].join(', ') || 'no attributes' })),
});

export const sessionCookieHttpOnly = attributeCheck('session_cookie_httponly', 'ASVS-3.4.2', 'httponly');
export const sessionCookieSameSite = attributeCheck('session_cookie_samesite', 'ASVS-3.4.3', 'samesite');
export const sessionCookieSecure = attributeCheck('session_cookie_secure', 'ASVS-3.4.1', 'secure', true);

const SECRET_KEYS = /^(token|access_?token|refresh_?token|id_?token|secret|client_?secret|api_?key)$/i;

function carriesSecret(ctx: CheckContext): boolean {
  const res = ctx.response!;
  if (sessionCookiesSet(res, ctx.contract).length > 0) return true;
  if (documentedResponse(ctx)?.sensitive) return true;
  const body = jsonBody(res);
  const hasSecretKey = (v: unknown): boolean => Array.isArray(v) ? v.some(hasSecretKey)
    : v !== null && typeof v === 'object' && Object.entries(v).some(([k, x]) => (SECRET_KEYS.test(k) && typeof x === 'string') || hasSecretKey(x));
  return body.ok && hasSecretKey(body.value);
}

export const noStoreOnSecrets: Check = {
  name: 'no_store_on_secrets',
  requirement: 'ASVS-8.2.1',
  applies: (ctx) => ctx.response !== undefined && ctx.response.status < 400 && carriesSecret(ctx),
  run: ({ response }) => {
    const cc = (header(response!, 'cache-control') ?? '').toLowerCase();
    return cc.split(',').map((d) => d.trim()).includes('no-store') ? [] : [violation('no_store_on_secrets', 'a response that sets a session or carries a token may be cached', { expected: 'Cache-Control: no-store', received: cc ? `Cache-Control: ${cc}` : 'no Cache-Control' })];
  },
};
