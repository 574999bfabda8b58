import { crc32 } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { qrPng } from '../../reference/nextauth/png.ts';
import { readPng } from '../../suites/nextauth/png.ts';

/** nextAuth's PNG judge on bytes: a real image passes; each way of breaking one is named. */
const good = qrPng(Buffer.from('conformance'), 120);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0);
  return Buffer.concat([head, data, crc]);
}

test('a real PNG passes, and its IHDR gives the size', () => {
  const r = readPng(good);
  expect(r.violations).toEqual([]);
  expect(r.header).toMatchObject({ width: 120, height: 120 });
});

const BROKEN: [string, Buffer, string][] = [
  ['no bytes', Buffer.alloc(0), 'png_signature'],
  ['raw QR data instead of an image', Buffer.from('conformance'), 'png_signature'],
  ['only the signature', good.subarray(0, 8), 'png_structure'],
  ['cut off inside a chunk', good.subarray(0, good.length - 20), 'png_structure'],
  ['a wrong CRC', (() => { const b = Buffer.from(good); b[29] ^= 0xff; return b; })(), 'png_structure'],
  ['a first chunk that is not IHDR', Buffer.concat([good.subarray(0, 8), chunk('tEXt', Buffer.from('k\0v')), good.subarray(8)]), 'png_structure'],
  ['bytes after IEND', Buffer.concat([good, Buffer.from('junk')]), 'png_structure'],
];

for (const [name, bytes, check] of BROKEN) {
  test(`fails on ${name}`, () => {
    const r = readPng(bytes);
    expect(r.violations.map((v) => v.check)).toContain(check);
  });
}
