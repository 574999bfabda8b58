import { expect, test } from '@playwright/test';
import { pointerKeys, pointerToken, valueAt } from '../../engine/pointer.ts';

const DOC = { paths: { '/users/{id}': { get: { 'x-correction': 'why' } } }, 'a~b': [10, 20], '%41': 'percent' };

test('a JSON pointer reads the keys RFC 6901 escapes, in a URI fragment percent-decoded too', () => {
  const rows: [pointer: string, fragment: boolean, keys: string[], value: unknown][] = [
    ['', false, [], DOC],
    ['/paths/~1users~1{id}/get', false, ['paths', '/users/{id}', 'get'], DOC.paths['/users/{id}'].get],
    ['/paths/~1users~1%7Bid%7D/get', true, ['paths', '/users/{id}', 'get'], DOC.paths['/users/{id}'].get],
    ['/a~0b/1', false, ['a~b', '1'], 20],
    // `~01` is `~1` unescaped once, never `/`.
    ['/~01', false, ['~1'], undefined],
    ['/%41', false, ['%41'], 'percent'],
    ['/paths/missing/get', false, ['paths', 'missing', 'get'], undefined],
  ];
  for (const [pointer, fragment, keys, value] of rows) {
    expect(pointerKeys(pointer, fragment), pointer).toEqual(keys);
    expect(valueAt(DOC, keys), pointer).toEqual(value);
  }
});

test('a key written as a token reads back as the same key', () => {
  for (const key of ['/users/{id}', 'a~b', '~1', 'application/json', '']) expect(pointerKeys(`/${pointerToken(key)}`)).toEqual([key]);
});
