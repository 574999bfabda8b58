import type { ApiName } from './config/apis.ts';
import type { Operation } from './contract/model.ts';
import type { Exchange, ExpectedStatus, HeaderMap, RecordedRequest } from './http/exchange.ts';
import type { RunContext } from './run.ts';

/** Who a request speaks for: the headers that carry its credentials (none for anonymous). */
export interface Identity {
  label: string;
  headers: HeaderMap;
}

export const anonymous: Identity = { label: 'no credentials', headers: {} };

export interface CallOptions {
  /**
   * The status the scenario requires; the checks judge the response against it. A list or a class
   * ('4XX') where the document names no status and every member is a reasonable reading.
   */
  expect: ExpectedStatus;
  as?: Identity;
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: HeaderMap;
  /** A JSON body (sent with Content-Type: application/json). */
  json?: unknown;
  /** A raw body, sent as given (for malformed input). */
  body?: string;
  contentType?: string;
}

/**
 * Calls operations by operationId: the path and method come from the contract, the base URL from
 * the target. Keeps no cookies and follows no redirects; every exchange is returned as data.
 */
export class ApiClient {
  readonly exchanges: Exchange[] = [];
  private readonly inFlight = new Set<Promise<Exchange>>();
  private stopped = false;

  /**
   * `skip` ends the test body without a verdict (the test runner's skip): how a request reports
   * that the target is down, so the client itself knows nothing of the runner.
   */
  constructor(readonly api: ApiName, private readonly run: RunContext, private readonly skip: (reason: string) => never) {}

  get target() {
    return this.run.target(this.api);
  }

  get contract() {
    return this.run.contract(this.api);
  }

  operation(operationId: string): Operation {
    const op = this.contract.operations[operationId];
    if (!op) throw new Error(`${this.contract.file} has no operation ${operationId}`);
    return op;
  }

  /** A request of the test body; refused once teardown has begun, so nothing is created after cleanup has looked. */
  call(operationId: string, options: CallOptions): Promise<Exchange> {
    if (this.stopped) return Promise.reject(new Error(`${operationId} was not sent: the test is being torn down`));
    const pending = this.exchange(operationId, options, true);
    this.inFlight.add(pending);
    const settled = () => this.inFlight.delete(pending);
    pending.then(settled, settled);
    return pending;
  }

  /**
   * Closes the client to the test body and waits for its requests still under way (a run
   * interrupted mid-request tears the test down while a login may yet open a session), then for
   * their callers to record what they created. That last wait is one turn of the event loop, so
   * flows must record a created session or token right after the call returns, before awaiting
   * anything else (all four suites' fixtures do).
   */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.inFlight]);
    await new Promise((r) => setImmediate(r));
  }

  /** A teardown request: sent even after `stop`, and never throws (teardown must not). */
  undo(operationId: string, options: CallOptions): Promise<Exchange | undefined> {
    return this.exchange(operationId, options, false).catch(() => undefined);
  }

  private async exchange(operationId: string, options: CallOptions, inTestBody: boolean): Promise<Exchange> {
    const op = this.operation(operationId);
    // The requests that got no answer already failed their tests; the rest of the run says so once, as a skip.
    // (Not in teardown: a skip there would hide the test's own verdict; the target refuses to send anyway.)
    const down = this.target.down();
    if (down && inTestBody) this.skip(`not run: ${down}`);
    const request = this.request(op, options);
    const sent = await this.target.send(request, op, options.expect);
    // The request that found the target down (its last timeout, a 429 past the cap, the last 404) judges nothing either.
    const found = !down && inTestBody ? this.target.down() : undefined;
    if (found) this.skip(`not run: ${found}`);
    if (sent.response) this.run.redactor.learnFrom(sent.response, op.responses[String(sent.response.status)]?.secretFields ?? []);
    const exchange: Exchange = {
      api: this.api,
      operationId,
      pathTemplate: op.path,
      expectedStatus: options.expect,
      ...sent,
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  private request(op: Operation, o: CallOptions): RecordedRequest {
    const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      const v = o.params?.[name];
      if (v === undefined) throw new Error(`${op.operationId} needs the path parameter ${name}`);
      return encodeURIComponent(v);
    });
    const url = new URL(this.target.baseUrl + path);
    for (const [k, v] of Object.entries(o.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: HeaderMap = { ...o.as?.headers, ...o.headers };
    let body: string | undefined;
    if (o.json !== undefined) {
      body = JSON.stringify(o.json);
      headers['content-type'] ??= 'application/json';
    } else if (o.body !== undefined) {
      body = o.body;
      if (o.contentType) headers['content-type'] = o.contentType;
    }
    return { method: op.method, url: url.toString(), headers, ...(body !== undefined ? { body } : {}) };
  }
}
