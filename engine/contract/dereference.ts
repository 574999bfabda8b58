import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';

export type Dereferenced = { ok: true; document: unknown } | { ok: false; name: string; message: string };

/** Far beyond the few milliseconds a contract takes; a parser that hangs must not hang the run. */
const TIMEOUT_MS = 30_000;

/**
 * The OpenAPI parser's own dereferencing (@readme/openapi-parser `dereference`) of a parsed
 * document's internal `$ref`s, for callers that must stay synchronous: suites register their
 * generated tests, and the matcher reads its contract, while a module loads. The parser is only
 * asynchronous, so it runs in a worker thread that this thread waits for. External `$ref`s are
 * left in place (schema files are registered with ajv by their `$id`, not inlined at every use),
 * and so are circular ones: the loader refuses them where an operation uses them.
 *
 * The worker's source is JavaScript in a string: it must load in any process (Playwright's
 * runner and workers, tsx, plain node) without a TypeScript loader of its own.
 */
export function dereferenceSync(document: unknown): Dereferenced {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  try {
    thread().postMessage({ document, signal, port: port2 }, [port2]);
    if (Atomics.wait(signal, 0, 0, TIMEOUT_MS) === 'timed-out') return { ok: false, name: 'Timeout', message: `the OpenAPI parser gave no answer in ${TIMEOUT_MS / 1000} s` };
    return (receiveMessageOnPort(port1)?.message as Dereferenced | undefined) ?? { ok: false, name: 'Error', message: 'the OpenAPI parser ended without an answer' };
  } finally {
    port1.close();
  }
}

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
let parser, failed;
try { parser = require(workerData.parser); } catch (err) { failed = err; }
parentPort.on('message', async ({ document, signal, port }) => {
  let reply;
  try {
    if (failed) throw failed;
    const options = { resolve: { external: false }, dereference: { circular: 'ignore' } };
    reply = { ok: true, document: await parser.dereference(document, options) };
  } catch (err) {
    reply = { ok: false, name: String(err && err.name), message: String(err && err.message) };
  }
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});`;

/** One thread per process, started on the first cache miss; it never keeps the process alive. */
let worker: Worker | undefined;
function thread(): Worker {
  if (!worker) {
    const parser = createRequire(import.meta.url).resolve('@readme/openapi-parser');
    worker = new Worker(SOURCE, { eval: true, workerData: { parser } });
    worker.unref();
    worker.on('error', () => (worker = undefined));
  }
  return worker;
}
