import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { cachedContract, rememberContract, type CachedContract } from '../../engine/contract/cache.ts';
import { loadContract } from '../../engine/contract/load.ts';
import type { Contract } from '../../engine/contract/model.ts';
import { ROOT } from '../support/cli.ts';

/**
 * A worker takes a loaded contract from the cache only while nothing it was made of changed: the
 * contract's bytes, its path and API, and every schema file it was made from. Anything else is a
 * miss, and the contract is loaded from its document as before.
 */
test.describe('a contract is taken from the cache only while nothing it was made of changed', () => {
  const fixture = () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-cache-'));
    const schema = join(dir, 'Thing.json');
    const nested = join(dir, 'Part.json');
    writeFileSync(schema, '{"$id":"x","$ref":"Part.json"}');
    writeFileSync(nested, '{"$id":"y"}');
    const contract = join(dir, 'api.yaml');
    const text = `openapi: 3.1.0\ninfo: {title: t, version: '1'}\n# ${dir}\n`;
    writeFileSync(contract, text);
    const value: CachedContract = { contract: { api: 'traq', title: dir } as unknown as Contract, schemaFiles: [schema] };
    rememberContract('traq', contract, text, value, [schema, nested]);
    return { contract, text, schema, nested, value };
  };

  test('the same bytes give back what was remembered', () => {
    const f = fixture();
    expect(cachedContract('traq', f.contract, f.text)).toEqual(f.value);
  });

  test('another text, path or API is a miss', () => {
    const f = fixture();
    expect(cachedContract('traq', f.contract, `${f.text}\n`)).toBeUndefined();
    expect(cachedContract('traq', `${f.contract}.other`, f.text)).toBeUndefined();
    expect(cachedContract('svix', f.contract, f.text)).toBeUndefined();
  });

  test('a changed schema file, also one referred to only by another, is a miss', () => {
    const a = fixture();
    writeFileSync(a.schema, '{"$id":"x","$ref":"Part.json","type":"object"}');
    expect(cachedContract('traq', a.contract, a.text)).toBeUndefined();
    const b = fixture();
    writeFileSync(b.nested, '{"$id":"y","type":"string"}');
    expect(cachedContract('traq', b.contract, b.text)).toBeUndefined();
  });

  test('a shipped contract loads the same from the cache as from its document', () => {
    // A copy no run has loaded (its own comment), so the first load reads the document and the second the cache.
    const dir = mkdtempSync(join(tmpdir(), 'contract-cache-'));
    const copy = join(dir, 'traq.yaml');
    writeFileSync(copy, `# ${dir}\n${readFileSync(resolve(ROOT, 'contracts/traq.yaml'), 'utf8').replaceAll("'../schemas/", `'${resolve(ROOT, 'schemas')}/`)}`);
    const text = readFileSync(copy, 'utf8');
    expect(cachedContract('traq', copy, text)).toBeUndefined();
    const fromDocument = loadContract('traq', copy);
    expect(cachedContract('traq', copy, text)?.contract).toEqual(fromDocument);
    expect(loadContract('traq', copy)).toEqual(fromDocument);
  });

  test('a schema that breaks the meta-schema is a contract error every time, in a schema file or inline, and is never remembered', () => {
    // Entries vouch that their schemas passed the meta-schema (a worker does not check them again), so a broken one must never make one.
    const dir = mkdtempSync(join(tmpdir(), 'contract-cache-'));
    writeFileSync(join(dir, 'Bad.json'), JSON.stringify({ $id: `urn:contract-cache:${dir}`, type: 'nonsense' }));
    const op = (content: string) => `openapi: 3.1.0\ninfo: {title: t, version: '1'}\npaths:\n  /x:\n    get:\n      operationId: x\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${content}\n`;
    const inFile = join(dir, 'file.yaml');
    writeFileSync(inFile, op(`{$ref: './Bad.json'}`));
    const inline = join(dir, 'inline.yaml');
    writeFileSync(inline, op('{type: nonsense}'));
    for (let i = 0; i < 2; i++) {
      expect(() => loadContract('traq', inFile)).toThrow(/Bad\.json: not a valid JSON Schema \(schema is invalid: data\/type/);
      expect(() => loadContract('traq', inline)).toThrow(/inline\.yaml at \/paths\/~1x\/get\/responses\/200\/content\/application~1json\/schema: not a valid JSON Schema/);
    }
    expect(cachedContract('traq', inFile, readFileSync(inFile, 'utf8'))).toBeUndefined();
    expect(cachedContract('traq', inline, readFileSync(inline, 'utf8'))).toBeUndefined();
  });
});
