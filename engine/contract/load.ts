import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { cachedContract, rememberContract } from './cache.ts';
import { ContractError } from './errors.ts';
import type { Contract, Correction, HeaderSpec, JsonSchema, Operation, ResponseSpec, SecurityScheme } from './model.ts';
import { checkSchema, registerSchemaFile, schemaFileClosure, secretFieldsOf } from './schemas.ts';
import { MAX_ALIAS_COUNT, yaml } from './yaml.ts';
import { PROJECT_ROOT } from '../root.ts';
import { pointerKeys, pointerToken, valueAt } from '../pointer.ts';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Node = Record<string, unknown>;

export { PROJECT_ROOT };

/**
 * Reads a contract: YAML syntax (errors name line and column), internal `$ref`s followed, schema
 * file `$ref`s registered with ajv and replaced by their `$id`. Structural OpenAPI validation is
 * separate (validateContract), because it is slower and only the run's set-up needs it.
 */
export function loadContract(api: string, file: string): Contract {
  const abs = resolve(PROJECT_ROOT, file);
  const shown = relative(process.cwd(), abs) || file;
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (err) {
    throw new ContractError(`${shown}: cannot read the contract (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  // A contract loaded before, with the same bytes and the same schema files, is not parsed again.
  const cached = cachedContract(api, abs, text);
  if (cached) {
    // An entry is written only after its schema files passed the meta-schema, and is used only while they have those bytes.
    for (const f of cached.schemaFiles) registerSchemaFile(f, shown, true);
    return cached.contract;
  }
  const doc = yaml().parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new ContractError(`${shown}${pos ? `:${pos.line}:${pos.col}` : ''}: YAML error: ${e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}`);
  }
  let root: Node;
  try {
    root = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Node;
  } catch {
    // yaml refuses aliases that expand too far (a "billion laughs"); say so in one line, quoting nothing.
    throw new ContractError(`${shown}: its YAML aliases expand beyond the limit of ${MAX_ALIAS_COUNT} (a resource-exhaustion risk); write the document out without them`);
  }
  if (!root || typeof root !== 'object' || typeof root.openapi !== 'string' || !/^3\.[01]\./.test(root.openapi)) {
    throw new ContractError(`${shown}: not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" at the top)`);
  }
  const ctx: Ctx = { root, file: shown, dir: dirname(abs), schemaIds: new Set(), schemaFiles: new Set() };
  const info = (root.info ?? {}) as Node;
  const components = (root.components ?? {}) as Node;
  const operations: Record<string, Operation> = {};
  const globalSecurity = (root.security as Operation['security'] | undefined) ?? [];

  for (const [path, rawItem] of Object.entries((root.paths ?? {}) as Node)) {
    const itemPtr = `/paths/${pointerToken(path)}`;
    const item = deref(ctx, rawItem as Node, itemPtr);
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const ptr = `${itemPtr}/${method}`;
      const operationId = op.operationId;
      if (typeof operationId !== 'string') throw new ContractError(`${shown} at ${ptr}: the operation has no operationId`);
      if (operations[operationId]) throw new ContractError(`${shown} at ${ptr}: operationId ${operationId} is used twice`);
      const body = op.requestBody ? deref(ctx, op.requestBody as Node, `${ptr}/requestBody`) : undefined;
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, rawRes] of Object.entries((op.responses ?? {}) as Node)) {
        responses[status] = response(ctx, status, deref(ctx, rawRes as Node, `${ptr}/responses/${status}`), `${ptr}/responses/${status}`);
      }
      operations[operationId] = {
        api,
        operationId,
        method: method.toUpperCase(),
        path,
        summary: String(op.summary ?? ''),
        security: (op.security as Operation['security'] | undefined) ?? globalSecurity,
        ...(typeof op['x-refusal'] === 'string' ? { refusal: op['x-refusal'] } : {}),
        requestBodyRequired: body?.required === true,
        responses,
      };
    }
  }
  if (Object.keys(operations).length === 0) throw new ContractError(`${shown}: the contract has no operations`);

  const contract: Contract = {
    api,
    file: relative(PROJECT_ROOT, abs),
    title: String(info.title ?? api),
    version: String(info.version ?? ''),
    sha256: createHash('sha256').update(text).digest('hex'),
    securitySchemes: (components.securitySchemes ?? {}) as Record<string, SecurityScheme>,
    operations,
    corrections: corrections(root),
  };
  rememberContract(api, abs, text, { contract, schemaFiles: [...ctx.schemaFiles] }, schemaFileClosure(ctx.schemaFiles));
  return contract;
}

interface Ctx { root: Node; file: string; dir: string; schemaIds: Set<string>; schemaFiles: Set<string> }

function response(ctx: Ctx, status: string, res: Node, ptr: string): ResponseSpec {
  const headers: Record<string, HeaderSpec> = {};
  for (const [name, raw] of Object.entries((res.headers ?? {}) as Node)) {
    const h = deref(ctx, raw as Node, `${ptr}/headers/${pointerToken(name)}`);
    headers[name.toLowerCase()] = {
      required: h.required === true,
      ...(h.schema !== undefined ? { schema: schema(ctx, h.schema as JsonSchema, `${ptr}/headers/${pointerToken(name)}/schema`) } : {}),
    };
  }
  const content: ResponseSpec['content'] = {};
  const before = new Set(ctx.schemaIds);
  ctx.schemaIds.clear();
  for (const [type, raw] of Object.entries((res.content ?? {}) as Node)) {
    const media = raw as Node;
    const p = `${ptr}/content/${pointerToken(type)}/schema`;
    content[type] = media.schema !== undefined ? { schema: schema(ctx, media.schema as JsonSchema, p) } : {};
  }
  const secretFields = secretFieldsOf(ctx.schemaIds);
  for (const id of before) ctx.schemaIds.add(id);
  return { status, description: String(res.description ?? ''), headers, content, sensitive: res['x-sensitive'] === true, secretFields };
}

/** Follows a local `$ref` (and chains of them) inside the contract. */
function deref(ctx: Ctx, node: Node, ptr: string): Node {
  let cur = node;
  const seen = new Set<string>();
  while (cur && typeof cur.$ref === 'string') {
    const ref = cur.$ref;
    if (!ref.startsWith('#/')) throw new ContractError(`${ctx.file} at ${ptr}: only schemas may $ref other files, not ${ref}`);
    if (seen.has(ref)) throw new ContractError(`${ctx.file} at ${ptr}: $ref cycle through ${ref}`);
    seen.add(ref);
    const target = resolveRef(ctx.root, ref);
    if (target === undefined) throw new ContractError(`${ctx.file} at ${ptr}: $ref '${ref}' does not resolve`);
    cur = target as Node;
  }
  return cur;
}

/** A schema of the contract, self-contained for ajv and checked against the meta-schema once, here (ajv does not check it again when it compiles). */
function schema(ctx: Ctx, s: JsonSchema, ptr: string): JsonSchema {
  const out = inlined(ctx, s, ptr);
  checkSchema(out, `${ctx.file} at ${ptr}`);
  return out;
}

/**
 * Makes a schema self-contained for ajv: local component refs are inlined, file refs are
 * registered with ajv and replaced by the file's `$id`.
 */
function inlined(ctx: Ctx, s: JsonSchema, ptr: string, depth = 0): JsonSchema {
  if (typeof s !== 'object' || s === null) return s;
  if (depth > 64) throw new ContractError(`${ctx.file} at ${ptr}: schema nests too deep (a $ref cycle?)`);
  if (Array.isArray(s)) return s.map((x, i) => inlined(ctx, x as JsonSchema, `${ptr}/${i}`, depth + 1)) as unknown as JsonSchema;
  const out: Node = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref' && typeof v === 'string') {
      if (v.startsWith('#/')) {
        const target = resolveRef(ctx.root, v);
        if (target === undefined) throw new ContractError(`${ctx.file} at ${ptr}: $ref '${v}' does not resolve`);
        Object.assign(out, inlined(ctx, target as JsonSchema, ptr, depth + 1));
      } else {
        const file = resolve(ctx.dir, v.split('#')[0]!);
        const id = registerSchemaFile(file, `${ctx.file} at ${ptr}`);
        ctx.schemaFiles.add(file);
        ctx.schemaIds.add(id);
        out.$ref = id + (v.includes('#') ? `#${v.split('#')[1]}` : '');
      }
    } else if (v && typeof v === 'object') {
      out[k] = inlined(ctx, v as JsonSchema, `${ptr}/${pointerToken(k)}`, depth + 1);
    } else {
      out[k] = v;
    }
  }
  return out;
}

/**
 * Every `x-correction` note (the first on a node), by the pointer of the node that carries it: the
 * report quotes the one at or above a requirement's source, so it needs no link into the repository.
 */
function corrections(node: unknown, at = '', out: Record<string, Correction> = {}): Record<string, Correction> {
  if (!node || typeof node !== 'object') return out;
  const found = Object.entries(node).find(([k]) => k.startsWith('x-correction'))?.[1] as Node | undefined;
  if (found) {
    const text = (v: unknown) => String(v ?? '').replace(/\s+/g, ' ').trim();
    out[at] = { upstream: text(found.upstream), ours: text(found.ours), backedBy: text(found['backed-by']) };
  }
  for (const [k, v] of Object.entries(node)) corrections(v, `${at}/${pointerToken(k)}`, out);
  return out;
}

/** What a local `$ref` (`#/components/…`) names in the contract. */
const resolveRef = (root: unknown, ref: string): unknown => valueAt(root, pointerKeys(ref.slice(1), true));
