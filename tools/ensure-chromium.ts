import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * The report's browser tests need a Chromium. Playwright cannot download its own here, so the
 * project uses Debian's (`/usr/bin/chromium`, or CHROMIUM_PATH). Run before `npm test`: installs it
 * with apt when it is missing and the machine allows it, else says exactly what to do.
 */
const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  process.stderr.write(`auth-conformance: the report's browser tests need Chromium at ${path}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.\n`);
  process.exit(1);
}
process.stdout.write('auth-conformance: installing Debian\'s chromium for the report\'s browser tests (once)...\n');
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } };
execFileSync('apt-get', ['update', '-qq'], quiet);
execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], quiet);
if (!existsSync(path)) {
  process.stderr.write(`auth-conformance: apt installed chromium, but not at ${path}; set CHROMIUM_PATH.\n`);
  process.exit(1);
}
