/** A contract the engine cannot use; the message names the file and the place. */
export class ContractError extends Error {
  override name = 'ContractError';
}
