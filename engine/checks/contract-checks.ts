import { validateAgainst } from '../contract/schemas.ts';

/** Schema errors listed per violation: a body that breaks the schema in every item of a long array must not become a report of megabytes. */
const SCHEMA_ERRORS_KEPT = 20;
import type { ResponseSpec } from '../contract/model.ts';
import { describeExpected, header, headerLines, jsonBody, statusMatches } from '../http/exchange.ts';
import { violation, type Check, type CheckContext } from './types.ts';

/** The documented response for the status that came, falling back to `default` and `4XX`-style ranges. */
export function documentedResponse(ctx: CheckContext): ResponseSpec | undefined {
  const status = ctx.response?.status;
  if (status === undefined) return undefined;
  const rs = ctx.operation.responses;
  return rs[String(status)] ?? rs[`${String(status)[0]}XX`] ?? rs.default;
}

const mediaType = (v: string | undefined): string => (v ?? '').split(';')[0]!.trim().toLowerCase();
const isJsonType = (t: string): boolean => t === 'application/json' || /^application\/[\w.+-]+\+json$/.test(t);

/** Schemathesis calls this status_code_conformance; here it is split into "as expected" and "documented at all". */
export const statusAsExpected: Check = {
  name: 'status_as_expected',
  requirement: 'scenario',
  applies: () => true,
  run: ({ exchange, response }) => {
    const expected = describeExpected(exchange.expectedStatus);
    if (!response) return [violation('status_as_expected', `no response: ${exchange.error ?? 'unknown transport failure'}`, { expected, received: 'no response' })];
    return statusMatches(exchange.expectedStatus, response.status) ? [] : [violation('status_as_expected', `status ${response.status} where the scenario requires ${expected}`, { expected, received: String(response.status) })];
  },
};

/**
 * Only for a scenario that names one status: where the document is silent and the scenario accepts
 * a set, an undocumented member of the set is what the silence allows.
 */
export const statusDocumented: Check = {
  name: 'status_documented',
  requirement: 'scenario',
  applies: (ctx) => ctx.response !== undefined && typeof ctx.exchange.expectedStatus === 'number',
  run: (ctx) => documentedResponse(ctx) ? [] : [violation('status_documented', `status ${ctx.response!.status} is not documented for ${ctx.operation.operationId}`, { expected: Object.keys(ctx.operation.responses).join(', '), received: String(ctx.response!.status) })],
};

export const contentTypeConforms: Check = {
  name: 'content_type_conforms',
  requirement: 'scenario',
  applies: (ctx) => Object.keys(documentedResponse(ctx)?.content ?? {}).length > 0,
  run: (ctx) => {
    const documented = Object.keys(documentedResponse(ctx)!.content).map((t) => t.toLowerCase());
    const received = mediaType(header(ctx.response!, 'content-type'));
    const ok = documented.some((t) => t === received || t === '*/*' || (t.endsWith('/*') && received.startsWith(t.slice(0, -1))));
    return ok ? [] : [violation('content_type_conforms', received ? `Content-Type ${received} is not a documented media type` : 'no Content-Type on a response that documents content', { expected: documented.join(' or '), received: received || 'none' })];
  },
};

export const bodyMatchesSchema: Check = {
  name: 'body_matches_schema',
  requirement: 'scenario',
  applies: (ctx) => {
    const spec = documentedResponse(ctx);
    if (!spec) return false;
    const received = mediaType(header(ctx.response!, 'content-type'));
    const schemaFor = spec?.content[received] ?? Object.entries(spec?.content ?? {}).find(([t]) => isJsonType(t))?.[1];
    return schemaFor?.schema !== undefined && (isJsonType(received) || received === '');
  },
  run: (ctx) => {
    const spec = documentedResponse(ctx)!;
    const received = mediaType(header(ctx.response!, 'content-type'));
    const schema = (spec.content[received] ?? Object.entries(spec.content).find(([t]) => isJsonType(t))![1]).schema!;
    const parsed = jsonBody(ctx.response!);
    if (!parsed.ok) return [violation('body_matches_schema', ctx.response!.bytes === 0 ? 'the body is empty where the contract documents JSON' : 'the body is not JSON', { expected: 'JSON matching the documented schema', received: ctx.response!.bytes === 0 ? 'no content' : `${ctx.response!.bytes} bytes that do not parse` })];
    const errors = validateAgainst(schema, parsed.value);
    return errors.length === 0 ? [] : [violation('body_matches_schema', `the body breaks the schema in ${errors.length} place${errors.length === 1 ? '' : 's'}${errors.length > SCHEMA_ERRORS_KEPT ? ` (the first ${SCHEMA_ERRORS_KEPT} listed)` : ''}`, { schemaErrors: errors.slice(0, SCHEMA_ERRORS_KEPT) })];
  },
};

/** Headers a protocol check owns, so that one missing header is one violation of one requirement. */
const ownedByProtocol = (ctx: CheckContext, name: string): boolean => name.toLowerCase() === 'www-authenticate' && ctx.response?.status === 401;

export const documentedHeadersPresent: Check = {
  name: 'documented_headers',
  requirement: 'scenario',
  applies: (ctx) => Object.keys(documentedResponse(ctx)?.headers ?? {}).some((h) => !ownedByProtocol(ctx, h)),
  run: (ctx) => {
    const out = [];
    for (const [name, spec] of Object.entries(documentedResponse(ctx)!.headers)) {
      if (ownedByProtocol(ctx, name)) continue;
      const lines = headerLines(ctx.response!, name);
      if (lines.length === 0) {
        if (spec.required) out.push(violation('documented_headers', `the required header ${name} is missing`, { expected: name, received: 'absent' }));
        continue;
      }
      if (spec.schema !== undefined && !lines.some((l) => validateAgainst(spec.schema!, l).length === 0)) {
        const errs = validateAgainst(spec.schema, lines[0]);
        out.push(violation('documented_headers', `the header ${name} does not match its schema: ${errs[0]?.expected ?? 'invalid'}`, { expected: errs[0]?.expected, received: name === 'set-cookie' ? `${lines.length} Set-Cookie line(s)` : lines[0] }));
      }
    }
    return out;
  },
};

/**
 * Where the document gives no schema for what came (an undocumented error body, a status the
 * scenario accepts because the document is silent), all that every reading allows is asked: a body
 * that says it is JSON parses.
 */
export const jsonParses: Check = {
  name: 'json_parses',
  requirement: 'scenario',
  applies: (ctx) => ctx.response !== undefined && ctx.response.bytes > 0 && isJsonType(mediaType(header(ctx.response, 'content-type'))) && !bodyMatchesSchema.applies(ctx),
  run: (ctx) => jsonBody(ctx.response!).ok ? [] : [violation('json_parses', 'the body says it is JSON but does not parse', { expected: 'JSON, as its Content-Type says', received: `${ctx.response!.bytes} bytes that do not parse` })],
};
