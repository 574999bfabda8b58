import type { ReferenceApi } from '../kit/types.ts';
import { VARIANTS, type VariantId } from './variants.ts';
import { FAULTS, type FaultId } from './faults.ts';
import { PROVIDER, SECOND_USER, USER } from './model.ts';
import { BASE_PATH, createHandler } from './routes.ts';

/** A conformant in-memory Semaphore UI (authentication operations only), with switchable faults. */
export const semaphoreReference: ReferenceApi<FaultId, VariantId> = {
  api: 'semaphore',
  basePath: BASE_PATH,
  faults: FAULTS,
  variants: VARIANTS,
  env: {
    SEMAPHORE_USERNAME: USER.username,
    SEMAPHORE_PASSWORD: USER.password,
    SEMAPHORE_SECOND_USERNAME: SECOND_USER.username,
    SEMAPHORE_SECOND_PASSWORD: SECOND_USER.password,
    SEMAPHORE_OIDC_PROVIDER: PROVIDER.id,
  },
  create: (switches) => createHandler(switches),
};

export default semaphoreReference;
