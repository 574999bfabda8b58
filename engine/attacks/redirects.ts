/**
 * Values an attacker puts in a parameter that ends up in a Location or an authorization request
 * (`redirect`, `redirect_uri`, a target carried in `state`). Each names a foreign place in a way some
 * validators miss; a browser resolves every one of them as shown (WHATWG URL parsing, which Node's
 * URL follows too), so the check can resolve them the same way.
 */
export interface RedirectAttack {
  /** What the trick is, for the test title. */
  name: string;
  value: string;
}

export const ATTACKER_HOST = 'evil.example';

export const REDIRECT_ATTACKS: readonly RedirectAttack[] = [
  { name: 'a foreign origin', value: `https://${ATTACKER_HOST}/landing` },
  { name: 'a scheme-relative //host', value: `//${ATTACKER_HOST}/landing` },
  // A browser reads a backslash as a slash in http(s) URLs, so this is //evil.example.
  { name: 'a backslash trick /\\host', value: `/\\${ATTACKER_HOST}/landing` },
  { name: 'a javascript: URL', value: 'javascript:alert(document.domain)' },
];

/** Schemes that run or embed content where a browser follows them. */
const SCRIPT_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:']);

export function resolve(value: string, base: string): URL | undefined {
  try {
    return new URL(value.trim(), base);
  } catch {
    return undefined;
  }
}

export const isScriptUrl = (url: URL | undefined): boolean => url !== undefined && SCRIPT_SCHEMES.has(url.protocol);

/**
 * Where a request parameter would send a browser, when that is somewhere else than the request's
 * own origin: a foreign origin, or a script URL. Plain words and same-origin paths are not targets.
 */
export function foreignTarget(value: string, requestUrl: string): URL | undefined {
  const v = value.trim();
  // Only values shaped like a URL or a path: a name such as "github" is no redirect target.
  if (!/^([a-z][a-z0-9+.-]*:|[/\\])/i.test(v)) return undefined;
  const url = resolve(v, requestUrl);
  if (!url) return undefined;
  if (isScriptUrl(url)) return url;
  return url.origin !== new URL(requestUrl).origin && url.origin !== 'null' ? url : undefined;
}
