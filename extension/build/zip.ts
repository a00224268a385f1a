/**
 * A small deterministic zip writer: entries sorted by path, every date set
 * to 1980-01-01 00:00 (the earliest a zip can hold), no extra fields, and
 * deflate at level 9. The same files give the same bytes on every build.
 */
import { deflateRawSync } from "node:zlib";
import { concat, crc32 } from "./png.js";

export interface ZipEntry {
  /** Path inside the archive, with "/" separators. */
  path: string;
  data: Uint8Array;
}

/** DOS date of 1980-01-01 and time 00:00. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
/** Bit 11 of the flags: names are UTF-8. */
const UTF8_FLAG = 0x0800;

export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const sorted = [...entries].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of sorted) {
    const name = new TextEncoder().encode(entry.path);
    const deflated = deflateRawSync(entry.data, { level: 9 });
    // Store an entry whose deflated form is not smaller.
    const stored = deflated.length >= entry.data.length;
    const body = stored ? entry.data : deflated;
    const fields = {
      method: stored ? 0 : 8,
      crc: crc32(entry.data),
      compressed: body.length,
      size: entry.data.length,
    };
    const local = header(30, name);
    const view = new DataView(local.buffer);
    view.setUint32(0, 0x04034b50, true);
    view.setUint16(4, 20, true); // version needed: 2.0
    view.setUint16(6, UTF8_FLAG, true);
    view.setUint16(8, fields.method, true);
    view.setUint16(10, DOS_TIME, true);
    view.setUint16(12, DOS_DATE, true);
    view.setUint32(14, fields.crc, true);
    view.setUint32(18, fields.compressed, true);
    view.setUint32(22, fields.size, true);
    view.setUint16(26, name.length, true);
    view.setUint16(28, 0, true);
    locals.push(local, body);

    const central = header(46, name);
    const cview = new DataView(central.buffer);
    cview.setUint32(0, 0x02014b50, true);
    cview.setUint16(4, 20, true); // version made by: 2.0, MS-DOS
    cview.setUint16(6, 20, true);
    cview.setUint16(8, UTF8_FLAG, true);
    cview.setUint16(10, fields.method, true);
    cview.setUint16(12, DOS_TIME, true);
    cview.setUint16(14, DOS_DATE, true);
    cview.setUint32(16, fields.crc, true);
    cview.setUint32(20, fields.compressed, true);
    cview.setUint32(24, fields.size, true);
    cview.setUint16(28, name.length, true);
    cview.setUint32(42, offset, true);
    centrals.push(central);
    offset += local.length + body.length;
  }
  const directory = concat(centrals);
  const end = new Uint8Array(22);
  const eview = new DataView(end.buffer);
  eview.setUint32(0, 0x06054b50, true);
  eview.setUint16(8, sorted.length, true);
  eview.setUint16(10, sorted.length, true);
  eview.setUint32(12, directory.length, true);
  eview.setUint32(16, offset, true);
  return concat([...locals, directory, end]);
}

/** A header of `size` bytes followed by the name. */
function header(size: number, name: Uint8Array): Uint8Array {
  const out = new Uint8Array(size + name.length);
  out.set(name, size);
  return out;
}
