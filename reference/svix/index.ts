import type { ReferenceApi } from '../kit/types.ts';
import { SVIX_FAULTS, type SvixFault } from './faults.ts';
import { APP_ID, ORG_TOKEN, RATE_LIMIT } from './model.ts';
import { createHandler } from './routes.ts';

/**
 * Svix's Authentication tag, in memory: one organisation token, one application, and the
 * app-portal tokens that dashboard-access mints for it. Paths start with /api/v1, so the base URL
 * (SVIX_BASE_URL) is the origin and basePath is empty.
 */
export const svixReference: ReferenceApi<SvixFault> = {
  api: 'svix',
  basePath: '',
  faults: SVIX_FAULTS,
  env: {
    SVIX_TOKEN: ORG_TOKEN,
    SVIX_APP_ID: APP_ID,
    // The rate-limit probes run here (they are opt-in elsewhere): the limit is RATE_LIMIT.requests
    // per window and token, so this budget reaches it with room to spare.
    SVIX_PROBE_RATE_LIMIT: String(RATE_LIMIT.requests * 4),
  },
  create: (faults) => createHandler(faults),
};
