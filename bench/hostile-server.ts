/**
 * The self-tests' hostile server (selftest/support/hostile.ts) in a child process of its own, for
 * the bench's worst-case rows. Prints `READY <origin-less base of behaviour "x">`, i.e.
 * `READY http://127.0.0.1:<port>`; serves until SIGTERM or stdin closes.
 */
import { startHostile } from '../selftest/support/hostile.ts';
import { serveUntilStopped } from './serve-until-stopped.ts';

const hostile = await startHostile();
process.stdout.write(`READY ${new URL(hostile.baseUrl('silent')).origin}\n`);
serveUntilStopped(() => hostile.close());
