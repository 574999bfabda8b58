import { existsSync, readdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the engine knows about each API: its contract and the variables a live run reads. */

export type ApiName = 'traq' | 'nextauth' | 'svix' | 'semaphore';

export interface Variable {
  name: string;
  /** Values are redacted everywhere evidence is written. */
  secret: boolean;
  /** Without it no test of the API can run against a live target. */
  required: boolean;
  /** For optional variables: the tests it enables, for the skip reason. */
  enables?: string;
  /** The value used against the mock, which checks formats only. */
  mock: string;
}

export interface ApiDefinition {
  name: ApiName;
  title: string;
  contract: string;
  baseUrlVariable: string;
  /** How a base URL looks, for messages. */
  baseUrlExample: string;
  variables: readonly Variable[];
}

/** What the second identity of each API enables, for the skip reason. */
const SECOND = 'the cross-identity tests (object-level authorization: a second identity names the first one\'s objects)';

export const API_DEFINITIONS: Readonly<Record<ApiName, ApiDefinition>> = {
  traq: {
    name: 'traq',
    title: 'traQ v3 authentication',
    contract: 'contracts/traq.yaml',
    baseUrlVariable: 'TRAQ_BASE_URL',
    baseUrlExample: 'https://q.example.com/api/v3',
    variables: [
      { name: 'TRAQ_USERNAME', secret: false, required: true, mock: 'conformance-user' },
      { name: 'TRAQ_PASSWORD', secret: true, required: true, mock: 'mock-password-0' },
      { name: 'TRAQ_SUSPENDED_USERNAME', secret: false, required: false, enables: 'login 403 for a suspended account', mock: 'suspended-user' },
      { name: 'TRAQ_SUSPENDED_PASSWORD', secret: true, required: false, enables: 'login 403 for a suspended account', mock: 'mock-password-1' },
      { name: 'TRAQ_LINKABLE_PROVIDER', secret: false, required: false, enables: 'linkExternalAccount 302', mock: 'github' },
      { name: 'TRAQ_LINKED_PROVIDER', secret: false, required: false, enables: 'unlinkExternalAccount 204 (also needs CONFORMANCE_ALLOW_DESTRUCTIVE=1)', mock: 'google' },
      { name: 'TRAQ_TOKEN', secret: true, required: false, enables: 'bearer-token access to the /users/me operations', mock: 'mock-bearer-token' },
      { name: 'TRAQ_SECOND_USERNAME', secret: false, required: false, enables: SECOND, mock: 'second-user' },
      { name: 'TRAQ_SECOND_PASSWORD', secret: true, required: false, enables: SECOND, mock: 'mock-password-2' },
    ],
  },
  nextauth: {
    name: 'nextauth',
    title: 'nextAuth sessions',
    contract: 'contracts/nextauth.yaml',
    baseUrlVariable: 'NEXTAUTH_BASE_URL',
    baseUrlExample: 'https://nauth.example.com (paths start with /servers)',
    variables: [
      { name: 'NEXTAUTH_API_KEY', secret: true, required: true, mock: 'mock-nextauth-apikey' },
      { name: 'NEXTAUTH_SERVER_ID', secret: false, required: true, mock: 'bW9jay1zZXJ2ZXI' },
      { name: 'NEXTAUTH_ROLE_ID', secret: false, required: false, enables: 'getSession with a role the key may assume (X-su)', mock: 'mock-role' },
      { name: 'NEXTAUTH_ACCOUNT_ID', secret: false, required: false, enables: 'provokeLoginOnAccount 200 and its checks that name a real account; pushes test logins to that account\'s app', mock: '4242' },
      { name: 'NEXTAUTH_USER_ID', secret: false, required: false, enables: 'provokeLoginOnUser 200 and its checks that name a real user; pushes test logins to that user\'s app', mock: 'mock-user' },
      { name: 'NEXTAUTH_SECOND_SERVER_ID', secret: false, required: false, enables: SECOND, mock: 'bW9jay1zZWNvbmQ' },
    ],
  },
  svix: {
    name: 'svix',
    title: 'Svix authentication',
    contract: 'contracts/svix.yaml',
    baseUrlVariable: 'SVIX_BASE_URL',
    baseUrlExample: 'https://api.svix.com (paths start with /api/v1)',
    variables: [
      { name: 'SVIX_TOKEN', secret: true, required: true, mock: 'testsk_mockOrganisationToken' },
      { name: 'SVIX_APP_ID', secret: false, required: true, mock: 'app_2mockApplication' },
      { name: 'SVIX_SECOND_APP_ID', secret: false, required: false, enables: SECOND, mock: 'app_2mockSecondApplication' },
      { name: 'SVIX_PROBE_RATE_LIMIT', secret: false, required: false, enables: 'the 429 rate-limit probes, at most this many requests per operation, which reach a limit only below CONFORMANCE_MAX_RPS; off by default, so staging gets no load', mock: '10' },
    ],
  },
  semaphore: {
    name: 'semaphore',
    title: 'Semaphore UI authentication',
    contract: 'contracts/semaphore.yaml',
    baseUrlVariable: 'SEMAPHORE_BASE_URL',
    baseUrlExample: 'https://semaphore.example.com/api',
    variables: [
      { name: 'SEMAPHORE_USERNAME', secret: false, required: true, mock: 'conformance-user' },
      { name: 'SEMAPHORE_PASSWORD', secret: true, required: true, mock: 'mock-password-0' },
      { name: 'SEMAPHORE_SECOND_USERNAME', secret: false, required: false, enables: SECOND, mock: 'second-user' },
      { name: 'SEMAPHORE_SECOND_PASSWORD', secret: true, required: false, enables: SECOND, mock: 'mock-password-2' },
      { name: 'SEMAPHORE_OIDC_PROVIDER', secret: false, required: false, enables: 'the OIDC sign-in and callback scenarios with a configured provider', mock: 'mysso' },
    ],
  },
};

/**
 * The contract a run uses for an API: ours, unless CONFORMANCE_CONTRACT_<API> names another file
 * (a vendor checking an edited contract, or a test feeding a broken one).
 */
export function contractFile(api: ApiName, env: NodeJS.ProcessEnv = process.env): string {
  return env[`CONFORMANCE_CONTRACT_${api.toUpperCase()}`] || API_DEFINITIONS[api].contract;
}

/** The APIs whose suites exist in this checkout (a folder suites/<api> with spec files). */
export const AVAILABLE_APIS: readonly ApiName[] = (Object.keys({ traq: 0, nextauth: 0, svix: 0, semaphore: 0 } satisfies Record<ApiName, 0>) as ApiName[])
  .filter((api) => hasSuites(api));

function hasSuites(api: ApiName): boolean {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../suites', api);
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.spec.ts'));
}
