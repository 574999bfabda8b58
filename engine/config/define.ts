/**
 * What an API is, as its folder states it: `suites/<api>/api.ts` default-exports `defineApi({…})`.
 * The engine finds APIs by those folders (engine/config/apis.ts); nothing else lists their names.
 * This file imports nothing, so an API's definition can be loaded before anything else of the engine.
 */

export interface Variable {
  name: string;
  /** Values are redacted everywhere evidence is written. */
  secret: boolean;
  /** Without it no test of the API can run against a live target. */
  required: boolean;
  /** For optional variables: the tests it enables, for the skip reason. */
  enables?: string;
  /** The value used against the mock, which checks formats only. */
  mock: string;
}

export interface ApiDefinition {
  /** The folder's name: suites/<name>, reference/<name>, `<name>:` requirement ids. */
  name: string;
  title: string;
  /** The contract, relative to the checkout (CONFORMANCE_CONTRACT_<API> may name another file); contracts/<name>.yaml unless declared. */
  contract: string;
  /** <NAME>_BASE_URL unless declared. */
  baseUrlVariable: string;
  /** How a base URL looks, for messages. */
  baseUrlExample: string;
  variables: readonly Variable[];
}

/** What an api.ts states: the contract and the base URL's variable follow from the name unless it says otherwise. */
export type ApiDeclaration = Omit<ApiDefinition, 'contract' | 'baseUrlVariable'> & Partial<Pick<ApiDefinition, 'contract' | 'baseUrlVariable'>>;

export const defineApi = <const D extends ApiDeclaration>(declared: D): D & ApiDefinition => ({
  contract: `contracts/${declared.name}.yaml`,
  baseUrlVariable: `${declared.name.toUpperCase()}_BASE_URL`,
  ...declared,
});

/** What an API's second identity enables, for the skip reason. */
export const SECOND_IDENTITY = 'the cross-identity tests (object-level authorization: a second identity names the first one\'s objects)';
