import type { IncomingMessage, ServerResponse } from 'node:http';

export type ApiName = 'traq' | 'nextauth' | 'svix' | 'semaphore';

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

/** A conformant in-memory implementation of one API, with switchable faults. */
export interface ReferenceApi<F extends string = string> {
  api: ApiName;
  /** Path the API lives under (e.g. '/api/v3'); a run's base URL ends with it. */
  basePath: string;
  faults: Readonly<Record<F, Fault>>;
  /**
   * The environment a conformance run needs against this server (credentials, ids), without
   * the base URL. Its secret values are what the server accepts, so a run configured from it
   * agrees with the server by construction.
   */
  env: Readonly<Record<string, string>>;
  /** A fresh server with empty state and the given faults switched on. */
  create(faults: ReadonlySet<F>): Handler;
}
