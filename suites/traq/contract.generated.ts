// Generated from contracts/traq.yaml by tools/generate.ts: change the contract and run `npm run generate`.
import { upstreamLine, type Requirement } from '../../requirements/types.ts';

const UPSTREAM = 'https://github.com/traPtitech/traQ/blob/ac297a77b09ec1b252eaf7881a34054c483654cf/docs/v3-api.yaml';

/** The operations of contracts/traq.yaml. */
export type OperationId = 'getMyExternalAccounts' | 'getMySessions' | 'linkExternalAccount' | 'login' | 'logout' | 'revokeMySession' | 'unlinkExternalAccount';

/** `<api>:<operationId>#<status>`: the scenario provokes the status, and the response matches its definition. */
export const STATUS_REQUIREMENTS = {
  'traq:login#204': { level: 'MUST', summary: 'valid credentials log in with 204', source: upstreamLine(UPSTREAM, 2379, '"204":') },
  'traq:login#302': { level: 'MUST', summary: 'valid credentials with ?redirect= log in with 302', source: upstreamLine(UPSTREAM, 2383, '"302":') },
  'traq:login#400': { level: 'MUST', summary: 'a missing body or a name that breaks the pattern is refused with 400', source: upstreamLine(UPSTREAM, 2387, '"400":') },
  'traq:login#401': { level: 'MUST', summary: 'a wrong password or an unknown user is refused with 401', source: upstreamLine(UPSTREAM, 2389, '"401":') },
  'traq:login#403': { level: 'MUST', summary: 'a suspended account is refused with 403', source: upstreamLine(UPSTREAM, 2393, '"403":') },
  'traq:logout#204': { level: 'MUST', summary: 'logout answers 204', source: upstreamLine(UPSTREAM, 2412, '"204":') },
  'traq:logout#302': { level: 'MUST', summary: 'logout with ?redirect= answers 302', source: upstreamLine(UPSTREAM, 2416, '"302":') },
  'traq:getMySessions#200': { level: 'MUST', summary: 'the caller\'s sessions are listed as LoginSession[]', source: upstreamLine(UPSTREAM, 2439, '"200":') },
  'traq:revokeMySession#204': { level: 'MUST', summary: 'revoking an own or unknown session answers 204', source: upstreamLine(UPSTREAM, 2456, '"204":') },
  'traq:getMyExternalAccounts#200': { level: 'MUST', summary: 'the linked accounts are listed as ExternalProviderUser[]', source: upstreamLine(UPSTREAM, 4259, '"200":') },
  'traq:linkExternalAccount#302': { level: 'MUST', summary: 'an enabled provider redirects to its authorization page with 302', source: upstreamLine(UPSTREAM, 4276, '"302":') },
  'traq:linkExternalAccount#400': { level: 'MUST', summary: 'an unknown or missing provider is refused with 400', source: upstreamLine(UPSTREAM, 4280, '"400":') },
  'traq:unlinkExternalAccount#204': { level: 'MUST', summary: 'a linked provider is unlinked with 204', source: upstreamLine(UPSTREAM, 4299, '"204":') },
  'traq:unlinkExternalAccount#400': { level: 'SHOULD', summary: 'a provider that is not linked is refused with 400', source: upstreamLine(UPSTREAM, 4303, '"400":') },
} as const satisfies Record<string, Requirement>;
