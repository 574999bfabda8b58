import type { ReferenceApi } from '../kit/types.ts';
import { VARIANTS, type VariantId } from './variants.ts';
import { TRAQ_FAULTS, type TraqFault } from './faults.ts';
import { TraqState } from './model.ts';
import { routes } from './routes.ts';

const ENV = {
  TRAQ_USERNAME: 'conformance-user',
  TRAQ_PASSWORD: 'reference-password-1',
  TRAQ_SUSPENDED_USERNAME: 'suspended-user',
  TRAQ_SUSPENDED_PASSWORD: 'reference-password-2',
  TRAQ_LINKABLE_PROVIDER: 'github',
  TRAQ_LINKED_PROVIDER: 'google',
  TRAQ_TOKEN: 'reference-bearer-token-0123456789',
  TRAQ_SECOND_USERNAME: 'second-user',
  TRAQ_SECOND_PASSWORD: 'reference-password-3',
} as const;

/** A conformant in-memory traQ authentication server, with the faults of TRAQ_FAULTS switchable. */
export const traqReference: ReferenceApi<TraqFault, VariantId> = {
  api: 'traq',
  basePath: '/api/v3',
  faults: TRAQ_FAULTS,
  variants: VARIANTS,
  env: ENV,
  create: (faults) => routes(new TraqState({
    user: { name: ENV.TRAQ_USERNAME, password: ENV.TRAQ_PASSWORD },
    suspended: { name: ENV.TRAQ_SUSPENDED_USERNAME, password: ENV.TRAQ_SUSPENDED_PASSWORD },
    // B has linked only github, so A's google and gitea links are ones B can name without owning.
    second: { name: ENV.TRAQ_SECOND_USERNAME, password: ENV.TRAQ_SECOND_PASSWORD, linkedProviders: ['github'] },
    bearerToken: ENV.TRAQ_TOKEN,
    enabledProviders: ['github', 'google', 'gitea'],
    // gitea stays linked even after the suite unlinks google, so the account list is never empty.
    linkedProviders: ['google', 'gitea'],
  }), faults),
};

export default traqReference;
