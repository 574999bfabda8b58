// Generated from contracts/semaphore.yaml by tools/generate.ts: change the contract and run `npm run generate`.
import { upstreamLine, type Requirement } from '../../requirements/types.ts';

const UPSTREAM = 'https://github.com/semaphoreui/semaphore/blob/d4a27137486d65f963257d06e6b7867b54513e20/api-docs.yml';

/** The operations of contracts/semaphore.yaml. */
export type OperationId = 'createApiToken' | 'deleteApiToken' | 'finishOidcLogin' | 'getLoginMetadata' | 'listApiTokens' | 'login' | 'logout' | 'startOidcLogin';

/** `<api>:<operationId>#<status>`: the scenario provokes the status, and the response matches its definition. */
export const STATUS_REQUIREMENTS = {
  'semaphore:getLoginMetadata#200': { level: 'MUST', summary: 'the login metadata is LoginMetadata: the configured OIDC providers', source: upstreamLine(UPSTREAM, 1042, '200:') },
  'semaphore:login#204': { level: 'MUST', summary: 'valid credentials log in with 204', source: upstreamLine(UPSTREAM, 1059, '204:') },
  'semaphore:login#400': { level: 'MUST', summary: 'a body that is not JSON, or lacks auth or password, is refused with 400', source: upstreamLine(UPSTREAM, 1062, 'missing / is invalid') },
  'semaphore:logout#204': { level: 'MUST', summary: 'logout answers 204', source: upstreamLine(UPSTREAM, 1070, '204:') },
  'semaphore:startOidcLogin#302': { level: 'MUST', summary: 'starting an OIDC sign-in answers 302', source: upstreamLine(UPSTREAM, 1086, '302:') },
  'semaphore:finishOidcLogin#302': { level: 'MUST', summary: 'the OIDC callback answers 302', source: upstreamLine(UPSTREAM, 1102, '302:') },
  'semaphore:listApiTokens#200': { level: 'MUST', summary: 'the caller\'s API tokens are listed as APIToken[]', source: upstreamLine(UPSTREAM, 1124, '200:') },
  'semaphore:createApiToken#201': { level: 'MUST', summary: 'a new API token is created: 201 with the APIToken', source: upstreamLine(UPSTREAM, 1136, '201:') },
  'semaphore:deleteApiToken#204': { level: 'MUST', summary: 'expiring one of the caller\'s tokens answers 204', source: upstreamLine(UPSTREAM, 1154, '204:') },
} as const satisfies Record<string, Requirement>;
