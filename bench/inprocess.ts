/**
 * In-process measurements, run by bench/run.ts in a fresh child process:
 *   tsx bench/inprocess.ts <input.json> <output.json>
 *
 * 1. The exchanges a mock run checked (from its conformance.json evidence) are sent again to the
 *    bench's mock with the engine's own client, to get their responses unredacted.
 * 2. For those exchanges, what `toConform` does per exchange, stage by stage: the redactor learning
 *    from the response (ApiClient.call), evaluate() (every check), redaction, the curl line, JSON
 *    serialisation of the evidence record, and the base64 + JSON framing Playwright gives an
 *    attachment on its way to the runner. Cold (first pass in a fresh process: ajv compiles, JIT
 *    warms) and warm (median of later passes).
 * 3. The redactor with many learned secrets (a long live run learns one per cookie and token).
 * 4. Scale: the same checks on 10× the exchanges against a 10× contract; contract load and
 *    structural validation of the 1× and 10× contracts; the reporters on a 1× and a 10× report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { evaluate, type Outcome } from '../engine/checks/evaluate.ts';
import type { ApiName } from '../engine/config/apis.ts';
import { contractFile } from '../engine/config/apis.ts';
import { secretValues } from '../engine/config/settings.ts';
import { loadContract } from '../engine/contract/load.ts';
import type { Contract } from '../engine/contract/model.ts';
import { validateContract } from '../engine/contract/validate.ts';
import { EVIDENCE_CONTENT_TYPE, EVIDENCE_NAME, type CheckRecord } from '../engine/evidence.ts';
import { curl } from '../engine/http/curl.ts';
import type { Exchange } from '../engine/http/exchange.ts';
import { Redactor } from '../engine/http/redact.ts';
import { send } from '../engine/http/send.ts';
import { renderHtml } from '../engine/reporter/html.ts';
import { renderJunit } from '../engine/reporter/junit.ts';
import type { ConformanceReport } from '../engine/reporter/model.ts';
import { isRequirementId, requirement, type RequirementId } from '../requirements/index.ts';
import { syntheticId, syntheticPath } from './scale.ts';

export interface InProcessInput {
  report: string;
  mockUrls: Record<string, string>;
  bigContracts: Record<string, string>;
  factor: number;
  warmPasses: number;
}

const STAGES = ['learn', 'evaluate', 'redact', 'curl', 'serialise', 'ipc'] as const;
type Stage = (typeof STAGES)[number];
type StageMs = Record<Stage, number>;

interface Item { exchange: Exchange; because?: RequirementId }

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** What toConform does for one exchange (engine/test.ts), minus Playwright's own bookkeeping. */
function conform(item: Item, contract: Contract, redactor: Redactor, t: StageMs): number {
  const { exchange } = item;
  let a = performance.now();
  if (exchange.response) redactor.learnFrom(exchange.response, contract.operations[exchange.operationId]?.responses[String(exchange.response.status)]?.secretFields ?? []);
  let b = performance.now();
  t.learn += b - a;
  const outcomes: Outcome[] = evaluate(exchange, contract, item.because ? { because: item.because } : {});
  a = performance.now();
  t.evaluate += a - b;
  let bytes = 0;
  for (const o of outcomes) {
    b = performance.now();
    const level = requirement(o.requirement).level;
    const redacted = o.exchanges.map((e) => redactor.exchange(e));
    const violations = o.violations.map((v) => redactor.violation(v));
    a = performance.now();
    t.redact += a - b;
    const exchanges = redacted.map((r) => ({ ...r, curl: curl(r.request) }));
    b = performance.now();
    t.curl += b - a;
    const record: CheckRecord = { requirement: o.requirement, level, verdict: o.violations.length === 0 ? 'pass' : level === 'MUST' ? 'fail' : 'warn', violations, exchanges, forcedByMock: o.exchanges.some((e) => e.forcedByMock === true) };
    const body = Buffer.from(JSON.stringify(record));
    a = performance.now();
    t.serialise += a - b;
    // Playwright sends attachments from the worker to the runner as base64 inside a JSON message.
    bytes += JSON.stringify({ name: EVIDENCE_NAME, contentType: EVIDENCE_CONTENT_TYPE, body: body.toString('base64') }).length;
    b = performance.now();
    t.ipc += b - a;
  }
  return bytes;
}

const zero = (): StageMs => ({ learn: 0, evaluate: 0, redact: 0, curl: 0, serialise: 0, ipc: 0 });

function pass(items: readonly Item[], contracts: Map<string, Contract>, redactor: Redactor): { totalMs: number; stages: StageMs; bytes: number } {
  const stages = zero();
  let bytes = 0;
  const started = performance.now();
  for (const it of items) bytes += conform(it, contracts.get(it.exchange.api)!, redactor, stages);
  return { totalMs: performance.now() - started, stages, bytes };
}

function warm(items: readonly Item[], contracts: Map<string, Contract>, passes: number, redactorFor: () => Redactor) {
  const totals: number[] = [];
  const per: Record<Stage, number[]> = { learn: [], evaluate: [], redact: [], curl: [], serialise: [], ipc: [] };
  for (let i = 0; i < passes; i++) {
    const r = pass(items, contracts, redactorFor());
    totals.push(r.totalMs);
    for (const s of STAGES) per[s].push(r.stages[s]);
  }
  const n = items.length;
  return {
    exchanges: n,
    totalMs: median(totals),
    perExchangeMs: median(totals) / n,
    /** The fastest pass: the least disturbed by other load on the machine. */
    bestTotalMs: Math.min(...totals),
    bestPerExchangeMs: Math.min(...totals) / n,
    stagesPerExchangeMs: Object.fromEntries(STAGES.map((s) => [s, median(per[s]) / n])) as StageMs,
  };
}

async function main(): Promise<void> {
  const [inFile, outFile] = process.argv.slice(2);
  const input = JSON.parse(readFileSync(inFile!, 'utf8')) as InProcessInput;
  const report = JSON.parse(readFileSync(input.report, 'utf8')) as ConformanceReport;
  const out: Record<string, unknown> = {};

  // 1. The checked exchanges, once each (an exchange is attached to every requirement its check judged).
  const seen = new Map<string, { ex: Exchange; requirements: string[] }>();
  for (const r of report.results) for (const ev of r.evidence) for (const e of ev.exchanges) {
    const key = `${e.api} ${e.operationId} ${e.expectedStatus} ${e.durationMs} ${e.request.url}`;
    const cur = seen.get(key);
    if (cur) cur.requirements.push(r.requirement);
    else seen.set(key, { ex: e, requirements: [r.requirement] });
  }
  const items: Item[] = [];
  let sameStatus = 0;
  const sendStarted = performance.now();
  for (const { ex, requirements } of seen.values()) {
    const base = input.mockUrls[ex.api];
    if (!base) continue;
    const u = new URL(ex.request.url);
    const request = { ...ex.request, url: base + u.pathname + u.search };
    const sent = await send(request, { timeoutMs: 10_000 });
    if (!sent.response) continue;
    if (sent.response.status === ex.response?.status) sameStatus++;
    const statusId = `${ex.api}:${ex.operationId}#${ex.expectedStatus}`;
    const because = isRequirementId(statusId) ? undefined : requirements.find(isRequirementId);
    if (!isRequirementId(statusId) && !because) continue;
    items.push({
      exchange: { api: ex.api, operationId: ex.operationId, pathTemplate: ex.pathTemplate, expectedStatus: ex.expectedStatus, request, response: sent.response, durationMs: sent.durationMs, ...(ex.forcedByMock ? { forcedByMock: true } : {}) },
      ...(because ? { because } : {}),
    });
  }
  out.sendMs = performance.now() - sendStarted;
  out.exchanges = items.length;
  out.sameStatusAsRecorded = sameStatus;

  const contracts = new Map<string, Contract>();
  for (const api of Object.keys(input.mockUrls)) contracts.set(api, loadContract(api, contractFile(api as ApiName)));
  const envSecrets = secretValues(process.env);
  const freshRedactor = () => new Redactor(envSecrets);

  // 2. Cold, then warm.
  const cold = pass(items, contracts, freshRedactor());
  out.cold = { totalMs: cold.totalMs, perExchangeMs: cold.totalMs / items.length, stagesPerExchangeMs: Object.fromEntries(STAGES.map((s) => [s, cold.stages[s] / items.length])), evidenceBytes: cold.bytes };
  out.warm = warm(items, contracts, input.warmPasses, freshRedactor);
  const afterOneRun = freshRedactor();
  pass(items, contracts, afterOneRun);
  out.secretsLearnedInOneRun = (afterOneRun as unknown as { values: Set<string> }).values.size;

  // 3. The redactor after a long run: S learned secrets (random, 32 characters, like session ids).
  const growth: { secrets: number; perExchangeMs: number; redactPerExchangeMs: number }[] = [];
  // A slice of the exchanges is enough here, and keeps the 1000-secret case to seconds.
  const slice = items.slice(0, 60);
  for (const s of [0, 100, 1000]) {
    const secrets = Array.from({ length: s }, (_, i) => `${i.toString(36).padStart(6, 'x')}${Math.random().toString(36).slice(2, 14)}${'s'.repeat(14)}`);
    const w = warm(slice, contracts, 2, () => new Redactor([...envSecrets, ...secrets]));
    growth.push({ secrets: s, perExchangeMs: w.perExchangeMs, redactPerExchangeMs: w.stagesPerExchangeMs.redact + w.stagesPerExchangeMs.learn });
  }
  out.redactorGrowth = growth;

  // 4. Scale: the 10× contract, and the checks on 1× and 10× the exchanges against it.
  // Best of 5: the least disturbed by other load.
  const loadTimes = (file: (api: string) => string) => {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      for (const api of contracts.keys()) loadContract(api, file(api));
      t.push(performance.now() - s);
    }
    return Math.min(...t);
  };
  // The first validation loads the OpenAPI meta-schemas; it is not the contract's cost.
  await validateContract(contractFile([...contracts.keys()][0] as ApiName));
  const validateTime = async (file: (api: string) => string) => {
    const s = performance.now();
    for (const api of contracts.keys()) await validateContract(file(api));
    return performance.now() - s;
  };
  // Alternating rounds, so neither size always comes first.
  // validate() costs about the same per call whatever the contract's size (see the bench's report).
  const validations: { x1: number[]; x10: number[] } = { x1: [], x10: [] };
  for (let i = 0; i < 3; i++) {
    validations.x1.push(await validateTime((api) => contractFile(api as ApiName)));
    validations.x10.push(await validateTime((api) => input.bigContracts[api]!));
  }
  const big = new Map<string, Contract>();
  for (const api of contracts.keys()) big.set(api, loadContract(api, input.bigContracts[api]!));
  const operations = (m: Map<string, Contract>) => [...m.values()].reduce((s, c) => s + Object.keys(c.operations).length, 0);
  const copies = (k: number): Item[] => items.map((it) => {
    const statusId = `${it.exchange.api}:${it.exchange.operationId}#${it.exchange.expectedStatus}` as RequirementId;
    const because = it.because ?? statusId;
    return k === 0 ? { exchange: it.exchange, because } : {
      exchange: { ...it.exchange, operationId: syntheticId(it.exchange.operationId, k), pathTemplate: syntheticPath(it.exchange.pathTemplate, k) },
      because,
    };
  });
  const x1 = copies(0);
  const x10 = Array.from({ length: input.factor }, (_, k) => copies(k)).flat();
  const passes = Math.max(5, Math.ceil(input.warmPasses * 0.6));
  // Two rounds, the first to warm up the new code paths (every exchange now carries `because`); the second counts.
  let onSmall = warm(x1, contracts, passes, freshRedactor);
  let onBig1 = warm(x1, big, passes, freshRedactor);
  let onBig10 = warm(x10, big, passes, freshRedactor);
  onSmall = warm(x1, contracts, passes, freshRedactor);
  onBig1 = warm(x1, big, passes, freshRedactor);
  onBig10 = warm(x10, big, passes, freshRedactor);
  out.scale = {
    factor: input.factor,
    operations: { x1: operations(contracts), x10: operations(big) },
    checks: {
      x1OnX1Contract: { exchanges: x1.length, totalMs: onSmall.bestTotalMs, perExchangeMs: onSmall.bestPerExchangeMs },
      x1OnX10Contract: { exchanges: x1.length, totalMs: onBig1.bestTotalMs, perExchangeMs: onBig1.bestPerExchangeMs },
      x10OnX10Contract: { exchanges: x10.length, totalMs: onBig10.bestTotalMs, perExchangeMs: onBig10.bestPerExchangeMs },
      growth: onBig10.bestTotalMs / onBig1.bestTotalMs,
      medianGrowth: onBig10.totalMs / onBig1.totalMs,
    },
    loadContractMs: { x1: loadTimes((api) => contractFile(api as ApiName)), x10: loadTimes((api) => input.bigContracts[api]!) },
    validateContractMs: { x1: Math.min(...validations.x1), x10: Math.min(...validations.x10) },
  };

  // Reporters: conformance.json, JUnit and the HTML report, on this report and on one 10× larger.
  const time = (f: () => unknown) => {
    const t: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      f();
      t.push(performance.now() - s);
    }
    return Math.min(...t);
  };
  const bigReport: ConformanceReport = { ...report, results: Array.from({ length: input.factor }, (_, k) => report.results.map((r) => ({ ...r, operationId: k === 0 ? r.operationId : syntheticId(r.operationId, k) }))).flat() };
  out.reporters = {
    results: { x1: report.results.length, x10: bigReport.results.length },
    json: { x1: time(() => JSON.stringify(report, null, 2)), x10: time(() => JSON.stringify(bigReport, null, 2)) },
    junit: { x1: time(() => renderJunit(report)), x10: time(() => renderJunit(bigReport)) },
    html: { x1: time(() => renderHtml(report)), x10: time(() => renderHtml(bigReport)) },
  };

  writeFileSync(outFile!, JSON.stringify(out, null, 2));
}

main().then(() => process.exit(0), (err: unknown) => {
  process.stderr.write(`inprocess: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
