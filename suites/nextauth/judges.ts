import { violation, type Violation } from '../../engine/checks/types.ts';
import { bodyBytes, jsonBody, type Exchange } from '../../engine/http/exchange.ts';

/**
 * Pure judges of behaviours seen across nextAuth exchanges. Each takes exchanges whose own shape
 * has already been checked (toConform) and returns what is wrong, never throws.
 */

const preview = (b: Buffer): string => {
  const text = b.toString('utf8');
  const shown = Buffer.from(text, 'utf8').equals(b) && /^[\x20-\x7e]*$/.test(text) ? JSON.stringify(text) : `0x${b.toString('hex')}`;
  return shown.length > 60 ? `${shown.slice(0, 57)}…` : shown;
};

/** The LoginStatus fields these judges read, or undefined when the body is no JSON object. */
function loginStatus(ex: Exchange): Record<string, unknown> | undefined {
  const body = ex.response ? jsonBody(ex.response) : { ok: false as const };
  return body.ok && typeof body.value === 'object' && body.value !== null && !Array.isArray(body.value) ? (body.value as Record<string, unknown>) : undefined;
}

/** getQrLogin's raw body is the QR data whose base64 form getSession reports as loginqrdata (same nonce). */
export function qrMatchesSession(qr: Exchange, session: Exchange): Violation[] {
  const raw = qr.response ? bodyBytes(qr.response) : Buffer.alloc(0);
  const reported = loginStatus(session)?.loginqrdata;
  if (typeof reported !== 'string') return [violation('qr_matches_session', 'getSession reports no loginqrdata to compare with', { expected: 'loginqrdata, base64', received: JSON.stringify(reported) ?? 'absent' })];
  const decoded = Buffer.from(reported, 'base64');
  return decoded.equals(raw) ? [] : [violation('qr_matches_session', 'getQrLogin sent other bytes than getSession reports as loginqrdata for the same nonce', {
    expected: `${decoded.length} bytes, ${preview(decoded)} (base64-decoded loginqrdata)`,
    received: `${raw.length} bytes, ${preview(raw)}`,
  })];
}

/** Two sessions (nonces) never share QR data. */
export function qrDiffers(a: Exchange, b: Exchange): Violation[] {
  const [x, y] = [a, b].map((e) => (e.response ? bodyBytes(e.response) : Buffer.alloc(0)));
  return x!.equals(y!) ? [violation('qr_nonce_bound', 'two different nonces got the same QR data', { expected: 'different data per nonce', received: `the same ${x!.length} bytes twice` })] : [];
}

/**
 * The session is not reported as logged in. The vendor's LoginStatus requires no property, so a
 * body without `loggedin` does not say the session is logged in.
 */
export function notLoggedIn(session: Exchange, why: string): Violation[] {
  const loggedin = loginStatus(session)?.loggedin;
  return loggedin !== true ? [] : [violation('session_logged_out', why, {
    expected: 'loggedin: false or absent',
    received: `loggedin: ${JSON.stringify(loggedin) ?? 'absent'}${typeof loginStatus(session)?.userid === 'string' ? ' (with a userid)' : ''}`,
  })];
}
