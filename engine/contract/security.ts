import type { Faker } from '@faker-js/faker';
import type { HeaderMap } from '../http/exchange.ts';
import type { Contract, Operation, SecurityScheme } from './model.ts';

/** A credential as it travels: in headers (a cookie is one), or in the query. */
export interface Credential {
  label: string;
  headers: HeaderMap;
  query?: Record<string, string>;
}

/**
 * One refusal an operation's `security` calls for, as Schemathesis' ignored_auth does: no
 * credential at all, or the value of one scheme forged (with the schemes it is sent beside
 * genuine). `status` is what the contract documents for it: 401 when no one is authenticated, 403
 * when a genuine credential is, but what rides along is refused (RFC 9110 §15.5.2, §15.5.4);
 * undefined when the contract documents neither, and any refusal is all that is asked.
 */
export interface RefusalCase {
  kind: 'none' | 'forged';
  /** The schemes whose value is forged; schemes that travel alike (a bearer token) are forged once. */
  forged: string[];
  /** Schemes sent with their genuine value beside the forged one. */
  genuine: string[];
  status?: 401 | 403;
}

/** The sets of schemes an operation accepts, or undefined when it serves a request without credentials. */
export function acceptedSchemes(operation: Operation): string[][] | undefined {
  const alternatives = operation.security.map((alternative) => Object.keys(alternative));
  return alternatives.length === 0 || alternatives.some((a) => a.length === 0) ? undefined : alternatives;
}

/** Where a scheme's value travels; two schemes that travel alike (an OAuth2 and an HTTP bearer token) cannot be told apart by a request. */
export function transport(scheme: SecurityScheme): string {
  if (scheme.type === 'http') return `authorization ${String(scheme.scheme).toLowerCase()}`;
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return 'authorization bearer';
  if (scheme.type === 'apiKey') return `${scheme.in} ${scheme.in === 'cookie' ? scheme.name : String(scheme.name).toLowerCase()}`;
  throw new Error(`security scheme type ${scheme.type} cannot be forged`);
}

/** How a scheme's value travels, for titles: "r_session cookie", "bearer token", "X-apikey header". */
export function describeScheme(scheme: SecurityScheme): string {
  if (scheme.type === 'http') return `${String(scheme.scheme).toLowerCase()} credentials`.replace('bearer credentials', 'bearer token');
  if (scheme.type === 'oauth2' || scheme.type === 'openIdConnect') return 'bearer token';
  return `${scheme.name} ${scheme.in === 'query' ? 'query parameter' : scheme.in}`;
}

/** The refusals an operation's security calls for, in a stable order: none first, then each way of forging. */
export function refusalCases(contract: Contract, operation: Operation): RefusalCase[] {
  const alternatives = acceptedSchemes(operation);
  if (!alternatives) return [];
  const documented = (status: 401 | 403) => (String(status) in operation.responses ? status : undefined);
  const cases: RefusalCase[] = [{ kind: 'none', forged: [], genuine: [], ...opt(documented(401)) }];
  const byTransport = new Map<string, RefusalCase>();
  for (const name of [...new Set(alternatives.flat())]) {
    const scheme = contract.securitySchemes[name];
    if (!scheme) throw new Error(`${contract.file}: ${operation.operationId} names the undefined security scheme ${name}`);
    // Forged where it needs the least beside it: alone it leaves the caller unauthenticated.
    const smallest = alternatives.filter((a) => a.includes(name)).sort((a, b) => a.length - b.length)[0]!;
    const genuine = smallest.filter((n) => n !== name);
    const key = `${transport(scheme)} beside ${genuine.join(',')}`;
    const same = byTransport.get(key);
    if (same) {
      same.forged.push(name);
      continue;
    }
    const refusal: RefusalCase = { kind: 'forged', forged: [name], genuine, ...opt(documented(genuine.length === 0 ? 401 : 403)) };
    byTransport.set(key, refusal);
    cases.push(refusal);
  }
  return cases;
}

const opt = (status: 401 | 403 | undefined) => (status ? { status } : {});

/**
 * The sets of schemes a genuine caller is served with, among those the suite can present: every
 * accepted set on a GET that documents 200. A GET changes nothing (RFC 9110 §9.2.1), so the
 * control is safe against staging; another method would need its own scenario.
 */
export function servedCases(operation: Operation, presentable: readonly string[]): string[][] {
  if (operation.method.toUpperCase() !== 'GET' || !('200' in operation.responses)) return [];
  return (acceptedSchemes(operation) ?? []).filter((alternative) => alternative.every((s) => presentable.includes(s)));
}

/** A value of the scheme's shape that no server issued: seeded, so a run replays it. */
export function forge(name: string, scheme: SecurityScheme, data: Faker): Credential {
  const secret = data.string.alphanumeric(40);
  const label = `forged ${describeScheme(scheme)}`;
  switch (transport(scheme).split(' ')[0]) {
    case 'authorization':
      return scheme.type === 'http' && String(scheme.scheme).toLowerCase() === 'basic'
        ? { label, headers: { authorization: `Basic ${Buffer.from(`${data.internet.username()}:${secret}`).toString('base64')}` } }
        : { label, headers: { authorization: `Bearer ${secret}` } };
    case 'header':
      return { label, headers: { [String(scheme.name).toLowerCase()]: secret } };
    case 'cookie':
      return { label, headers: { cookie: `${scheme.name}=${secret}` } };
    case 'query':
      return { label, headers: {}, query: { [String(scheme.name)]: secret } };
    default:
      throw new Error(`${name}: a ${scheme.type} scheme cannot be forged`);
  }
}

/** Credentials sent together: headers merged, cookies joined into one Cookie header. */
export function together(label: string, parts: readonly Credential[]): Credential {
  const headers: HeaderMap = {};
  const query: Record<string, string> = {};
  for (const p of parts) {
    for (const [k, v] of Object.entries(p.headers)) headers[k] = k === 'cookie' && headers.cookie ? `${headers.cookie}; ${v}` : v;
    Object.assign(query, p.query);
  }
  return { label, headers, ...(Object.keys(query).length > 0 ? { query } : {}) };
}
