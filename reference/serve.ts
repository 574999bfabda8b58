import { REFERENCES } from './index.ts';
import { startReferenceHost } from './kit/host.ts';

/**
 * `npm run reference`: serves every reference API on a loopback port until interrupted, and prints
 * what to put in the environment to run the suites against it, fault-free or with a fault.
 */
const host = await startReferenceHost(REFERENCES);
for (const ref of REFERENCES) {
  process.stdout.write(`\n# ${ref.api}: fault-free, or replace "ok" with one of: ${Object.keys(ref.faults).join(', ')}\n`);
  process.stdout.write(`${ref.api.toUpperCase()}_BASE_URL=${host.baseUrl(ref.api)}\n`);
  for (const [k, v] of Object.entries(ref.env)) process.stdout.write(`${k}=${v}\n`);
}
process.stdout.write('\nCONFORMANCE_TARGET=live\nCONFORMANCE_ALLOW_DESTRUCTIVE=1\n');
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
