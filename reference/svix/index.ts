import type { ReferenceApi } from '../kit/types.ts';
import { VARIANTS, type VariantId } from './variants.ts';
import { SVIX_FAULTS, type SvixFault } from './faults.ts';
import { APP_ID, ORG_TOKEN, RATE_LIMIT, SECOND_APP_ID } from './model.ts';
import { createHandler } from './routes.ts';

/**
 * Svix's Authentication tag, in memory: one organisation token, two applications, and the
 * app-portal tokens that dashboard-access mints for it. Paths start with /api/v1, so the base URL
 * (SVIX_BASE_URL) is the origin and basePath is empty.
 */
export const svixReference: ReferenceApi<SvixFault, VariantId> = {
  api: 'svix',
  basePath: '',
  faults: SVIX_FAULTS,
  variants: VARIANTS,
  env: {
    SVIX_TOKEN: ORG_TOKEN,
    SVIX_APP_ID: APP_ID,
    SVIX_SECOND_APP_ID: SECOND_APP_ID,
    // The rate-limit probes run here (they are opt-in elsewhere). The limit is RATE_LIMIT.requests
    // per second and token; the run's request-rate cap must lie well above it for a probe to reach
    // it, and the budget leaves room for a slow machine.
    SVIX_PROBE_RATE_LIMIT: String(RATE_LIMIT.requests * 4),
    CONFORMANCE_MAX_RPS: String(RATE_LIMIT.requests * 4),
  },
  create: (faults) => createHandler(faults),
};

export default svixReference;
