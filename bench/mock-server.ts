/**
 * The bench's own Prism mocks, in a child process of their own (own process group), so that the
 * bare replay loop and Dredd talk to a server that does not share their event loop, as the suite's
 * workers do with the mock its global set-up starts. Started with the same function and options as
 * the run's global set-up (engine/targets/prism.ts).
 *
 * Usage: tsx bench/mock-server.ts [<api>=<contract file> ...]   (default: every API's contract)
 * Prints one line `READY {"traq":"http://127.0.0.1:…",…}` and serves until SIGTERM or stdin closes.
 */
import { AVAILABLE_APIS, contractFile, type ApiName } from '../engine/config/apis.ts';
import { startMocks } from '../engine/targets/prism.ts';
import { serveUntilStopped } from './serve-until-stopped.ts';

const args = process.argv.slice(2);
const contracts = args.length > 0
  ? args.map((a) => ({ api: a.split('=')[0] as ApiName, file: a.slice(a.indexOf('=') + 1) }))
  : AVAILABLE_APIS.map((api) => ({ api, file: contractFile(api) }));

const started = performance.now();
const mocks = await startMocks(contracts);
process.stdout.write(`READY ${JSON.stringify({ urls: Object.fromEntries(mocks.map((m) => [m.api, m.url])), startMs: performance.now() - started })}\n`);

serveUntilStopped(() => Promise.all(mocks.map((m) => m.close())));
