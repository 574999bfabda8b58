import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { dereference } from '@readme/openapi-parser';
import { API_DEFINITIONS, contractFile, type ApiName } from '../engine/config/apis.ts';
import { loadContract, PROJECT_ROOT } from '../engine/contract/load.ts';
import type { Contract, Operation } from '../engine/contract/model.ts';
import { cleanEnv, measure, type Measured } from './proc.ts';

/**
 * Dredd 14.1.0 as the anchor: installed by the bench into a cache folder (never a project
 * dependency), fed our contracts converted to OpenAPI 3.0 (Dredd reads 2.0 and 3.0 only), with a
 * hook file per API that adds the credentials the mock needs and, for each documented non-2xx
 * response, un-skips it and asks Prism for it with `Prefer: code=<status>` (the same trick the
 * engine's mock target uses), so Dredd checks every documented response, not only the 2xx ones.
 */
export const DREDD_VERSION = '14.1.0';
export const DREDD_PREFIX = resolve(PROJECT_ROOT, 'node_modules/.cache/bench-dredd');
const DREDD_BIN = join(DREDD_PREFIX, 'node_modules/dredd/bin/dredd');

/** Installs Dredd into the cache folder unless it is there already; returns why not, if it cannot. */
export async function ensureDredd(log: (s: string) => void): Promise<{ ok: true; installMs: number } | { ok: false; reason: string }> {
  if (existsSync(DREDD_BIN) && existsSync(join(DREDD_PREFIX, 'node_modules/dredd/package.json'))) return { ok: true, installMs: 0 };
  log(`installing dredd@${DREDD_VERSION} into ${DREDD_PREFIX} (not a project dependency)`);
  mkdirSync(DREDD_PREFIX, { recursive: true });
  const started = performance.now();
  try {
    await promisify(execFile)('npm', ['install', '--prefix', DREDD_PREFIX, `dredd@${DREDD_VERSION}`, '--no-save', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: DREDD_PREFIX, timeout: 300_000, maxBuffer: 16 * 2 ** 20 });
  } catch (err) {
    return { ok: false, reason: `npm install dredd@${DREDD_VERSION} failed: ${((err as Error).message ?? '').split('\n')[0]}` };
  }
  if (!existsSync(DREDD_BIN)) return { ok: false, reason: `npm install dredd@${DREDD_VERSION} left no ${DREDD_BIN}` };
  return { ok: true, installMs: performance.now() - started };
}

type Node = Record<string, unknown>;

/** The values the mock accepts for each API's credentials and required parameters. */
function mockValue(api: ApiName, name: string): string | undefined {
  return API_DEFINITIONS[api].variables.find((v) => v.name === name)?.mock;
}

/** JSON Schema 2020-12 (OpenAPI 3.1) to the OpenAPI 3.0 schema dialect, as far as our contracts use it. */
function toSchema30(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toSchema30);
  if (!s || typeof s !== 'object') return s;
  const src = s as Node;
  const out: Node = {};
  for (const [k, v] of Object.entries(src)) {
    switch (k) {
      case '$schema': case '$id': case '$defs': case '$comment': case 'contentMediaType': case 'contentEncoding':
      case 'unevaluatedProperties': case 'dependentRequired': case 'prefixItems': case 'if': case 'then': case 'else':
      case 'propertyNames': case 'patternProperties': case 'dependentSchemas':
        break;
      case 'const':
        out.enum = [v];
        break;
      case 'examples':
        if (Array.isArray(v) && v.length > 0 && out.example === undefined) out.example = v[0];
        break;
      case 'type':
        if (Array.isArray(v)) {
          const types = v.filter((t) => t !== 'null');
          if (types.length < v.length) out.nullable = true;
          if (types.length === 1) out.type = types[0];
          else if (types.length > 1) out.anyOf = types.map((t) => ({ type: t }));
        } else out.type = v;
        break;
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        if (typeof v === 'number') {
          out[k === 'exclusiveMinimum' ? 'minimum' : 'maximum'] = v;
          out[k] = true;
        } else out[k] = v;
        break;
      case 'properties':
        out.properties = Object.fromEntries(Object.entries(v as Node).map(([p, ps]) => [p, toSchema30(ps)]));
        break;
      case 'items': case 'additionalProperties': case 'not':
        out[k] = typeof v === 'object' ? toSchema30(v) : v;
        break;
      case 'allOf': case 'anyOf': case 'oneOf':
        out[k] = (v as unknown[]).map(toSchema30);
        break;
      default:
        out[k] = v;
    }
  }
  return out;
}

/** A value for a parameter Dredd must fill in (it needs an example on every path parameter). */
function exampleFor(api: ApiName, p: Node): unknown {
  if (p.example !== undefined) return p.example;
  const schema = (p.schema ?? {}) as Node;
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  const name = String(p.name);
  const byName: Record<string, string | undefined> = {
    serverid: mockValue(api, 'NEXTAUTH_SERVER_ID'),
    app_id: mockValue(api, 'SVIX_APP_ID'),
    provider_id: mockValue(api, 'SEMAPHORE_OIDC_PROVIDER'),
    'x-nonce': 'dredd-nonce-0123456789abcdef',
  };
  if (byName[name.toLowerCase()]) return byName[name.toLowerCase()];
  if (schema.format === 'uuid') return '3f0c2a64-8d1e-4b4a-9d61-0c9e6c1f7a25';
  if (schema.type === 'integer' || schema.type === 'number') return typeof schema.minimum === 'number' ? schema.minimum : 1;
  if (schema.type === 'boolean') return false;
  return 'dredd-example';
}

/**
 * Bundles a contract with every `$ref` resolved (external JSON Schema files included) and rewrites
 * it as OpenAPI 3.0.3 for Dredd. Returns the file written.
 */
export async function convertForDredd(api: ApiName, dir: string): Promise<{ file: string; operations: number; responses: number }> {
  const doc = structuredClone(await dereference(resolve(PROJECT_ROOT, contractFile(api)))) as Node;
  doc.openapi = '3.0.3';
  delete doc.jsonSchemaDialect;
  delete doc.webhooks;
  const info = doc.info as Node;
  if (info.license && typeof info.license === 'object') delete (info.license as Node).identifier;
  delete info.summary;
  let operations = 0;
  let responses = 0;
  const fixParams = (params: unknown): unknown => Array.isArray(params) ? params.map((raw) => {
    const p = { ...(raw as Node) };
    if (p.schema) p.schema = toSchema30(p.schema);
    if (p.in === 'path' || p.required === true) p.example = exampleFor(api, p);
    delete p.examples;
    return p;
  }) : params;
  const fixContent = (content: unknown): unknown => {
    if (!content || typeof content !== 'object') return content;
    return Object.fromEntries(Object.entries(content as Node).map(([type, m]) => {
      const media = { ...(m as Node) };
      if (media.schema) media.schema = toSchema30(media.schema);
      return [type, media];
    }));
  };
  for (const item of Object.values((doc.paths ?? {}) as Node)) {
    const pathItem = item as Node;
    pathItem.parameters = fixParams(pathItem.parameters);
    if (pathItem.parameters === undefined) delete pathItem.parameters;
    for (const [method, rawOp] of Object.entries(pathItem)) {
      if (!['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'].includes(method)) continue;
      const op = rawOp as Node;
      operations++;
      op.parameters = fixParams(op.parameters);
      if (op.parameters === undefined) delete op.parameters;
      if (op.requestBody) {
        const body = { ...(op.requestBody as Node) };
        body.content = fixContent(body.content);
        op.requestBody = body;
      }
      for (const [status, rawRes] of Object.entries((op.responses ?? {}) as Node)) {
        responses++;
        const res = { ...(rawRes as Node) };
        res.description ??= `status ${status}`;
        if (res.headers) {
          res.headers = Object.fromEntries(Object.entries(res.headers as Node).map(([n, h]) => {
            const header = { ...(h as Node) };
            if (header.schema) header.schema = toSchema30(header.schema);
            delete header.examples;
            return [n, header];
          }));
        }
        res.content = fixContent(res.content);
        if (res.content === undefined) delete res.content;
        (op.responses as Node)[status] = res;
      }
    }
  }
  const components = (doc.components ?? {}) as Node;
  if (components.schemas) components.schemas = Object.fromEntries(Object.entries(components.schemas as Node).map(([n, s]) => [n, toSchema30(s)]));
  // Everything is inlined; the reusable parts would only be re-validated by Dredd's parser.
  delete components.parameters;
  delete components.responses;
  delete components.headers;
  delete components.requestBodies;
  delete components.examples;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${api}.openapi30.json`);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  return { file, operations, responses };
}

/** What to send for an operation's security: none when anonymous access is allowed, else the first scheme the mock accepts. */
function credentialsFor(api: ApiName, op: Operation, schemes: Contract['securitySchemes']): Record<string, string> {
  if (op.security.length === 0 || op.security.some((req) => Object.keys(req).length === 0)) return {};
  const secret = { traq: mockValue(api, 'TRAQ_TOKEN'), nextauth: mockValue(api, 'NEXTAUTH_API_KEY'), svix: mockValue(api, 'SVIX_TOKEN'), semaphore: 'dredd-api-token-0123456789' }[api] ?? 'dredd-credential';
  const out: Record<string, string> = {};
  for (const name of Object.keys(op.security[0]!)) {
    const s = schemes[name];
    if (!s) continue;
    if (s.type === 'http' || s.type === 'oauth2' || s.type === 'openIdConnect') out.authorization = `Bearer ${secret}`;
    else if (s.type === 'apiKey' && s.in === 'header' && s.name) out[s.name.toLowerCase()] = name === 'role_id' ? mockValue(api, 'NEXTAUTH_ROLE_ID') ?? 'role' : secret;
    else if (s.type === 'apiKey' && s.in === 'cookie' && s.name) out.cookie = `${s.name}=${secret}`;
    else if (s.type === 'apiKey' && s.in === 'query') continue;
  }
  return out;
}

/**
 * Dredd's hook file for one API: on every request the credentials its operation's security needs
 * (none where anonymous access is allowed: Prism refuses a scheme the operation does not list),
 * nextAuth's required X-nonce header (Dredd does not send header parameters), and every non-2xx
 * response forced from Prism.
 */
export function writeHooks(api: ApiName, dir: string): string {
  const contract = loadContract(api, contractFile(api));
  const routes = Object.values(contract.operations).map((op) => ({
    method: op.method,
    pattern: `^${op.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
    headers: { ...credentialsFor(api, op, contract.securitySchemes), ...(api === 'nextauth' ? { 'x-nonce': 'dredd-nonce-0123456789abcdef' } : {}) },
  }));
  const file = join(dir, `${api}.hooks.cjs`);
  writeFileSync(file, `// Written by bench/dredd.ts for Dredd ${DREDD_VERSION} against the Prism mock of ${api}.
const hooks = require('hooks');
const routes = ${JSON.stringify(routes, null, 2)}.map((r) => ({ ...r, re: new RegExp(r.pattern) }));
hooks.beforeEach((transaction) => {
  const path = transaction.request.uri.split('?')[0];
  const route = routes.find((r) => r.method === transaction.request.method && r.re.test(path));
  for (const [k, v] of Object.entries(route ? route.headers : {})) transaction.request.headers[k] = v;
  const status = String(transaction.expected.statusCode);
  if (!status.startsWith('2')) {
    transaction.skip = false;
    transaction.request.headers['Prefer'] = 'code=' + status;
  }
});
`);
  return file;
}

export interface DreddRun extends Measured {
  api: ApiName;
  /** From Dredd's summary line. */
  passing: number;
  failing: number;
  errors: number;
  skipped: number;
  total: number;
  /** Set when Dredd did not run the contract at all. */
  problem?: string;
}

export type DreddRunSummary = Omit<DreddRun, 'stdout' | 'stderr'>;
export function summariseDredd(r: DreddRun): DreddRunSummary {
  const { stdout: _o, stderr: _e, ...rest } = r;
  return rest;
}

export async function runDredd(api: ApiName, contract: string, hooks: string, baseUrl: string, timeoutMs: number): Promise<DreddRun> {
  const m = await measure(process.execPath, [DREDD_BIN, contract, baseUrl, `--hookfiles=${hooks}`, '--language=nodejs', '--loglevel=warning', '--color=false'], {
    cwd: PROJECT_ROOT,
    env: cleanEnv({ NO_COLOR: '1' }),
    timeoutMs,
  });
  const out = `${m.stdout}\n${m.stderr}`;
  const summary = /complete:\s*(.*?)\s+(\d+) total/.exec(out);
  const count = (what: string) => Number(new RegExp(`(\\d+) ${what}`).exec(summary?.[1] ?? '')?.[1] ?? 0);
  const r: DreddRun = { ...m, api, passing: count('passing'), failing: count('failing'), errors: count('errors'), skipped: count('skipped'), total: Number(summary?.[2] ?? 0) };
  if (m.timedOut) r.problem = `timed out after ${timeoutMs / 1000} s`;
  else if (!summary) r.problem = firstProblem(out) ?? `exit ${m.code}, no summary line`;
  else if (r.total === 0) r.problem = firstProblem(out) ?? 'Dredd found no transactions in the converted contract';
  return r;
}

function firstProblem(out: string): string | undefined {
  const line = out.split('\n').map((l) => l.trim()).find((l) => /^(error|fail|warn)[:\s]/i.test(l) && !/complete:/.test(l));
  return line?.slice(0, 200);
}
