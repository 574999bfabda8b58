import { inflateRawSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file below a folder, with its content as text (binary files decoded loosely). */
export function filesBelow(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push({ path: p, text: readFileSync(p).toString('latin1') });
    }
  };
  walk(dir);
  return out;
}

/**
 * The texts a file holds, also where it hides them: a Playwright HTML report carries its data as
 * a base64 zip inside index.html, so each zip entry (deflated or stored) is returned as well.
 */
export function textsOf(path: string, raw: Buffer): { path: string; text: string }[] {
  const out = [{ path, text: raw.toString('utf8') }, { path: `${path} (latin1)`, text: raw.toString('latin1') }];
  const zips = raw.subarray(0, 4).readUInt32LE(0) === 0x04034b50 ? [raw] : [];
  for (const m of raw.toString('latin1').matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g)) zips.push(Buffer.from(m[1]!, 'base64'));
  for (const zip of zips) for (const e of unzip(zip)) out.push({ path: `${path} » ${e.name}`, text: e.data.toString('utf8') });
  return out;
}

function unzip(zip: Buffer): { name: string; data: Buffer }[] {
  const out: { name: string; data: Buffer }[] = [];
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return out;
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0, n = zip.readUInt16LE(eocd + 10); i < n; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLen = zip.readUInt16LE(at + 28);
    const extraLen = zip.readUInt16LE(at + 30);
    const commentLen = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    out.push({ name, data: method === 8 ? inflateRawSync(body) : body });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}
