import type { Violation } from '../checks/types.ts';
import type { Exchange, RecordedRequest, RecordedResponse, ResponseHeaders } from './exchange.ts';
import { pointerKeys } from '../pointer.ts';
import { splitSetCookie } from '../checks/cookies.ts';

/**
 * Evidence passes through here before it is written anywhere. Two nets:
 * - by position, whatever the value: credential headers, secret-named JSON fields, query
 *   parameters and form fields, URL userinfo and fragments, cookie values;
 * - by value: the configured credentials and every cookie and token a server handed out during
 *   the run, in each encoding they travel in (raw, JSON-escaped, percent- and form-encoded,
 *   base64), wherever they appear.
 */
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-apikey', 'api-key', 'apikey',
  'x-auth-token', 'x-access-token', 'x-csrf-token', 'x-xsrf-token',
  // nextAuth's X-nonce names a login; once the user confirms it, it is the session.
  'x-nonce',
]);
/** Header names that say they carry a credential, beyond the list above (e.g. X-Session-Token). */
const SECRET_HEADER_NAME = /(^|-)(token|secret|api-?key|apikey|password|passwd|session|session-id|auth)($|-)/i;
const SECRET_FIELD = /^(password|passwd|pass|pwd|secret|token|access_?token|refresh_?token|id_?token|api_?key|apikey|key|client_?secret|session|session_?id|cookie|private_?key|credentials?)$|(password|passwd|secret|token|api_?key|private_?key|credential)$/i;
const SECRET_QUERY = /^(password|passwd|pass|pwd|token|access_token|refresh_token|api_?key|apikey|key|code|state|session|secret|client_secret|id_token|sig|signature)$/i;
/** Cookie attributes a reader needs to judge a cookie; any other attribute's value is hidden. */
const COOKIE_ATTRIBUTES = /^(expires|max-age|domain|path|secure|httponly|samesite|partitioned|priority)$/i;
/** Values a server hands out shorter than this are not hunted as substrings (they are hidden by position). */
const MIN_LEARNED_LENGTH = 6;
/** Configured secrets shorter than this are hidden only where they stand alone, not inside a longer word. */
const SHORT_SECRET = 6;

interface Needle {
  text: string;
  /** Only where no letter or digit touches it on either side. */
  bounded: boolean;
}

export class Redactor {
  private readonly needles = new Map<string, Needle>();
  private sorted: Needle[] | undefined;
  /**
   * The needles by their first PREFIX characters, and those shorter. A run learns thousands (every
   * cookie and token, in every encoding): one regular expression of them all cost a live run of
   * every API 1.2 s of its worker's CPU; looking up each position of a string costs 0.14 s.
   */
  private readonly byPrefix = new Map<number, Needle[]>();
  /** Which prefixes' hashes occur at all: most positions of a text are passed over on one array read. */
  private readonly seen = new Uint8Array(1 << 16);
  private readonly short: Needle[] = [];

  /** `secrets`: the configured credentials, hidden whatever their length. */
  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.addSecret(s, true);
  }

  /** A secret value to hide everywhere, in every encoding. A learned (handed-out) value must be long enough to hunt safely. */
  addSecret(value: string | undefined, configured = false): void {
    if (!value || (!configured && value.length < MIN_LEARNED_LENGTH)) return;
    const bounded = value.length < SHORT_SECRET;
    for (const v of encodings(value)) if (v.length > 0) this.add({ text: v, bounded });
    // base64 of the value inside a longer text (e.g. Basic user:password) depends on its offset; its stable middle does not.
    for (const core of base64Cores(value)) if (core.length >= 8) this.add({ text: core, bounded: false });
  }

  private add(n: Needle): void {
    if (this.needles.has(n.text)) return;
    this.needles.set(n.text, n);
    this.sorted = undefined;
    if (n.text.length < PREFIX) this.short.push(n);
    else {
      const key = prefixAt(n.text, 0);
      this.seen[hashOf(n.text.charCodeAt(0), n.text.charCodeAt(1), n.text.charCodeAt(2))] = 1;
      const same = this.byPrefix.get(key);
      if (same) same.push(n);
      else this.byPrefix.set(key, [n]);
    }
  }

  /** Learns the secrets a response hands out (cookie values, token fields, URL fragments and keys) so later evidence hides them. */
  learnFrom(res: RecordedResponse, secretFields: readonly string[] = []): void {
    for (const line of [res.headers['set-cookie'] ?? []].flat()) this.addSecret(splitSetCookie(line).value);
    // Links anywhere (Location, a body, a header that echoes one, percent-encoded or not) may carry a key in the fragment or query.
    for (const [name, value] of Object.entries(res.headers)) {
      if (name === 'set-cookie') continue;
      for (const v of [value].flat()) for (const t of new Set([v, safeDecode(v)])) for (const [u] of t.matchAll(URL_IN_TEXT)) this.learnUrl(u);
    }
    for (const [u] of res.text.matchAll(URL_IN_TEXT)) this.learnUrl(u);
    try {
      collectSecrets(JSON.parse(res.text), secretFields, (v) => this.addSecret(v), (u) => this.learnUrl(u));
    } catch {
      /* not JSON: nothing to learn */
    }
  }

  private learnUrl(raw: string): void {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return;
    }
    const hash = u.hash.slice(1);
    if (hash) {
      this.addSecret(hash);
      this.addSecret(safeDecode(hash));
      for (const [, v] of new URLSearchParams(hash)) this.addSecret(v);
    }
    for (const [k, v] of u.searchParams) if (SECRET_QUERY.test(k)) this.addSecret(v);
    this.addSecret(safeDecode(u.username));
    this.addSecret(safeDecode(u.password));
  }

  /** Hides known secret values, secret-named JSON fields and the secret parts of any URL in free text. */
  text(s: string): string {
    let out = this.values(s);
    out = out.replace(JSON_SECRET_FIELD, (_m, key: string, close: string) => `"${key}": "${REDACTED}${close}`);
    out = out.replace(URL_IN_TEXT, (u) => this.urlPositions(u));
    return out;
  }

  /** A received value shortened by the checks ('...' at the end) may end in the first part of a secret: hide that too. */
  shortened(s: string): string {
    const out = this.text(s);
    if (!out.endsWith('...')) return out;
    const head = out.slice(0, -3);
    for (const n of this.ordered()) {
      for (let k = Math.min(n.text.length - 1, head.length); k >= 3; k--) {
        if (head.endsWith(n.text.slice(0, k))) return `${head.slice(0, -k)}${REDACTED}...`;
      }
    }
    return out;
  }

  url(raw: string): string {
    if (this.occurring(raw, true).length === 0 && !URL_HAS_POSITIONAL_SECRET.test(raw)) return raw;
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return this.text(raw);
    }
    // Query values are judged decoded, so no re-encoding of the URL can slip a secret past the values.
    const given = [...u.searchParams];
    const params = given.map(([k, v]): [string, string] => [this.values(k), SECRET_QUERY.test(k) ? REDACTED : this.values(v)]);
    // Rebuilt only when something is hidden: the rest of the URL stays as it was sent.
    if (params.some(([k, v], i) => k !== given[i]![0] || v !== given[i]![1])) {
      u.search = '';
      for (const [k, v] of params) u.searchParams.append(k, v);
    }
    if (u.username) u.username = REDACTED;
    if (u.password) u.password = REDACTED;
    // Fragments carry tokens (magic links, portal logins, implicit OAuth flows) and never reach a server anyway.
    if (u.hash) u.hash = REDACTED;
    const path = u.pathname.split('/').map((seg) => {
      const decoded = safeDecode(seg);
      const hidden = this.values(decoded);
      return hidden === decoded ? seg : encodeURIComponent(hidden);
    }).join('/');
    u.pathname = path;
    return this.values(unescapeMarker(u.toString()));
  }

  headers<H extends Record<string, string | string[]>>(headers: H): H {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      const one = (v: string): string => SECRET_HEADERS.has(lower) || SECRET_HEADER_NAME.test(lower) ? this.headerValue(lower, v)
        : lower === 'location' || lower === 'content-location' ? this.url(v)
        : this.text(v);
      out[this.values(name)] = Array.isArray(value) ? value.map(one) : one(value);
    }
    return out as H;
  }

  body(text: string): string {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return FORM.test(text.trim()) ? this.form(text.trim()) : this.text(text);
    }
    // Strings are judged decoded, so JSON escapes (a `"` or `\` in a password) cannot hide a secret.
    const redacted = redactFields(parsed, (s) => (/^https?:\/\//i.test(s) ? this.url(s) : this.text(s)), (k) => this.values(k));
    return this.text(JSON.stringify(redacted, null, 2));
  }

  private form(text: string): string {
    return text.split('&').map((pair) => {
      const eq = pair.indexOf('=');
      const k = eq < 0 ? pair : pair.slice(0, eq);
      if (eq < 0) return this.values(k);
      return `${this.values(k)}=${SECRET_QUERY.test(safeDecode(k)) || SECRET_FIELD.test(safeDecode(k)) ? REDACTED : this.values(pair.slice(eq + 1))}`;
    }).join('&');
  }

  request(req: RecordedRequest): RecordedRequest {
    return {
      method: req.method,
      url: this.url(req.url),
      headers: this.headers(req.headers),
      ...(req.body !== undefined ? { body: this.body(req.body) } : {}),
    };
  }

  response(res: RecordedResponse): RecordedResponse {
    return {
      status: res.status,
      headers: this.headers(res.headers as ResponseHeaders),
      text: this.body(res.text),
      ...(res.base64 !== undefined ? { base64: '[binary body omitted]' } : {}),
      bytes: res.bytes,
    };
  }

  exchange(ex: Exchange): Exchange {
    return {
      ...ex,
      request: this.request(ex.request),
      ...(ex.response ? { response: this.response(ex.response) } : {}),
      ...(ex.error ? { error: this.text(ex.error) } : {}),
    };
  }

  /** A check's finding, with its Received values (schema errors included) hidden like any evidence. */
  violation(v: Violation): Violation {
    return {
      ...v,
      message: this.text(v.message),
      ...(v.expected !== undefined ? { expected: this.text(v.expected) } : {}),
      ...(v.received !== undefined ? { received: this.shortened(v.received) } : {}),
      ...(v.schemaErrors ? {
        schemaErrors: v.schemaErrors.map((e) => ({
          path: this.text(e.path),
          expected: this.text(e.expected),
          received: pointerIsSecret(e.path) ? REDACTED : this.shortened(e.received),
        })),
      } : {}),
    };
  }

  /** Only the positional part of URL redaction (for URLs found in free text, whose values are hidden already). */
  private urlPositions(raw: string): string {
    let u: URL;
    try {
      u = new URL(raw);
    } catch {
      return raw;
    }
    if (!u.username && !u.password && !u.hash && ![...u.searchParams.keys()].some((k) => SECRET_QUERY.test(k))) return raw;
    const params = [...u.searchParams].map(([k, v]): [string, string] => [k, SECRET_QUERY.test(k) ? REDACTED : v]);
    u.search = '';
    for (const [k, v] of params) u.searchParams.append(k, v);
    if (u.username) u.username = REDACTED;
    if (u.password) u.password = REDACTED;
    if (u.hash) u.hash = REDACTED;
    return unescapeMarker(u.toString());
  }

  private headerValue(name: string, value: string): string {
    if (name === 'authorization' || name === 'proxy-authorization') {
      const scheme = value.trim().split(/\s+/)[0] ?? '';
      const keep = value.trim().includes(' ') && /^[A-Za-z][A-Za-z0-9-]{0,19}$/.test(scheme) && this.values(scheme) === scheme;
      return keep ? `${scheme} ${REDACTED}` : REDACTED;
    }
    if (name === 'set-cookie') {
      const cookie = splitSetCookie(value);
      const shown = cookie.attributes.map(({ name: an, value: av }) => {
        if (!COOKIE_ATTRIBUTES.test(an)) return ` ${this.values(an) === an ? an : REDACTED}${av === undefined ? '' : `=${REDACTED}`}`;
        return av === undefined ? ` ${an}` : ` ${an}=${this.text(av)}`;
      });
      return [`${this.values(cookie.name)}=${REDACTED}`, ...shown].join(';');
    }
    if (name === 'cookie') {
      return value.split(';').map((p) => {
        const eq = p.indexOf('=');
        return eq < 0 ? REDACTED : `${this.values(p.slice(0, eq).trim())}=${REDACTED}`;
      }).join('; ');
    }
    return REDACTED;
  }

  private ordered(): Needle[] {
    // Longest first, so a secret that contains another is hidden whole.
    this.sorted ??= [...this.needles.values()].sort((a, b) => b.text.length - a.text.length);
    return this.sorted;
  }

  /** The needles that occur in `s`, longest first (so a secret that contains another is hidden whole); `first`: stop at one. */
  private occurring(s: string, first = false): Needle[] {
    const found = new Set<Needle>();
    for (const n of this.short) {
      if (s.includes(n.text)) found.add(n);
      if (first && found.size > 0) return [...found];
    }
    if (this.byPrefix.size > 0 && s.length >= PREFIX) {
      const { seen, byPrefix } = this;
      // The three characters at i, carried from one position to the next: one read per position.
      let c0 = s.charCodeAt(0);
      let c1 = s.charCodeAt(1);
      for (let i = 0, end = s.length - PREFIX; i <= end; i++) {
        const c2 = s.charCodeAt(i + 2);
        if (seen[hashOf(c0, c1, c2)] !== 0) {
          const candidates = byPrefix.get(c0 * 0x100000000 + c1 * 0x10000 + c2);
          if (candidates) for (const n of candidates) if (s.startsWith(n.text, i)) found.add(n);
          if (first && found.size > 0) return [...found];
        }
        c0 = c1;
        c1 = c2;
      }
    }
    return [...found].sort((a, b) => b.text.length - a.text.length);
  }

  /** Replaces the known secret values, in every encoding, and nothing else. */
  private values(s: string): string {
    let out = s;
    for (const n of this.occurring(s)) {
      if (!out.includes(n.text)) continue;
      out = n.bounded ? out.replace(new RegExp(`${STANDS_ALONE_BEFORE}${escapeRegExp(n.text)}(?![\\p{L}\\p{N}])`, 'gu'), REDACTED) : out.split(n.text).join(REDACTED);
    }
    return out;
  }
}

/** Needles are indexed by this many leading characters (as one number: no string is made per position); shorter ones are searched one by one. */
const PREFIX = 3;
const prefixAt = (s: string, i: number): number => s.charCodeAt(i) * 0x100000000 + s.charCodeAt(i + 1) * 0x10000 + s.charCodeAt(i + 2);
const hashOf = (c0: number, c1: number, c2: number): number => ((c0 << 11) ^ (c1 << 5) ^ c2) & 0xffff;

/** Every form a value takes in transit or in a report. */
export function encodings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const asciiJson = json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  // Go's encoding/json also escapes <, > and &; some servers write hex digits in capitals.
  const goJson = asciiJson.replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const percent = encodeURIComponent(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const all = [value, json, asciiJson, goJson, asciiJson.replace(/\\u([0-9a-f]{4})/g, (_m, h: string) => `\\u${h.toUpperCase()}`),
    percent, encodeURI(value), form, percent.replace(/%20/g, '+'), lowerHex(percent), lowerHex(form), lowerHex(encodeURI(value)),
    // The same value once more percent-encoded (a redirect parameter that carries a URL).
    encodeURIComponent(percent)];
  const bytes = Buffer.from(value, 'utf8');
  const b64 = bytes.toString('base64');
  all.push(b64, b64.replace(/=+$/, ''), bytes.toString('base64url'), escapeHtml(value));
  return [...new Set(all)];
}

/** The base64 of a value at each of the three offsets it can have inside a longer text, minus the characters its neighbours decide. */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out: string[] = [];
  for (const pad of [1, 2]) {
    const enc = Buffer.concat([Buffer.alloc(pad), bytes]).toString('base64').replace(/=+$/, '');
    const start = Math.ceil((pad * 8) / 6);
    const end = Math.floor(((pad + bytes.length) * 8) / 6);
    if (end > start) out.push(enc.slice(start, end));
  }
  const plain = bytes.toString('base64').replace(/=+$/, '');
  out.push(plain.slice(0, Math.floor((bytes.length * 8) / 6)));
  return out;
}

/** Before a short secret: no letter or digit, unless it ends an escape (%22, \n, \u00e9), which is a boundary too. */
const STANDS_ALONE_BEFORE = '(?:(?<![\\p{L}\\p{N}])|(?<=%[0-9A-Fa-f]{2})|(?<=\\\\[nrtbf])|(?<=\\\\u[0-9A-Fa-f]{4}))';
const lowerHex = (s: string): string => s.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const unescapeMarker = (s: string): string => s.replaceAll(encodeURIComponent(REDACTED), REDACTED).replaceAll('%5Bredacted%5D', REDACTED);

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/** Userinfo, a fragment, or a query parameter whose name says secret: worth parsing the URL for. */
const URL_HAS_POSITIONAL_SECRET = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@|#|[?&](password|passwd|pass|pwd|token|access_token|refresh_token|api_?key|apikey|key|code|state|session|secret|client_secret|id_token|sig|signature)=/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>\\`]+/gi;
/** A secret-named field inside JSON-looking free text (a shortened body in a message); the closing quote may be cut off. */
const JSON_SECRET_FIELD = /"([A-Za-z0-9_-]*(?:password|passwd|secret|token|api_?key|apikey|private_?key|credentials?)|key|pass|pwd|session|session_?id|cookie)"\s*:\s*"(?:[^"\\]|\\.)*("?)/gi;
const FORM = /^[\w.%-]+=[^&\s]*(&[\w.%-]+=[^&\s]*)*$/;

function pointerIsSecret(pointer: string): boolean {
  return pointerKeys(pointer).some((key) => SECRET_FIELD.test(key));
}

function redactFields(v: unknown, str: (s: string) => string, key: (k: string) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => redactFields(x, str, key));
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [key(k), SECRET_FIELD.test(k) && x !== null && typeof x !== 'object' ? REDACTED : redactFields(x, str, key)]));
  }
  return v;
}

function collectSecrets(v: unknown, extra: readonly string[], add: (s: string) => void, url: (u: string) => void): void {
  if (Array.isArray(v)) v.forEach((x) => collectSecrets(x, extra, add, url));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if ((SECRET_FIELD.test(k) || extra.includes(k)) && typeof x === 'string') {
        add(x);
        // A link that carries the secret in its fragment (a magic login link) is a secret too.
        const hash = x.indexOf('#');
        if (hash >= 0) add(x.slice(hash + 1));
      } else if (typeof x === 'string' && /^https?:\/\//i.test(x)) url(x);
      else collectSecrets(x, extra, add, url);
    }
  }
}
