import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { cachedContract, rememberContract } from './cache.ts';
import { dereferenceSync } from './dereference.ts';
import { ContractError } from './errors.ts';
import type { Contract, Correction, HeaderSpec, JsonSchema, Operation, ResponseSpec, SecurityScheme } from './model.ts';
import { preflightContract } from './preflight.ts';
import { checkSchema, registerSchemaFile, schemaFileClosure, secretFieldsOf } from './schemas.ts';
import { PROJECT_ROOT } from '../root.ts';
import { pointerToken } from '../pointer.ts';

export { MAX_ALIAS_COUNT } from './yaml.ts';
export { PROJECT_ROOT };

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
type Node = Record<string, unknown>;

/** A contract's document, read once: as written, and with its internal `$ref`s resolved. */
export interface ContractDocument {
  written: Node;
  /** Internal `$ref`s replaced by what they name (the OpenAPI parser's dereferencing); schema file `$ref`s and cycles left as they are. */
  resolved: Node;
  /** Each internal `$ref` of the document as written, by the JSON pointer of the node that carries it. */
  refs: Record<string, string>;
  /** The sha256 of the bytes read. */
  sha256: string;
}

/**
 * The one way a contract document is read: the preflight (limits, `$ref`s only to allowed files,
 * YAML errors with line and column) reads it first, then the OpenAPI parser resolves its internal
 * `$ref`s. Errors name the file and the place, and quote nothing of the document but a `$ref`.
 */
export function readContractDocument(file: string): ContractDocument {
  const shown = relative(process.cwd(), resolve(PROJECT_ROOT, file)) || file;
  const { document, files } = preflightContract(file);
  const written = document as Node;
  if (!written || typeof written !== 'object' || typeof written.openapi !== 'string' || !/^3\.[01]\./.test(written.openapi)) {
    throw new ContractError(`${shown}: not an OpenAPI 3.0 or 3.1 document (no "openapi: 3.x" at the top)`);
  }
  const refs = internalRefs(written);
  const result = dereferenceSync(written);
  if (!result.ok) {
    // The parser's message quotes the $ref that names nothing; the place is where the document writes it.
    const ref = /"(#[^"]*)"/.exec(result.message)?.[1];
    const at = ref === undefined ? undefined : Object.keys(refs).find((p) => refs[p] === ref);
    const where = at === undefined ? shown : `${shown} at ${at || '/'}`;
    throw new ContractError(ref ? `${where}: $ref '${ref}' does not resolve` : `${where}: the OpenAPI parser could not resolve its $refs (${result.name})`);
  }
  return { written, resolved: result.document as Node, refs, sha256: files[0]!.sha256 };
}

/**
 * Reads a contract (readContractDocument) into the engine's model: schema file `$ref`s registered
 * with ajv and replaced by their `$id`. Structural OpenAPI validation is separate (validateContract),
 * because it is slower and only the run's set-up needs it.
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
  // A contract loaded before, with the same bytes and the same schema files, is not read again.
  const cached = cachedContract(api, abs, text);
  if (cached) {
    // An entry is written only after its schema files passed the meta-schema, and is used only while they have those bytes.
    for (const f of cached.schemaFiles) registerSchemaFile(f, shown, true);
    return cached.contract;
  }
  const { written, resolved: root, sha256 } = readContractDocument(abs);
  // Remembered under the bytes read first, so they must be the bytes parsed.
  if (sha256 !== createHash('sha256').update(text).digest('hex')) throw new ContractError(`${shown}: changed while it was being read; run again`);
  const ctx: Ctx = { file: shown, dir: dirname(abs), schemaIds: new Set(), schemaFiles: new Set() };
  const info = (root.info ?? {}) as Node;
  const components = (root.components ?? {}) as Node;
  const operations: Record<string, Operation> = {};
  const globalSecurity = (root.security as Operation['security'] | undefined) ?? [];

  for (const [path, rawItem] of Object.entries((root.paths ?? {}) as Node)) {
    const itemPtr = `/paths/${pointerToken(path)}`;
    const item = plain(ctx, rawItem as Node, itemPtr);
    for (const method of METHODS) {
      const op = item[method] as Node | undefined;
      if (!op) continue;
      const ptr = `${itemPtr}/${method}`;
      const operationId = op.operationId;
      if (typeof operationId !== 'string') throw new ContractError(`${shown} at ${ptr}: the operation has no operationId`);
      if (operations[operationId]) throw new ContractError(`${shown} at ${ptr}: operationId ${operationId} is used twice`);
      const body = op.requestBody ? plain(ctx, op.requestBody as Node, `${ptr}/requestBody`) : undefined;
      const responses: Record<string, ResponseSpec> = {};
      for (const [status, rawRes] of Object.entries((op.responses ?? {}) as Node)) {
        responses[status] = response(ctx, status, plain(ctx, rawRes as Node, `${ptr}/responses/${status}`), `${ptr}/responses/${status}`);
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
    sha256,
    securitySchemes: (components.securitySchemes ?? {}) as Record<string, SecurityScheme>,
    operations,
    corrections: corrections(written),
  };
  rememberContract(api, abs, text, { contract, schemaFiles: [...ctx.schemaFiles] }, schemaFileClosure(ctx.schemaFiles));
  return contract;
}

interface Ctx { file: string; dir: string; schemaIds: Set<string>; schemaFiles: Set<string> }

function response(ctx: Ctx, status: string, res: Node, ptr: string): ResponseSpec {
  const headers: Record<string, HeaderSpec> = {};
  for (const [name, raw] of Object.entries((res.headers ?? {}) as Node)) {
    const h = plain(ctx, raw as Node, `${ptr}/headers/${pointerToken(name)}`);
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

/** A node the parser resolved; what is still a `$ref` is a cycle, or another file where only schemas may name one. */
function plain(ctx: Ctx, node: Node, ptr: string): Node {
  const ref = node?.$ref;
  if (typeof ref !== 'string') return node;
  if (ref.startsWith('#')) throw new ContractError(`${ctx.file} at ${ptr}: $ref cycle through ${ref}`);
  throw new ContractError(`${ctx.file} at ${ptr}: only schemas may $ref other files, not ${ref}`);
}

/** A schema of the contract, self-contained for ajv and checked against the meta-schema once, here (ajv does not check it again when it compiles). */
function schema(ctx: Ctx, s: JsonSchema, ptr: string): JsonSchema {
  const out = selfContained(ctx, s, ptr);
  checkSchema(out, `${ctx.file} at ${ptr}`);
  return out;
}

/** Makes a schema self-contained for ajv: schema file refs are registered with ajv and replaced by the file's `$id`. */
function selfContained(ctx: Ctx, s: JsonSchema, ptr: string): JsonSchema {
  if (typeof s !== 'object' || s === null) return s;
  if (Array.isArray(s)) return s.map((x, i) => selfContained(ctx, x as JsonSchema, `${ptr}/${i}`)) as unknown as JsonSchema;
  const out: Node = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === '$ref' && typeof v === 'string') {
      if (v.startsWith('#')) throw new ContractError(`${ctx.file} at ${ptr}: $ref cycle through ${v}`);
      const file = resolve(ctx.dir, v.split('#')[0]!);
      const id = registerSchemaFile(file, `${ctx.file} at ${ptr}`);
      ctx.schemaFiles.add(file);
      ctx.schemaIds.add(id);
      out.$ref = id + (v.includes('#') ? `#${v.split('#')[1]}` : '');
    } else if (v && typeof v === 'object') {
      out[k] = selfContained(ctx, v as JsonSchema, `${ptr}/${pointerToken(k)}`);
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

/** Every internal `$ref` of a document, by the pointer of the node that carries it. */
function internalRefs(node: unknown, at = '', out: Record<string, string> = {}): Record<string, string> {
  if (!node || typeof node !== 'object') return out;
  const ref = (node as Node).$ref;
  if (typeof ref === 'string' && ref.startsWith('#')) out[at] = ref;
  for (const [k, v] of Object.entries(node)) internalRefs(v, `${at}/${pointerToken(k)}`, out);
  return out;
}
