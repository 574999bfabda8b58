import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { ContractError } from '../../engine/contract/errors.ts';
import { validateContractOnce } from '../../engine/contract/validate.ts';
import { ROOT } from '../support/cli.ts';

/**
 * A run skips the structural validation of a contract that validated before, unchanged. The
 * shortcut must never let a broken contract through: any change to the contract, or to a file it
 * refers to, is validated again.
 */
test.describe('a contract that validated once is not validated again, unless something it is made of changed', () => {
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'valid-once-'));
    const schema = join(dir, 'Session.json');
    writeFileSync(schema, readFileSync(resolve(ROOT, 'schemas/traq/LoginSession.json')));
    const contract = join(dir, 'traq.yaml');
    // One schema file points to the copy, so that changing it is the only difference.
    writeFileSync(contract, readFileSync(resolve(ROOT, 'contracts/traq.yaml'), 'utf8')
      .replaceAll("'../schemas/traq/", `'${resolve(ROOT, 'schemas/traq')}/`)
      .replaceAll(`${resolve(ROOT, 'schemas/traq')}/LoginSession.json`, schema));
    return { contract, schema };
  };

  test('a changed contract is validated again', async () => {
    const { contract, schema } = copy();
    await validateContractOnce(contract, [schema]);
    writeFileSync(contract, readFileSync(contract, 'utf8').replace('openapi: 3.1.0\n', 'openapi: 3.1.0\nwebhooks: 7\n'));
    await expect(validateContractOnce(contract, [schema])).rejects.toThrow(ContractError);
  });

  test('a changed file the contract refers to is validated again', async () => {
    const { contract, schema } = copy();
    await validateContractOnce(contract, [schema]);
    writeFileSync(schema, '{ not json');
    await expect(validateContractOnce(contract, [schema])).rejects.toThrow(ContractError);
  });

  test('a broken contract is reported every time, never remembered', async () => {
    const { contract, schema } = copy();
    writeFileSync(contract, readFileSync(contract, 'utf8').replace('openapi: 3.1.0\n', 'openapi: 3.1.0\nwebhooks: 7\n'));
    await expect(validateContractOnce(contract, [schema])).rejects.toThrow(ContractError);
    await expect(validateContractOnce(contract, [schema])).rejects.toThrow(ContractError);
  });
});
