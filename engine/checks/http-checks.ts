import { foreignTarget, isScriptUrl, resolve } from '../attacks/redirects.ts';
import { header, type RecordedRequest } from '../http/exchange.ts';
import { documentedResponse } from './contract-checks.ts';
import { violation, type Check } from './types.ts';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export const noContentOn204: Check = {
  name: 'no_content_on_204',
  requirement: 'RFC9110-15.3.5',
  applies: ({ response }) => response?.status === 204,
  run: ({ response }) => {
    // HTTP clients (Node's among them) discard a 204's body unread, so the announced length is judged too.
    const announced = Number(header(response!, 'content-length') ?? '0');
    const bytes = Math.max(response!.bytes, Number.isFinite(announced) ? announced : 0);
    return bytes === 0 ? [] : [violation('no_content_on_204', `a 204 carried or announced ${bytes} bytes of content`, { expected: 'no content', received: `${bytes} bytes` })];
  },
};

export const challengeOn401: Check = {
  name: 'challenge_on_401',
  requirement: 'RFC9110-15.5.2',
  applies: ({ response }) => response?.status === 401,
  run: ({ response }) => header(response!, 'www-authenticate')?.trim() ? [] : [violation('challenge_on_401', 'no WWW-Authenticate on 401', { expected: 'a challenge such as Bearer realm="api"', received: 'absent' })],
};

/** Where the contract documents Location as required, the operation's own requirement owns its absence. */
export const locationOnRedirect: Check = {
  name: 'location_on_redirect',
  requirement: 'RFC9110-10.2.2',
  applies: (ctx) => ctx.response !== undefined && REDIRECTS.has(ctx.response.status)
    && !Object.entries(documentedResponse(ctx)?.headers ?? {}).some(([name, spec]) => name.toLowerCase() === 'location' && spec.required),
  run: ({ response }) => header(response!, 'location')?.trim() ? [] : [violation('location_on_redirect', `no Location on ${response!.status}`, { expected: 'a Location header', received: 'absent' })],
};

/** Where the contract documents the response's content, its own media-type check owns a missing type. */
export const contentTypeOnContent: Check = {
  name: 'content_type_on_content',
  requirement: 'RFC9110-8.3',
  applies: (ctx) => ctx.response !== undefined && ctx.response.bytes > 0 && ctx.response.status !== 204 && ctx.response.status !== 304
    && Object.keys(documentedResponse(ctx)?.content ?? {}).length === 0,
  run: ({ response }) => header(response!, 'content-type')?.trim() ? [] : [violation('content_type_on_content', 'content without a Content-Type', { expected: 'a Content-Type', received: 'absent' })],
};

/**
 * A redirect target taken from the request (a query parameter, or a string of a JSON body) that
 * points at a foreign origin or a script URL must not be followed: not as the Location, and not
 * carried into another parameter of it (an authorization request's redirect_uri). Only judged when
 * the request carried such a target, so a legitimate redirect to an OAuth provider is not flagged.
 */
export const redirectStaysOnOrigin: Check = {
  name: 'redirect_stays_on_origin',
  requirement: 'ASVS-5.1.5',
  applies: ({ exchange, response }) => response !== undefined && REDIRECTS.has(response.status) && foreignTargets(exchange.request).length > 0,
  run: ({ exchange, response }) => {
    const location = header(response!, 'location');
    if (!location) return [];
    const followed = resolve(location, exchange.request.url);
    if (!followed) return [];
    const targets = foreignTargets(exchange.request);
    const same = (a: URL, b: URL) => isScriptUrl(a) ? isScriptUrl(b) : a.origin === b.origin;
    if (targets.some((t) => same(followed, t))) {
      return [violation('redirect_stays_on_origin', isScriptUrl(followed) ? `redirected to a ${followed.protocol} URL taken from the request` : `redirected to the foreign origin ${followed.origin} taken from the request`, { expected: 'a Location on the server\'s own origin (or its default target)', received: isScriptUrl(followed) ? followed.protocol : followed.origin })];
    }
    const carried = [...followed.searchParams].filter(([, v]) => {
      const inner = resolve(v, exchange.request.url);
      return inner !== undefined && /^([a-z][a-z0-9+.-]*:|[/\\])/i.test(v.trim()) && targets.some((t) => same(inner, t));
    });
    return carried.map(([name]) => violation('redirect_stays_on_origin', `the foreign target from the request was carried into ${name} of the redirect to ${followed.origin}`, { expected: `a ${name} the server chose`, received: `${name} pointing at the request's foreign target` }));
  },
};

function foreignTargets(request: RecordedRequest): URL[] {
  const values = [...new URL(request.url).searchParams.values(), ...bodyStrings(request.body)];
  return values.map((v) => foreignTarget(v, request.url)).filter((u): u is URL => u !== undefined);
}

function bodyStrings(body: string | undefined): string[] {
  if (!body) return [];
  try {
    const walk = (v: unknown): string[] => typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(walk) : v && typeof v === 'object' ? Object.values(v).flatMap(walk) : [];
    return walk(JSON.parse(body));
  } catch {
    return [...new URLSearchParams(body).values()];
  }
}
