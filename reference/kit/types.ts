import type { IncomingMessage, ServerResponse } from 'node:http';

/** An API's name: its folder under suites/ and reference/. */
export type ApiName = string;

export type Handler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A defect a real server could ship, switchable on a reference server. */
export interface Fault {
  /** What the server does wrong, in one line. */
  summary: string;
  /**
   * The requirement ids a conformance run against this fault must fail, and only these
   * (MUST level). The self-tests compare the run's failed MUST requirements with this list.
   */
  catches: readonly string[];
  /** SHOULD-level requirement ids the run must report as warnings for this fault. */
  warns?: readonly string[];
}

/**
 * A behaviour that differs from the reference but still conforms to the vendor's document and the
 * RFCs (a 4xx without a body, other error fields, header case, cookie attribute order…). The
 * mirror of a fault: a run against it must fail nothing and warn only on `warns`.
 */
export interface Variant {
  /** What the server does differently, in one line. */
  summary: string;
  /** Why it still conforms: the vendor's silence or line, or the RFC sentence that allows it. */
  allowedBy: string;
  /** SHOULD-level requirement ids the variant deserves a warning for (rare: a variant is conformant, not necessarily best practice). */
  warns?: readonly string[];
}

/** A conformant in-memory implementation of one API, with switchable faults and variants. */
export interface ReferenceApi<F extends string = string, V extends string = string> {
  api: ApiName;
  /** Path the API lives under (e.g. '/api/v3'); a run's base URL ends with it. */
  basePath: string;
  faults: Readonly<Record<F, Fault>>;
  /** Conformant behaviours other than the reference's own; each must pass a run (at least 8 per API). */
  variants: Readonly<Record<V, Variant>>;
  /**
   * The environment a conformance run needs against this server (credentials, ids), without
   * the base URL. Its secret values are what the server accepts, so a run configured from it
   * agrees with the server by construction.
   */
  env: Readonly<Record<string, string>>;
  /** A fresh server with empty state and the given faults and variants switched on. */
  create(switches: ReadonlySet<F | V>): Handler;
}
