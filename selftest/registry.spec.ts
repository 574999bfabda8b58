import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { API_DEFINITIONS, AVAILABLE_APIS } from '../engine/config/apis.ts';
import { loadContract } from '../engine/contract/load.ts';
import { nodesAlong, pointerKeys } from '../engine/pointer.ts';
import { COMMON } from '../requirements/common.ts';
import { REQUIREMENTS } from '../requirements/index.ts';
import { ROOT } from './support/cli.ts';

/** The registry agrees with the contracts and the suites, read from the sources themselves. */

test('every documented status has its requirement, and every status requirement is documented', () => {
  for (const api of AVAILABLE_APIS) {
    const contract = loadContract(api, API_DEFINITIONS[api].contract);
    const documented = Object.values(contract.operations).flatMap((o) => Object.keys(o.responses).map((s) => `${api}:${o.operationId}#${s}`)).sort();
    const registered = Object.keys(REQUIREMENTS).filter((id) => id.startsWith(`${api}:`) && id.includes('#')).sort();
    expect(registered, api).toEqual(documented);
  }
});

test('every API requirement is named by at least one test (from Playwright\'s own list of the suites)', () => {
  const list = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/@playwright/test/cli.js'), 'test', '--list', '--reporter=json', '-c', resolve(ROOT, 'playwright.config.ts')], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(list.status, list.stderr).toBe(0);
  const named = new Set<string>();
  const walk = (suite: { specs?: { tests: { annotations: { type: string; description?: string }[] }[] }[]; suites?: unknown[] }) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests) for (const a of t.annotations) if (a.type === 'requirement' && a.description) named.add(a.description);
    for (const s of (suite.suites ?? []) as (typeof suite)[]) walk(s);
  };
  for (const s of (JSON.parse(list.stdout) as { suites: (Parameters<typeof walk>[0])[] }).suites) walk(s);
  // A status the document lists but no request can lead to says why in its x-requirement instead.
  const apiIds = Object.entries(REQUIREMENTS).filter(([id, r]) => AVAILABLE_APIS.some((api) => id.startsWith(`${api}:`)) && !r.notProvokable).map(([id]) => id);
  expect(apiIds.filter((id) => !named.has(id)), 'registered but proven by no test').toEqual([]);
  const provable = Object.entries(REQUIREMENTS).filter(([id, r]) => r.notProvokable && named.has(id)).map(([id]) => id);
  expect(provable, 'marked not provokable in the contract, yet named by a test').toEqual([]);
  // ASVS-3.4.1 (Secure cookies) applies only to https targets, so no suite run against the loopback
  // reference servers can show it; the check's table in checks/checks.spec.ts proves it can fail.
  // RFC9110-10.2.2 judges only redirects whose contract does not document Location itself (where
  // it does, the operation's own requirement owns a missing one); the table proves it can fail.
  // RFC9110-8.3 likewise judges only content the contract does not document (an error body where the
  // vendor documents none): it is judged wherever such content comes, but no scenario can promise one.
  const notProvableHere = new Set(['ASVS-3.4.1', 'RFC9110-10.2.2', 'RFC9110-8.3']);
  expect(Object.keys(COMMON).filter((id) => !named.has(id) && !notProvableHere.has(id)), 'common requirements no test names').toEqual([]);
});

test('every requirement sourced to a correction points at a place in the contract that says why', () => {
  for (const [id, r] of Object.entries(REQUIREMENTS)) {
    if (r.source.kind !== 'correction') continue;
    const m = /^contracts\/([a-z]+\.yaml)#(.*)$/.exec(r.source.url);
    expect(m, `${id}: ${r.source.url} is a contracts/<api>.yaml#<json-pointer> link`).not.toBeNull();
    const doc = parse(readFileSync(resolve(ROOT, 'contracts', m![1]!), 'utf8')) as unknown;
    const nodes = nodesAlong(doc, pointerKeys(m![2]!, true));
    expect(nodes.at(-1), `${id}: ${r.source.url} resolves`).toBeDefined();
    const explained = nodes.some((n) => n && typeof n === 'object' && Object.keys(n).some((k) => k.startsWith('x-correction')));
    expect(explained, `${id}: an x-correction at or above ${r.source.url}`).toBe(true);
  }
});

/**
 * The pinned upstream documents this suite cites, and where a copy of each lies beside the checkout
 * (the workplace's shared/ folder). Without the copies, the line check below is skipped; the rest holds.
 */
const UPSTREAM_COPIES: Record<string, string> = {
  'https://github.com/traPtitech/traQ/blob/ac297a77b09ec1b252eaf7881a34054c483654cf/docs/v3-api.yaml': 'traq.yaml',
  'https://github.com/semaphoreui/semaphore/blob/d4a27137486d65f963257d06e6b7867b54513e20/api-docs.yml': 'semaphore.yml',
  'https://github.com/svix/svix-webhooks/blob/7e0b8360b4f92da5edf7d78ec0514e12ae503454/openapi.json': 'svix.json',
};
const COPIES = resolve(ROOT, '../shared/reference/upstream');

test('provenance: every MUST is written somewhere, as a vendor line, an RFC MUST sentence, or a correction citing both', () => {
  const problems: string[] = [];
  const lines = new Map<string, string[] | null>();
  const copy = (doc: string): string[] | null => {
    if (!lines.has(doc)) {
      const file = UPSTREAM_COPIES[doc] && resolve(COPIES, UPSTREAM_COPIES[doc]!);
      lines.set(doc, file && existsSync(file) ? readFileSync(file, 'utf8').split('\n') : null);
    }
    return lines.get(doc)!;
  };
  for (const [id, r] of Object.entries(REQUIREMENTS) as [string, { level: string; source: { kind: string; url: string; marker?: string; says?: string } }][]) {
    if (r.level !== 'MUST') continue;
    const { kind, url, marker, says } = r.source;
    if (kind === 'vendor') {
      const m = /^(.*)#L(\d+)$/.exec(url);
      if (!m || !marker) {
        problems.push(`${id}: a vendor MUST cites a line (…#L<n>) and a marker the line holds; got ${url}`);
        continue;
      }
      const text = copy(m[1]!);
      const line = text?.[Number(m[2]) - 1];
      if (text && !line?.includes(marker)) problems.push(`${id}: line ${m[2]} of ${UPSTREAM_COPIES[m[1]!]} does not hold "${marker}"`);
    } else if (kind === 'rfc') {
      if (!says || !/\bMUST( NOT)?\b/.test(says)) problems.push(`${id}: an RFC MUST quotes the sentence with MUST or MUST NOT; got ${says ?? 'none'}`);
    } else if (kind === 'correction') {
      const note = correctionAt(url);
      const cites = (v: unknown) => typeof v === 'string' && /(#L\d+|line \d+|RFC ?\d+ ?§ ?[\d.]+)/i.test(v);
      if (!note || !cites(note.upstream) || !cites(note['backed-by'])) problems.push(`${id}: a corrected MUST needs an x-correction whose upstream and backed-by both cite a place (an upstream line, an RFC section)`);
    } else {
      problems.push(`${id}: ${kind} is best practice, so SHOULD at most`);
    }
  }
  const unchecked = [...lines].filter(([, text]) => text === null).map(([doc]) => UPSTREAM_COPIES[doc] ?? doc);
  // A clone without the workplace's copies still checks everything else; it says what it could not.
  if (unchecked.length > 0) test.info().annotations.push({ type: 'not checked', description: `vendor lines of ${unchecked.join(', ')}: no pinned copy in ${COPIES}` });
  expect(problems).toEqual([]);
});

function correctionAt(url: string): Record<string, unknown> | undefined {
  const m = /^contracts\/([a-z]+\.yaml)#(.*)$/.exec(url);
  if (!m) return undefined;
  const doc = parse(readFileSync(resolve(ROOT, 'contracts', m[1]!), 'utf8')) as unknown;
  for (const n of nodesAlong(doc, pointerKeys(m[2]!, true)).reverse()) {
    const found = n && typeof n === 'object' ? Object.entries(n).find(([k]) => k.startsWith('x-correction'))?.[1] : undefined;
    if (found && typeof found === 'object') return found as Record<string, unknown>;
  }
  return undefined;
}
