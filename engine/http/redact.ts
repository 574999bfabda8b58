import type { Exchange, RecordedRequest, RecordedResponse, ResponseHeaders } from './exchange.ts';

/**
 * Evidence passes through here before it is written anywhere. Three nets: header names that carry
 * credentials, JSON field names that carry secrets, and the secret values themselves (configured
 * credentials plus every cookie and token a server handed out during the run), wherever they
 * appear: URLs, bodies, header values, messages.
 */
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key', 'x-apikey', 'api-key', 'apikey',
  'x-auth-token', 'x-access-token', 'x-csrf-token', 'x-xsrf-token',
]);
const SECRET_FIELD = /^(password|passwd|secret|token|access_?token|refresh_?token|id_?token|api_?key|apikey|client_?secret|session|session_?id|cookie|private_?key|credentials?)$/i;
const SECRET_QUERY = /^(password|token|access_token|api_?key|apikey|code|state|session|secret|client_secret|id_token)$/i;
/** Values shorter than this are not hunted as substrings: too likely to collide with ordinary text. */
const MIN_SECRET_LENGTH = 6;

export class Redactor {
  private readonly values = new Set<string>();

  constructor(secrets: Iterable<string> = []) {
    for (const s of secrets) this.addSecret(s);
  }

  addSecret(value: string | undefined): void {
    if (value && value.length >= MIN_SECRET_LENGTH) {
      this.values.add(value);
      const encoded = encodeURIComponent(value);
      if (encoded !== value) this.values.add(encoded);
    }
  }

  /** Learns the secrets a response hands out (cookie values, token fields) so later evidence hides them. */
  learnFrom(res: RecordedResponse, secretFields: readonly string[] = []): void {
    for (const line of [res.headers['set-cookie'] ?? []].flat()) {
      const eq = line.indexOf('=');
      const value = line.slice(eq + 1).split(';')[0]?.trim();
      this.addSecret(value);
    }
    try {
      collectSecretFields(JSON.parse(res.text), secretFields, (v) => this.addSecret(v));
    } catch {
      /* not JSON: nothing to learn */
    }
  }

  text(s: string): string {
    let out = s;
    // Longest first, so a secret that contains another is hidden whole.
    for (const v of [...this.values].sort((a, b) => b.length - a.length)) out = out.split(v).join(REDACTED);
    return out;
  }

  url(raw: string): string {
    try {
      const u = new URL(raw);
      for (const key of [...u.searchParams.keys()]) if (SECRET_QUERY.test(key)) u.searchParams.set(key, REDACTED);
      if (u.password) u.password = REDACTED;
      // Fragments carry tokens (magic links, implicit OAuth flows) and never reach a server anyway.
      if (u.hash) u.hash = REDACTED;
      return this.text(u.toString().replaceAll(encodeURIComponent(REDACTED), REDACTED).replace('#%5Bredacted%5D', `#${REDACTED}`));
    } catch {
      return this.text(raw);
    }
  }

  headers<H extends Record<string, string | string[]>>(headers: H): H {
    const out: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(headers)) {
      const lower = name.toLowerCase();
      if (SECRET_HEADERS.has(lower)) out[name] = Array.isArray(value) ? value.map((v) => redactHeaderValue(lower, v)) : redactHeaderValue(lower, value);
      else if (lower === 'location') out[name] = Array.isArray(value) ? value.map((v) => this.url(v)) : this.url(value);
      else out[name] = Array.isArray(value) ? value.map((v) => this.text(v)) : this.text(value);
    }
    return out as H;
  }

  body(text: string): string {
    try {
      return this.text(JSON.stringify(redactFields(JSON.parse(text), (s) => (/^https?:\/\//.test(s) ? this.url(s) : s)), null, 2));
    } catch {
      return this.text(text);
    }
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
}

/** Keeps what a reader needs to judge a header (the scheme, the cookie's name and attributes), hides the secret part. */
function redactHeaderValue(name: string, value: string): string {
  if (name === 'authorization' || name === 'proxy-authorization') {
    const scheme = value.split(/\s+/)[0];
    return value.includes(' ') ? `${scheme} ${REDACTED}` : REDACTED;
  }
  if (name === 'set-cookie') {
    const [pair, ...attrs] = value.split(';');
    const eq = pair!.indexOf('=');
    const cookieName = eq < 0 ? pair! : pair!.slice(0, eq);
    return [`${cookieName.trim()}=${REDACTED}`, ...attrs].join(';');
  }
  if (name === 'cookie') {
    return value.split(';').map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? REDACTED : `${p.slice(0, eq).trim()}=${REDACTED}`;
    }).join('; ');
  }
  return REDACTED;
}

function redactFields(v: unknown, str: (s: string) => string): unknown {
  if (Array.isArray(v)) return v.map((x) => redactFields(x, str));
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, SECRET_FIELD.test(k) && x !== null && typeof x !== 'object' ? REDACTED : redactFields(x, str)]));
  }
  return v;
}

function collectSecretFields(v: unknown, extra: readonly string[], add: (s: string) => void): void {
  if (Array.isArray(v)) v.forEach((x) => collectSecretFields(x, extra, add));
  else if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if ((SECRET_FIELD.test(k) || extra.includes(k)) && typeof x === 'string') {
        add(x);
        // A link that carries the secret in its fragment (a magic login link) is a secret too.
        const hash = x.indexOf('#');
        if (hash >= 0) add(x.slice(hash + 1));
      } else collectSecretFields(x, extra, add);
    }
  }
}
