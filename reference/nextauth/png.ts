import { createHash } from 'node:crypto';
import { crc32, deflateSync } from 'node:zlib';

/**
 * A QR-code-like PNG of `size` × `size` pixels for the given data: a 25 × 25 module grid with
 * the three finder squares and a quiet zone, its other modules taken from a hash of the data. It
 * is not a scannable QR code (nothing in the suite scans it); it is a valid 1-bit grayscale PNG
 * whose pixels depend on the data.
 */

const MODULES = 25;
const QUIET = 2;
const GRID = MODULES + 2 * QUIET;

function modules(data: Buffer): boolean[][] {
  const bits: number[] = [];
  for (let i = 0; bits.length < MODULES * MODULES; i++) {
    for (const byte of createHash('sha256').update(data).update(String(i)).digest()) {
      for (let b = 7; b >= 0; b--) bits.push((byte >> b) & 1);
    }
  }
  const finder = (r: number, c: number): boolean | undefined => {
    for (const [r0, c0] of [[0, 0], [0, MODULES - 7], [MODULES - 7, 0]]) {
      const y = r - r0, x = c - c0;
      if (y >= -1 && y <= 7 && x >= -1 && x <= 7) {
        if (y < 0 || y > 6 || x < 0 || x > 6) return false;
        const ring = Math.min(y, x, 6 - y, 6 - x);
        return ring !== 1;
      }
    }
    return undefined;
  };
  const grid: boolean[][] = [];
  for (let r = 0; r < GRID; r++) {
    const row: boolean[] = [];
    for (let c = 0; c < GRID; c++) {
      const mr = r - QUIET, mc = c - QUIET;
      if (mr < 0 || mc < 0 || mr >= MODULES || mc >= MODULES) row.push(false);
      else row.push(finder(mr, mc) ?? bits[mr * MODULES + mc] === 1);
    }
    grid.push(row);
  }
  return grid;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function qrPng(data: Buffer, size: number): Buffer {
  const grid = modules(data);
  const rowBytes = Math.ceil(size / 8);
  const raw = Buffer.alloc((rowBytes + 1) * size, 0xff);
  for (let y = 0; y < size; y++) {
    const start = y * (rowBytes + 1);
    raw[start] = 0; // filter: none
    const row = grid[Math.floor((y * GRID) / size)];
    for (let x = 0; x < size; x++) {
      if (row[Math.floor((x * GRID) / size)]) raw[start + 1 + (x >> 3)] &= ~(0x80 >> (x & 7)); // dark = 0
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // grayscale
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
