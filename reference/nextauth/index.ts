import type { ReferenceApi } from '../kit/types.ts';
import { VARIANTS, type VariantId } from './variants.ts';
import { FAULTS, type FaultId } from './faults.ts';
import { ENV } from './model.ts';
import { createHandler } from './routes.ts';

/**
 * nextAuth Sessions (contracts/nextauth.yaml), in memory. Paths start at /servers; a session is
 * whatever nonce the caller sends, and none is ever logged in unless a user confirms a login in the
 * app, which no request of this API can do (only the `provoke-logs-in-without-confirmation` fault
 * logs one in).
 */
export const nextauthReference: ReferenceApi<FaultId, VariantId> = {
  api: 'nextauth',
  basePath: '',
  faults: FAULTS,
  variants: VARIANTS,
  env: ENV,
  create: (faults) => createHandler(faults),
};

export default nextauthReference;
