/**
 * A bench helper process serves until the bench stops it: SIGTERM or SIGINT, or its stdin closing
 * (the bench died), then closes what it serves once and exits.
 */
export function serveUntilStopped(close: () => Promise<unknown>): void {
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    await close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.stdin.on('end', stop);
  process.stdin.on('close', stop);
  process.stdin.resume();
}
