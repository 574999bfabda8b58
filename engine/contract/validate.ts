import { resolve } from 'node:path';
import { validate } from '@readme/openapi-parser';
import { ContractError } from './errors.ts';
import { PROJECT_ROOT } from './load.ts';

/** Structural OpenAPI validation; the first problem is reported with the place it was found. */
export async function validateContract(file: string): Promise<void> {
  let result;
  try {
    result = await validate(resolve(PROJECT_ROOT, file));
  } catch (err) {
    throw new ContractError(`${file}: ${(err as Error).message.split('\n')[0]}`);
  }
  if (!result.valid) {
    const [first] = result.errors;
    const lines = (first?.message ?? 'invalid').split('\n');
    const near = lines.find((l) => l.trimStart().startsWith('>'))?.replace(/^\s*>\s*\d+\s*\|\s*/, '').trim();
    const more = result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : '';
    throw new ContractError(`${file}: not valid OpenAPI: ${lines[0]!.replace(/^[A-Z]+ /, '')}${near ? ` near ${near}` : ''}${more}`);
  }
}
