/**
 * The reference servers for the bench's live runs, in a child process of their own (own process
 * group), so the bench's /proc sampling never delays an answer.
 *
 * Usage: tsx bench/reference-server.ts <instance> ...
 * Prints `READY {"<instance>":{"traq":"http://127.0.0.1:…/traq/ok~<instance>/api/v3",…},…}`: one
 * fresh, fault-free server per API and instance (host.baseUrl's instance argument), so every run
 * starts from a clean state. An instance named `failing-…` gets every fault of its API switched on
 * at once instead (read from reference/<api>/faults.ts, so new faults join): the bench's server
 * that fails as many tests as the catalogue can make fail. Serves until SIGTERM or stdin closes.
 */
import { REFERENCES } from '../reference/index.ts';
import { startReferenceHost } from '../reference/kit/host.ts';
import { serveUntilStopped } from './serve-until-stopped.ts';

const host = await startReferenceHost(REFERENCES);
const switches = (instance: string, faults: readonly string[]) => (instance.startsWith('failing-') ? faults.join('+') : 'ok');
const urls = Object.fromEntries(process.argv.slice(2).map((instance) => [instance, Object.fromEntries(REFERENCES.map((r) => [r.api, host.baseUrl(r.api, switches(instance, Object.keys(r.faults)), instance)]))]));
process.stdout.write(`READY ${JSON.stringify(urls)}\n`);

serveUntilStopped(() => host.close());
