// Loaded into every Node process of ONE instrumented run (NODE_OPTIONS=--import <this file>), never
// into the timed runs. Plain JavaScript because it loads before any TypeScript loader.
//
// Writes JSON lines to BENCH_RECORD_FILE:
//   {kind:'proc', pid, ppid, role, start}                        when the process has loaded this hook
//   {kind:'listen', pid, at}                                       when a server starts listening (Prism)
//   {kind:'http', pid, start, end, method, url, headers, body, status}   every HTTP request it sent
//   {kind:'exit', pid, at, cpuUserMs, cpuSystemMs, maxRssMb}      when it exits
// With BENCH_CPU_PROF_DIR set it also profiles the process's CPU (V8 sampling profiler, 1 ms) and
// writes <role>-<pid>.cpuprofile there at exit (--cpu-prof itself is not allowed in NODE_OPTIONS).
// Times are epoch milliseconds with sub-millisecond precision, comparable across processes.
import dc from 'node:diagnostics_channel';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import { syncBuiltinESMExports } from 'node:module';
import http from 'node:http';
import net from 'node:net';

const file = process.env.BENCH_RECORD_FILE;
if (file) {
  const now = () => performance.timeOrigin + performance.now();
  const write = (o) => {
    try {
      appendFileSync(file, `${JSON.stringify({ pid: process.pid, ...o })}\n`);
    } catch {
      /* the bench reads what it can */
    }
  };
  const argv = process.argv.join(' ');
  const role = /workerProcessEntry/.test(argv) ? 'worker'
    : /@playwright[/\\]test[/\\]cli|playwright[/\\]cli|\.bin[/\\]playwright\b/.test(argv) ? 'runner'
    : /engine[/\\]cli[/\\]conformance/.test(argv) ? 'cli'
    : /tsx[/\\]dist[/\\]cli|\btsx\b/.test(argv) ? 'tsx'
    : /\bnp[mx]\b|np[mx]-cli/.test(argv) ? 'npm'
    : 'other';
  write({ kind: 'proc', ppid: process.ppid, role, start: performance.timeOrigin, loaded: now() });

  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (...args) {
    write({ kind: 'listen', at: now() });
    return listen.apply(this, args);
  };

  // http.request itself is wrapped (pactum's client reads it from the module at call time): the
  // diagnostics channel 'http.client.request.start' fires only after end(), too late for the body.
  const pending = new WeakMap();
  const request = http.request;
  http.request = function (...args) {
    const req = request.apply(this, args);
    const rec = { kind: 'http', start: now(), method: req.method, url: `http://${req.getHeader('host')}${req.path}`, headers: { ...req.getHeaders() }, body: '' };
    delete rec.headers.host;
    delete rec.headers['content-length'];
    const add = (chunk) => {
      if (chunk && typeof chunk !== 'function') rec.body += Buffer.isBuffer(chunk) ? chunk.toString('utf8') : String(chunk);
    };
    const w = req.write;
    const e = req.end;
    req.write = function (chunk, ...rest) {
      add(chunk);
      return w.call(this, chunk, ...rest);
    };
    req.end = function (chunk, ...rest) {
      add(chunk);
      return e.call(this, chunk, ...rest);
    };
    pending.set(req, rec);
    return req;
  };
  // The engine imports `request` by name (engine/http/send.ts): an ES module's named imports of a
  // built-in are a copy taken when the module was first imported, updated only by this call.
  syncBuiltinESMExports();
  dc.subscribe('http.client.response.finish', ({ request: req, response }) => {
    const rec = pending.get(req);
    if (!rec) return;
    pending.delete(req);
    response.once('end', () => write({ ...rec, end: now(), status: response.statusCode }));
  });

  const profDir = process.env.BENCH_CPU_PROF_DIR;
  let session;
  if (profDir) {
    session = new inspector.Session();
    session.connect();
    session.post('Profiler.enable');
    session.post('Profiler.setSamplingInterval', { interval: 1000 });
    session.post('Profiler.start');
  }

  process.on('exit', () => {
    if (session) {
      // An in-thread inspector session answers synchronously, so this completes inside 'exit'.
      session.post('Profiler.stop', (err, res) => {
        if (err || !res) return;
        try {
          mkdirSync(profDir, { recursive: true });
          writeFileSync(`${profDir}/${role}-${process.pid}.cpuprofile`, JSON.stringify(res.profile));
        } catch {
          /* no profile then */
        }
      });
    }
    const cpu = process.cpuUsage();
    write({ kind: 'exit', at: now(), cpuUserMs: cpu.user / 1000, cpuSystemMs: cpu.system / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 });
  });
}
