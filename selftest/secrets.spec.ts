import { API_DEFINITIONS, AVAILABLE_APIS } from '../engine/config/apis.ts';
import { loadContract } from '../engine/contract/load.ts';
import type { Contract } from '../engine/contract/model.ts';
import { REFERENCES } from '../reference/index.ts';
import type { Recording } from '../reference/kit/host.ts';
import { runConformance } from './support/cli.ts';
import { filesBelow } from './support/files.ts';
import { expect, test } from './support/reference.ts';

/**
 * Secrets never reach a report, a log, a trace or the output. Planted: every configured secret
 * (passwords, API keys, tokens). Handed out by the servers during the run: every cookie value,
 * every token in a body (including the schemas' x-secret fields, such as Semaphore's token id, and
 * magic links that carry a token). After a full run of each API, fault-free and with a fault (so
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

for (const ref of REFERENCES.filter((r) => AVAILABLE_APIS.includes(r.api))) {
  test(`${ref.api}: no planted or handed-out secret appears in any file the run writes or in its output`, async ({ host }) => {
    const def = API_DEFINITIONS[ref.api];
    const planted = def.variables.filter((v) => v.secret).map((v) => ref.env[v.name]).filter((v): v is string => !!v);
    expect(planted.length).toBeGreaterThan(0);
    const contract = loadContract(ref.api, def.contract);
    const faulty = Object.keys(ref.faults)[0]!;
    for (const faults of ['ok', faulty]) {
      const instance = `secrets-${faults === 'ok' ? 'ok' : 'fault'}`;
      const run = await runConformance({
        ...ref.env, CONFORMANCE_TARGET: 'live', CONFORMANCE_APIS: ref.api, CONFORMANCE_ALLOW_DESTRUCTIVE: '1',
        [def.baseUrlVariable]: host.baseUrl(ref.api, faults, instance),
      });
      expect(run.report, run.stderr).toBeDefined();
      const recs = host.recordings().filter((r) => r.instance === `${ref.api}/${faults}~${instance}`);
      const secrets = [...planted, ...handedOut(recs, (r) => secretFieldsFor(contract, ref.basePath, r))];
      expect(recs.length).toBeGreaterThan(10);
      const places = [...filesBelow(run.reportDir), { path: 'stdout', text: run.stdout }, { path: 'stderr', text: run.stderr }];
      for (const { path, text } of places) {
        for (const s of secrets) expect(text.includes(s), `${s.slice(0, 3)}… (${s.length} chars) in ${path}`).toBe(false);
      }
    }
  });
}
