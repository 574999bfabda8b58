import { faker } from '@faker-js/faker/locale/en';
import { expect, test } from '@playwright/test';
import type { Contract, Operation, SecurityScheme } from '../../engine/contract/model.ts';
import { forge, refusalCases, servedCases, together } from '../../engine/contract/security.ts';

const SCHEMES: Record<string, SecurityScheme> = {
  cookie: { type: 'apiKey', in: 'cookie', name: 'r_session' },
  bearer: { type: 'http', scheme: 'bearer' },
  oauth: { type: 'oauth2' },
  basic: { type: 'http', scheme: 'basic' },
  key: { type: 'apiKey', in: 'header', name: 'X-apikey' },
  role: { type: 'apiKey', in: 'header', name: 'X-su' },
  token: { type: 'apiKey', in: 'query', name: 'access_token' },
};

const operation = (security: Operation['security'], statuses: string[]): Operation => ({
  api: 'x', operationId: 'op', method: 'GET', path: '/op', summary: '', security, requestBodyRequired: false,
  responses: Object.fromEntries(statuses.map((s) => [s, { status: s, description: '', headers: {}, content: {}, sensitive: false, secretFields: [] }])),
});
const contract = { api: 'x', file: 'x.yaml', title: 'x', version: '1', sha256: '', securitySchemes: SCHEMES, operations: {} } as Contract;
const shown = (op: Operation) => refusalCases(contract, op).map((c) => `${c.kind} ${c.forged.join('+')}${c.genuine.length ? ` beside ${c.genuine.join('+')}` : ''} → ${c.status ?? '4xx'}`);

/** Which refusals an operation's security calls for: a row per shape of `security`. */
const CASES: { name: string; op: Operation; expected: string[] }[] = [
  { name: 'no security: nothing to refuse', op: operation([], ['200']), expected: [] },
  { name: 'an optional credential ({} among the alternatives): nothing to refuse', op: operation([{ cookie: [] }, {}], ['204']), expected: [] },
  { name: 'one scheme, 401 documented', op: operation([{ bearer: [] }], ['200', '401']), expected: ['none  → 401', 'forged bearer → 401'] },
  { name: 'schemes that travel alike are forged once; no 401 documented', op: operation([{ cookie: [] }, { bearer: [] }, { oauth: [] }], ['200']), expected: ['none  → 4xx', 'forged cookie → 4xx', 'forged bearer+oauth → 4xx'] },
  {
    name: 'a scheme that rides beside another is forged beside the genuine one: 403',
    op: operation([{ key: [] }, { key: [], role: [] }], ['200', '401', '403']),
    expected: ['none  → 401', 'forged key → 401', 'forged role beside key → 403'],
  },
  { name: 'basic and a query key', op: operation([{ basic: [] }, { token: [] }], ['200', '403']), expected: ['none  → 4xx', 'forged basic → 4xx', 'forged token → 4xx'] },
];

for (const c of CASES) {
  test(`refusal cases: ${c.name}`, () => {
    expect(shown(c.op)).toEqual(c.expected);
  });
}

/** Which genuine credentials an operation is served with (the refusals' control): GETs that document 200, by what the suite can present. */
const SERVED: { name: string; op: Operation; presentable: string[]; expected: string[][] }[] = [
  { name: 'each accepted scheme the suite can present', op: operation([{ cookie: [] }, { bearer: [] }, { oauth: [] }], ['200', '401']), presentable: ['cookie', 'bearer'], expected: [['cookie'], ['bearer']] },
  { name: 'a set of schemes only when the suite can present all of it', op: operation([{ key: [] }, { key: [], role: [] }], ['200']), presentable: ['key'], expected: [['key']] },
  { name: 'nothing the suite can present', op: operation([{ oauth: [] }], ['200']), presentable: ['cookie'], expected: [] },
  { name: 'no credentials needed: nothing to control', op: operation([{ cookie: [] }, {}], ['200']), presentable: ['cookie'], expected: [] },
  { name: 'no 200 documented', op: operation([{ cookie: [] }], ['204', '401']), presentable: ['cookie'], expected: [] },
  { name: 'not a GET (a control would change state)', op: { ...operation([{ cookie: [] }], ['200']), method: 'DELETE' }, presentable: ['cookie'], expected: [] },
];

for (const c of SERVED) {
  test(`served cases: ${c.name}`, () => {
    expect(servedCases(c.op, c.presentable)).toEqual(c.expected);
  });
}

test('a forged value has the scheme\'s shape, is seeded, and is no genuine one', () => {
  faker.seed(7);
  const first = Object.fromEntries(Object.entries(SCHEMES).map(([n, s]) => [n, forge(n, s, faker)]));
  faker.seed(7);
  const again = Object.fromEntries(Object.entries(SCHEMES).map(([n, s]) => [n, forge(n, s, faker)]));
  expect(again).toEqual(first);
  expect(first.cookie!.headers.cookie).toMatch(/^r_session=[A-Za-z0-9]{40}$/);
  expect(first.bearer!.headers.authorization).toMatch(/^Bearer [A-Za-z0-9]{40}$/);
  expect(first.oauth!.headers.authorization).toMatch(/^Bearer [A-Za-z0-9]{40}$/);
  expect(Buffer.from(first.basic!.headers.authorization!.replace(/^Basic /, ''), 'base64').toString()).toMatch(/^[^:]+:[A-Za-z0-9]{40}$/);
  expect(first.key!.headers).toEqual({ 'x-apikey': expect.stringMatching(/^[A-Za-z0-9]{40}$/) });
  expect(first.token).toEqual({ label: 'forged access_token query parameter', headers: {}, query: { access_token: expect.stringMatching(/^[A-Za-z0-9]{40}$/) } });
});

test('credentials sent together keep both cookies in one Cookie header', () => {
  const both = together('both', [{ label: 'a', headers: { cookie: 'a=1', 'x-su': 'r' } }, { label: 'b', headers: { cookie: 'b=2' } }]);
  expect(both.headers).toEqual({ cookie: 'a=1; b=2', 'x-su': 'r' });
});
