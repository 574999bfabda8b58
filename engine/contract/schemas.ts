import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { ContractError } from './errors.ts';
import type { JsonSchema } from './model.ts';
import { pointerKeys, valueAt } from '../pointer.ts';

/**
 * One ajv for the whole process: every schema file is added once (by its `$id`) and every
 * validator compiled once, because compiling dominates validation by three orders of magnitude.
 * Schemas are checked against the JSON Schema meta-schema explicitly (checkSchema), not by ajv on
 * every add and compile: compiling the meta-schema is most of a cached contract's load, and a
 * worker (started anew after each failed test) loads contracts whose schemas were checked already.
 */
const ajv = new Ajv2020.default({ allErrors: true, strict: false, validateFormats: true, validateSchema: false });
addFormats.default(ajv);
// OpenAPI's own formats, which JSON Schema does not define; accepted as documentation.
for (const f of ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']) ajv.addFormat(f, true);

const idByFile = new Map<string, string>();
/** The schema files each registered file refers to (absolute paths). */
const refsByFile = new Map<string, string[]>();
/** Property names a schema file marks `"x-secret": true`, by the file's $id. */
const secretsById = new Map<string, string[]>();
const validators = new Map<string, ValidateFunction>();

/**
 * Adds a schema file (and the files it refers to) to ajv; returns its `$id`. `checked`: the file
 * has these bytes and passed the meta-schema before (a contract cache entry says so), so it is not
 * checked again.
 */
export function registerSchemaFile(absPath: string, where: string, checked = false): string {
  const known = idByFile.get(absPath);
  if (known) return known;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(readFileSync(absPath, 'utf8')) as Record<string, unknown>;
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    // Never the parser's message: it quotes the start of the file, which may be anything (a $ref to /etc/passwd).
    const why = e.code === 'ENOENT' ? 'no such file' : err instanceof SyntaxError ? 'not valid JSON' : e.code ?? 'unreadable';
    throw new ContractError(`${where}: $ref to ${absPath} does not resolve (${why})`);
  }
  const id = parsed.$id;
  if (typeof id !== 'string') throw new ContractError(`${absPath}: the schema has no $id`);
  if (!checked) checkSchema(parsed, absPath);
  // Known before its references are, so that files referring to each other end; forgotten if one of them fails, so that it fails every time.
  idByFile.set(absPath, id);
  try {
    secretsById.set(id, secretProperties(parsed));
    const refs = [...new Set(fileRefs(parsed).map((ref) => resolve(dirname(absPath), ref)))];
    refsByFile.set(absPath, refs);
    for (const ref of refs) registerSchemaFile(ref, absPath, checked);
    try {
      ajv.addSchema(parsed);
    } catch (err) {
      throw new ContractError(`${absPath}: not a valid JSON Schema (${(err as Error).message})`);
    }
  } catch (err) {
    idByFile.delete(absPath);
    throw err;
  }
  return id;
}

/** A schema that breaks the JSON Schema 2020-12 meta-schema is a contract error, named by `where`. */
export function checkSchema(schema: unknown, where: string): void {
  if (!ajv.validateSchema(schema as JsonSchema)) throw new ContractError(`${where}: not a valid JSON Schema (schema is invalid: ${ajv.errorsText(ajv.errors)})`);
}

/** These registered schema files and every file they refer to, directly or not (absolute paths). */
export function schemaFileClosure(files: Iterable<string>): string[] {
  const out = new Set<string>();
  const walk = (f: string) => {
    if (out.has(f)) return;
    out.add(f);
    for (const r of refsByFile.get(f) ?? []) walk(r);
  };
  for (const f of files) walk(f);
  return [...out];
}

/** Every schema file registered so far (absolute paths): what the loaded contracts depend on besides themselves. */
export function registeredSchemaFiles(): string[] {
  return [...idByFile.keys()];
}

/** The secret property names of the schema files with these ids (and the files they refer to). */
export function secretFieldsOf(ids: Iterable<string>): string[] {
  return [...new Set([...ids].flatMap((id) => secretsById.get(id) ?? []))];
}

function secretProperties(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => secretProperties(n, out));
  else if (node && typeof node === 'object') {
    const props = (node as { properties?: Record<string, unknown> }).properties;
    for (const [name, p] of Object.entries(props ?? {})) if ((p as Record<string, unknown>)['x-secret'] === true) out.push(name);
    for (const v of Object.values(node)) secretProperties(v, out);
  }
  return out;
}

export interface SchemaError {
  /** JSON pointer into the body ('' is the body itself). */
  path: string;
  /** What the schema expects there. */
  expected: string;
  /** What came, shortened. */
  received: string;
}

export function validateAgainst(schema: JsonSchema, value: unknown): SchemaError[] {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => describe(e, value));
}

function describe(e: ErrorObject, root: unknown): SchemaError {
  const at = e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath;
  const expected = e.keyword === 'required' ? 'a required property' : e.message ?? e.keyword;
  const received = e.keyword === 'required' ? 'nothing' : shorten(valueAt(root, pointerKeys(e.instancePath)));
  return { path: at, expected, received };
}

function shorten(v: unknown): string {
  const s = JSON.stringify(v) ?? 'undefined';
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function fileRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => fileRefs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string' && !v.startsWith('#') && !/^[a-z]+:/.test(v)) out.push(v.split('#')[0]!);
      else fileRefs(v, out);
    }
  }
  return out;
}
