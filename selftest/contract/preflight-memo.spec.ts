import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { preflightContract } from '../../engine/contract/preflight.ts';

/**
 * A preflight that passed is not repeated (engine/contract/preflight.ts remembers it), so what it
 * refuses must still be refused once a file it read or a link it followed changes after a pass.
 */
test.describe('a remembered preflight still refuses what changed after it passed', () => {
  const contract = (dir: string) => {
    const file = join(dir, 'api.yaml');
    // The folder in the text makes every fixture a contract no run has remembered.
    writeFileSync(file, `openapi: 3.1.0\n# ${dir}\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      operationId: x\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: {$ref: './Thing.json'}\n`);
    return file;
  };

  test('a schema file that now refers to a URL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-memo-'));
    writeFileSync(join(dir, 'Thing.json'), '{"$id":"t","type":"object"}');
    const file = contract(dir);
    preflightContract(file);
    preflightContract(file);
    writeFileSync(join(dir, 'Thing.json'), '{"$id":"t","$ref":"http://127.0.0.1:1/x.json"}');
    expect(() => preflightContract(file)).toThrow(/Thing\.json at \/: \$ref with a scheme \(http:\) is not followed/);
  });

  test('a link it followed that now leads outside the allowed folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'preflight-memo-'));
    const inside = join(dir, 'inside.json');
    writeFileSync(inside, '{"$id":"t","type":"object"}');
    symlinkSync(inside, join(dir, 'Thing.json'));
    const file = contract(dir);
    preflightContract(file);
    const outside = join(mkdtempSync(join(tmpdir(), 'elsewhere-')), 'Secret.json');
    writeFileSync(outside, '{"$id":"t","type":"object"}');
    rmSync(join(dir, 'Thing.json'));
    symlinkSync(outside, join(dir, 'Thing.json'));
    expect(() => preflightContract(file)).toThrow(/\$ref to .*Thing\.json is outside contracts\/ and schemas\/ of the checkout and the contract's own folder/);
  });
});
