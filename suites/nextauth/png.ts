import { crc32 } from 'node:zlib';
import { violation, type Violation } from '../../engine/checks/types.ts';

/**
 * Pure judges of the bytes getQrLogin returns with img=png (PNG, RFC 2083 / ISO 15948): the
 * signature, a well-formed IHDR as the first chunk, and whole chunks with correct CRCs up to IEND.
 * Nothing decodes pixels: the image's size is what IHDR says.
 */

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Bit depths allowed per colour type (PNG §11.2.2). */
const DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const MAX_DIMENSION = 2 ** 31 - 1;

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colourType: number;
}

export interface PngReading {
  /** Present when IHDR could be read, even if later chunks are broken. */
  header?: PngHeader;
  violations: Violation[];
}

const hex = (b: Buffer): string => [...b].map((x) => x.toString(16).padStart(2, '0').toUpperCase()).join(' ');
const printable = (b: Buffer): string => (/^[A-Za-z]{4}$/.test(b.toString('latin1')) ? b.toString('latin1') : hex(b));
const bad = (message: string, expected: string, received: string): Violation => violation('png_structure', message, { expected, received });

/** Reads and judges a PNG. */
export function readPng(bytes: Buffer): PngReading {
  if (bytes.length < PNG_SIGNATURE.length || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    return { violations: [violation('png_signature', 'the body does not start with the PNG signature', { expected: hex(PNG_SIGNATURE), received: bytes.length === 0 ? 'no bytes' : hex(bytes.subarray(0, 8)) })] };
  }
  const violations: Violation[] = [];
  let header: PngHeader | undefined;
  let offset = 8;
  let index = 0;
  let sawIdat = false;
  let sawIend = false;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) {
      violations.push(bad(`the body ends inside chunk ${index + 1}'s header`, 'whole chunks (length, type, data, CRC)', `${bytes.length - offset} trailing bytes`));
      break;
    }
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8);
    const name = printable(type);
    if (offset + 12 + length > bytes.length) {
      violations.push(bad(`the body ends inside the ${name} chunk`, `${length} data bytes and a CRC`, `${bytes.length - offset - 8} bytes`));
      break;
    }
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    const computed = crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0;
    if (crc !== computed) violations.push(bad(`the CRC of the ${name} chunk is wrong`, computed.toString(16).padStart(8, '0'), crc.toString(16).padStart(8, '0')));
    if (index === 0) {
      if (name !== 'IHDR') {
        violations.push(bad('the first chunk is not IHDR', 'IHDR', name));
        break;
      }
      const h = ihdr(data);
      violations.push(...h.violations);
      header = h.header;
    } else if (name === 'IHDR') {
      violations.push(bad('IHDR appears more than once', 'one IHDR, first', `IHDR as chunk ${index + 1}`));
    }
    if (name === 'IDAT') sawIdat = true;
    offset += 12 + length;
    index++;
    if (name === 'IEND') {
      sawIend = true;
      if (offset < bytes.length) violations.push(bad('bytes follow the IEND chunk', 'nothing after IEND', `${bytes.length - offset} bytes`));
      break;
    }
  }
  if (index === 0 && violations.length === 0) violations.push(bad('the body ends after the PNG signature', 'an IHDR chunk', 'nothing'));
  if (header && !sawIdat && violations.length === 0) violations.push(bad('the image has no IDAT chunk', 'at least one IDAT', 'none'));
  if (header && !sawIend && violations.length === 0) violations.push(bad('the image does not end with IEND', 'an IEND chunk last', 'none'));
  return { ...(header ? { header } : {}), violations };
}

function ihdr(data: Buffer): PngReading {
  if (data.length !== 13) return { violations: [bad('IHDR does not hold 13 bytes', '13', String(data.length))] };
  const header: PngHeader = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8]!, colourType: data[9]! };
  const violations: Violation[] = [];
  for (const [what, v] of [['width', header.width], ['height', header.height]] as const) {
    if (v === 0 || v > MAX_DIMENSION) violations.push(bad(`IHDR gives a ${what} of ${v}`, `1 to ${MAX_DIMENSION}`, String(v)));
  }
  const depths = DEPTHS[header.colourType];
  if (!depths) violations.push(bad(`IHDR names colour type ${header.colourType}`, '0, 2, 3, 4 or 6', String(header.colourType)));
  else if (!depths.includes(header.bitDepth)) violations.push(bad(`IHDR gives bit depth ${header.bitDepth} for colour type ${header.colourType}`, depths.join(', '), String(header.bitDepth)));
  if (data[10] !== 0) violations.push(bad('IHDR names an unknown compression method', '0', String(data[10])));
  if (data[11] !== 0) violations.push(bad('IHDR names an unknown filter method', '0', String(data[11])));
  if (data[12]! > 1) violations.push(bad('IHDR names an unknown interlace method', '0 or 1', String(data[12])));
  return { header, violations };
}

/** The image is `size` pixels wide and high. */
export function sizeViolations(reading: PngReading, size: number): Violation[] {
  if (!reading.header) return [violation('png_size', 'the image size cannot be read: the body is not a PNG with an IHDR', { expected: `${size} × ${size} pixels`, received: 'no IHDR' })];
  const { width, height } = reading.header;
  return width === size && height === size ? [] : [violation('png_size', `the image is ${width} × ${height} pixels where ${size} × ${size} were asked for`, { expected: `${size} × ${size}`, received: `${width} × ${height}` })];
}
