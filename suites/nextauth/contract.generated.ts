// Generated from contracts/nextauth.yaml by tools/generate.ts: change the contract and run `npm run generate`.
import { upstreamLine, type Requirement } from '../../requirements/types.ts';

const UPSTREAM = 'https://github.com/APIs-guru/openapi-directory/blob/02ccb7954ee97f9d15883226683ecb3207ef1a1c/APIs/n-auth.com/2.2/swagger.yaml';

/** The operations of contracts/nextauth.yaml. */
export type OperationId = 'getQrLogin' | 'getSession' | 'logout' | 'provokeLogin' | 'provokeLoginOnAccount' | 'provokeLoginOnUser';

/** `<api>:<operationId>#<status>`: the scenario provokes the status, and the response matches its definition. */
export const STATUS_REQUIREMENTS = {
  'nextauth:getQrLogin#200': { level: 'MUST', summary: 'a valid key and nonce get the QR data as application/octet-stream, with or without a UserContext body', source: upstreamLine(UPSTREAM, 1014, '"200":') },
  'nextauth:getQrLogin#400': { level: 'SHOULD', summary: 'a missing X-nonce, an s that is not a positive integer or a body that is not a UserContext is refused with 400', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/paths/~1servers~1{serverid}~1sessions~1qr~1login/get/responses/400' } },
  'nextauth:getQrLogin#401': { level: 'SHOULD', summary: 'a missing or invalid X-apikey is refused with 401', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Unauthorized' } },
  'nextauth:getQrLogin#403': { level: 'SHOULD', summary: 'an X-su role the key may not assume is refused with 403', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Forbidden' } },
  'nextauth:getQrLogin#404': { level: 'SHOULD', summary: 'an unknown serverid is refused with 404', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/ServerNotFound' } },
  'nextauth:getSession#200': { level: 'MUST', summary: 'a valid key (also with an allowed X-su role) and a nonce get a LoginStatus', source: upstreamLine(UPSTREAM, 770, '"200":') },
  'nextauth:getSession#400': { level: 'SHOULD', summary: 'a missing X-nonce is refused with 400', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/BadRequest' } },
  'nextauth:getSession#401': { level: 'SHOULD', summary: 'a missing or invalid X-apikey is refused with 401', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Unauthorized' } },
  'nextauth:getSession#403': { level: 'SHOULD', summary: 'an X-su role the key may not assume is refused with 403', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Forbidden' } },
  'nextauth:getSession#404': { level: 'SHOULD', summary: 'an unknown serverid is refused with 404', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/ServerNotFound' } },
  'nextauth:logout#200': { level: 'MUST', summary: 'a logout answers 200, also for a session that is not logged in', source: upstreamLine(UPSTREAM, 897, '"200":') },
  'nextauth:logout#400': { level: 'SHOULD', summary: 'a missing X-nonce is refused with 400', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/BadRequest' } },
  'nextauth:logout#401': { level: 'SHOULD', summary: 'a missing or invalid X-apikey is refused with 401', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Unauthorized' } },
  'nextauth:logout#403': { level: 'SHOULD', summary: 'an X-su role the key may not assume is refused with 403', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Forbidden' } },
  'nextauth:logout#404': { level: 'SHOULD', summary: 'an unknown serverid is refused with 404', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/ServerNotFound' } },
  'nextauth:provokeLogin#200': { level: 'MUST', summary: 'a push request answers 200, with or without a UserContext body', source: upstreamLine(UPSTREAM, 928, '"200":') },
  'nextauth:provokeLogin#400': { level: 'SHOULD', summary: 'a missing X-nonce or a body that is not a UserContext is refused with 400', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/BadRequest' } },
  'nextauth:provokeLogin#401': { level: 'SHOULD', summary: 'a missing or invalid X-apikey is refused with 401', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Unauthorized' } },
  'nextauth:provokeLogin#403': { level: 'SHOULD', summary: 'an X-su role the key may not assume is refused with 403', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Forbidden' } },
  'nextauth:provokeLogin#404': { level: 'SHOULD', summary: 'an unknown serverid is refused with 404', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/ServerNotFound' } },
  'nextauth:provokeLoginOnAccount#200': { level: 'MUST', summary: 'a push to a known account answers 200', source: upstreamLine(UPSTREAM, 397, '"200":') },
  'nextauth:provokeLoginOnAccount#400': { level: 'SHOULD', summary: 'a missing X-nonce, an accountid that is not an integer or a body that is not a UserContext is refused with 400', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/paths/~1servers~1{serverid}~1accounts~1{accountid}~1provokelogin/post/responses/400' } },
  'nextauth:provokeLoginOnAccount#401': { level: 'SHOULD', summary: 'a missing or invalid X-apikey is refused with 401', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Unauthorized' } },
  'nextauth:provokeLoginOnAccount#403': { level: 'SHOULD', summary: 'an X-su role the key may not assume is refused with 403', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Forbidden' } },
  'nextauth:provokeLoginOnAccount#404': { level: 'SHOULD', summary: 'an unknown serverid or accountid is refused with 404', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/paths/~1servers~1{serverid}~1accounts~1{accountid}~1provokelogin/post/responses/404' } },
  'nextauth:provokeLoginOnUser#200': { level: 'MUST', summary: 'a push to a known user answers 200', source: upstreamLine(UPSTREAM, 1381, '"200":') },
  'nextauth:provokeLoginOnUser#400': { level: 'SHOULD', summary: 'a missing X-nonce or a body that is not a UserContext is refused with 400', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/BadRequest' } },
  'nextauth:provokeLoginOnUser#401': { level: 'SHOULD', summary: 'a missing or invalid X-apikey is refused with 401', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Unauthorized' } },
  'nextauth:provokeLoginOnUser#403': { level: 'SHOULD', summary: 'an X-su role the key may not assume is refused with 403', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/components/responses/Forbidden' } },
  'nextauth:provokeLoginOnUser#404': { level: 'SHOULD', summary: 'an unknown serverid or userid is refused with 404', source: { kind: 'correction', url: 'contracts/nextauth.yaml#/paths/~1servers~1{serverid}~1users~1{userid}~1provokelogin/post/responses/404' } },
} as const satisfies Record<string, Requirement>;
