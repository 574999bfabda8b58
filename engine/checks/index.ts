import { bodyMatchesSchema, contentTypeConforms, documentedHeadersPresent, jsonParses, statusAsExpected, statusDocumented } from './contract-checks.ts';
import { authCookieLifetimeBounded, noStoreOnSecrets, sessionCookieHttpOnly, sessionCookieSameSite, sessionCookieSecure, setCookieWellFormed } from './cookie-checks.ts';
import { challengeOn401, contentTypeOnContent, locationOnRedirect, noContentOn204, redirectStaysOnOrigin } from './http-checks.ts';
import type { Check } from './types.ts';

/** Every check, run on every exchange a test asserts; each decides whether it applies. */
export const CHECKS: readonly Check[] = [
  statusAsExpected,
  statusDocumented,
  contentTypeConforms,
  bodyMatchesSchema,
  jsonParses,
  documentedHeadersPresent,
  noContentOn204,
  challengeOn401,
  locationOnRedirect,
  contentTypeOnContent,
  redirectStaysOnOrigin,
  setCookieWellFormed,
  sessionCookieHttpOnly,
  sessionCookieSameSite,
  sessionCookieSecure,
  authCookieLifetimeBounded,
  noStoreOnSecrets,
];
