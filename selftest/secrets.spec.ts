import { readFileSync } from 'node:fs';
import { traqReference } from '../reference/traq/index.ts';
import { API_DEFINITIONS, AVAILABLE_APIS } from '../engine/config/apis.ts';
import { loadContract } from '../engine/contract/load.ts';
import type { Contract } from '../engine/contract/model.ts';
import { REFERENCES } from '../reference/index.ts';
import type { Recording, ReferenceHost } from '../reference/kit/host.ts';
import { runConformance, type CliRun } from './support/cli.ts';
import { filesBelow, textsOf } from './support/files.ts';
import { startProxy } from './support/proxy.ts';
import { expect, test } from './support/reference.ts';

/**
 * Secrets never reach a report, a log, a trace or the output. Planted: every configured secret
 * (passwords, API keys, tokens). Handed out by the servers during the run: every cookie value,
 * every token in a body (including the schemas' x-secret fields, such as Semaphore's token id, and
 * magic links that carry a token). After a full run of every API, fault-free and with a fault (so
 * failure messages and failed checks' evidence are searched too), none of them appears anywhere.
 */
const SECRET_KEYS = /^(token|access_?token|refresh_?token|secret|api_?key|password)$/i;

/** The x-secret fields of the documented response a recorded exchange got. */
function secretFieldsFor(contract: Contract, basePath: string, r: Recording): string[] {
  const path = r.path.split('?')[0]!.slice(basePath.length);
  const op = Object.values(contract.operations).find((o) => o.method === r.method && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path));
  return op?.responses[String(r.status)]?.secretFields ?? [];
}

function handedOut(recs: readonly Recording[], fieldsOf: (r: Recording) => string[]): string[] {
  const out = new Set<string>();
  for (const r of recs) {
    const secretFields = fieldsOf(r);
    for (const line of [r.responseHeaders['set-cookie'] ?? []].flat() as string[]) {
      const value = line.split(';')[0]!.split('=').slice(1).join('=');
      if (value.length >= 8) out.add(value);
    }
    try {
      const walk = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            if (typeof x === 'string' && x.length >= 8 && (SECRET_KEYS.test(k) || secretFields.includes(k))) {
              out.add(x);
              if (x.includes('#')) out.add(x.slice(x.indexOf('#') + 1));
            } else walk(x);
          }
        }
      };
      walk(JSON.parse(r.body));
    } catch {
      /* not JSON */
    }
  }
  return [...out];
}

const refs = REFERENCES.filter((r) => AVAILABLE_APIS.includes(r.api));
const runs = new Map<string, Promise<CliRun>>();

/**
 * One run of every API on the servers with `faults` (`ok`, or each API's first fault), shared by
 * the API's tests below: each searches every file of it for its own API's secrets.
 */
function sharedRun(host: ReferenceHost, faults: 'ok' | 'fault'): Promise<CliRun> {
  let run = runs.get(faults);
  if (!run) {
    const env: Record<string, string> = { CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: refs.map((r) => r.api).join(','), CONFORMANCE_ALLOW_DESTRUCTIVE: '1' };
    for (const ref of refs) Object.assign(env, ref.env, { [API_DEFINITIONS[ref.api].baseUrlVariable]: host.baseUrl(ref.api, switches(ref, faults), `secrets-${faults}`) });
    run = runConformance(env);
    runs.set(faults, run);
  }
  return run;
}

const switches = (ref: (typeof refs)[number], faults: 'ok' | 'fault'): string => (faults === 'ok' ? 'ok' : Object.keys(ref.faults)[0]!);

test.describe('every configured or handed-out secret', () => {
  // The tests of one run stay in one worker, in order, so they share it.
  test.describe.configure({ mode: 'default' });
  for (const ref of refs) {
    test(`${ref.api}: no planted or handed-out secret appears in any file the run writes or in its output`, async ({ host }) => {
      const def = API_DEFINITIONS[ref.api];
      const planted = def.variables.filter((v) => v.secret).map((v) => ref.env[v.name]).filter((v): v is string => !!v);
      expect(planted.length).toBeGreaterThan(0);
      const contract = loadContract(ref.api, def.contract);
      for (const faults of ['ok', 'fault'] as const) {
        const run = await sharedRun(host, faults);
        expect(run.report, run.stderr).toBeDefined();
        const recs = host.recordings().filter((r) => r.instance === `${ref.api}/${switches(ref, faults)}~secrets-${faults}`);
        const secrets = [...planted, ...handedOut(recs, (r) => secretFieldsFor(contract, ref.basePath, r))];
        expect(recs.length).toBeGreaterThan(10);
        const places = [...filesBelow(run.reportDir), { path: 'stdout', text: run.stdout }, { path: 'stderr', text: run.stderr }];
        // One assertion for all: an expect per secret and file is a recorded step each, minutes of them.
        const found = places.flatMap(({ path, text }) => secrets.filter((s) => text.includes(s)).map((s) => `${s.slice(0, 3)}… (${s.length} chars) in ${path}`));
        expect(found, `secrets of the ${faults} run`).toEqual([]);
      }
    });
  }
});

/**
 * Secrets of any shape, through an echoing proxy: passwords with `"`, `\`, `%`, `#`, spaces and
 * non-ASCII, a 5-character token, credentials in the base URL, and a server that echoes them back
 * in bodies, headers, cookie names, base64 and a portal link (`#key=…`). The proxy swaps the
 * planted credentials for the reference server's own, so the run gets as far as a real one would.
 */
const ODD = {
  TRAQ_PASSWORD: 'Qu "ote\\d 50%#frag wörd',
  TRAQ_SUSPENDED_PASSWORD: 'sü$p "b\\ck" %41#x',
  TRAQ_TOKEN: 'Q7#k!',
} as const;
const URL_USER = 'conf-user';
const URL_PASSWORD = 'uü" p\\w%#1';
const PORTAL_KEY = 'portalKey-9f8e7d6c5b4a';

/** The forms a secret can take in a file or a log, computed here independently of the redactor. */
function forms(secret: string): string[] {
  const b = Buffer.from(secret, 'utf8');
  return [...new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret), new URLSearchParams({ v: secret }).toString().slice(2),
    b.toString('base64'), b.toString('base64').replace(/=+$/, ''), b.toString('base64url'),
    secret.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')])];
}

function leaks(places: { path: string; text: string }[], secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [name, secret] of Object.entries(secrets)) {
    for (const form of forms(secret)) for (const p of places) if (p.text.includes(form)) found.push(`${name} as ${JSON.stringify(form)} in ${p.path}`);
  }
  return found;
}

test('secrets of any characters and length, echoed back in every encoding, reach no file and no output', async ({ host }) => {
  const swap = (text: string, from: string, to: string) => text.split(JSON.stringify(from).slice(1, -1)).join(JSON.stringify(to).slice(1, -1));
  const real = traqReference.env;
  const proxy = await startProxy(host.origin, {
    request(r) {
      for (const k of ['TRAQ_PASSWORD', 'TRAQ_SUSPENDED_PASSWORD'] as const) r.body = swap(r.body, ODD[k], real[k]!);
      if (r.headers.authorization === `Bearer ${ODD.TRAQ_TOKEN}`) r.headers.authorization = `Bearer ${real.TRAQ_TOKEN}`;
      else if (String(r.headers.authorization).startsWith('Basic ')) delete r.headers.authorization;
    },
    response(req, res) {
      const echo = { echo: req.body, seen: String(req.headers.authorization ?? ''), b64: Buffer.from(`${URL_USER}:${ODD.TRAQ_PASSWORD}`).toString('base64'),
        again: `https://q.example/retry?p=${encodeURIComponent(ODD.TRAQ_PASSWORD)}&t=${encodeURIComponent(ODD.TRAQ_TOKEN)}`, portal: `https://portal.example/login#key=${PORTAL_KEY}` };
      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch {
        body = undefined;
      }
      if (body && typeof body === 'object' && !Array.isArray(body)) res.body = JSON.stringify({ ...body, ...echo });
      res.headers['x-echo'] = encodeURIComponent(JSON.stringify(echo));
      res.headers['set-cookie'] = [...[res.headers['set-cookie'] ?? []].flat(), `${encodeURIComponent(ODD.TRAQ_PASSWORD)}=1; Path=/${encodeURIComponent(ODD.TRAQ_TOKEN)}; X-Note=${encodeURIComponent(ODD.TRAQ_SUSPENDED_PASSWORD)}`];
    },
  });
  try {
    const base = new URL(host.baseUrl('traq', 'ok', 'odd-secrets').replace(host.origin, proxy.origin));
    base.username = URL_USER;
    base.password = encodeURIComponent(URL_PASSWORD);
    const run = await runConformance({ ...real, ...ODD, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', CONFORMANCE_ALLOW_DESTRUCTIVE: '1', TRAQ_BASE_URL: base.toString() });
    expect(run.report, run.stderr).toBeDefined();
    expect(proxy.passed.length).toBeGreaterThan(10);
    // The proxy's swap worked: the run logged in (else most of the paths above were never taken).
    expect(run.report!.results.find((r) => r.requirement === 'traq:login#204')?.verdict, 'a login got through').not.toBe('skip');
    const places = [...filesBelow(run.reportDir).flatMap((f) => textsOf(f.path, readFileSync(f.path))), { path: 'stdout', text: run.stdout }, { path: 'stderr', text: run.stderr }];
    expect(places.some((p) => p.path.includes(' » '))).toBe(true); // Playwright's report was opened
    expect(leaks(places, { ...ODD, URL_PASSWORD, PORTAL_KEY })).toEqual([]);
    expect(run.report!.run.apis[0]!.baseUrl).toMatch(/^http:\/\/\[redacted\]:\[redacted\]@127\.0\.0\.1:\d+\/traq\/ok~odd-secrets\/api\/v3$/);

    // The "cannot reach" line names the URL without its credentials.
    const down = new URL(base);
    down.port = '1';
    const unreachable = await runConformance({ ...real, ...ODD, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: 'traq', TRAQ_BASE_URL: down.toString() });
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toContain('cannot reach traq at http://[redacted]:[redacted]@127.0.0.1:1/');
    expect(leaks([{ path: 'stderr', text: unreachable.stderr }, { path: 'stdout', text: unreachable.stdout }], { URL_PASSWORD })).toEqual([]);
  } finally {
    await proxy.close();
  }
});
