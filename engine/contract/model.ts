/** The parts of an OpenAPI operation the engine works with, with every `$ref` resolved. */

export type JsonSchema = Record<string, unknown> | boolean;

export interface HeaderSpec {
  required: boolean;
  schema?: JsonSchema;
}

export interface ResponseSpec {
  status: string;
  description: string;
  /** Lower-case header names. */
  headers: Record<string, HeaderSpec>;
  /** Media type → schema (undefined: any body of that type). Empty: the response has no content. */
  content: Record<string, { schema?: JsonSchema }>;
  /** The contract marks the response as carrying a secret (`x-sensitive: true`). */
  sensitive: boolean;
  /** Body fields this response's schemas mark `x-secret` (e.g. a token whose name is just `id`). */
  secretFields: string[];
}

export interface SecurityScheme {
  type: string;
  scheme?: string;
  in?: string;
  name?: string;
}

export interface Operation {
  api: string;
  operationId: string;
  method: string;
  path: string;
  summary: string;
  /** Each entry is one acceptable combination of schemes; an empty entry means "no credentials". */
  security: Record<string, string[]>[];
  /** The behaviour a refusal of a request without valid credentials proves (`x-refusal`), where the API names one. */
  refusal?: string;
  requestBodyRequired: boolean;
  responses: Record<string, ResponseSpec>;
}

export interface Contract {
  api: string;
  /** Path relative to the project root. */
  file: string;
  title: string;
  version: string;
  sha256: string;
  securitySchemes: Record<string, SecurityScheme>;
  operations: Record<string, Operation>;
  /** Each `x-correction` note, by the JSON pointer of the node that carries it. */
  corrections: Record<string, Correction>;
}

/** The contract's own note beside a correction: what upstream says, what we say, what backs ours. */
export interface Correction {
  upstream: string;
  ours: string;
  backedBy: string;
}
