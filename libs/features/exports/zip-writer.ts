// A streaming zip writer (just enough for xlsx): entries one after another, each deflated on
// zlib's thread pool while the caller formats the next chunk, sizes and CRC in a data descriptor
// after the data (so nothing is buffered or seeked back), the central directory at the end.
// Backpressure both ways: a write waits while the deflater is full, and the deflater pauses while
// the file stream is full, so memory holds about one chunk whatever the entry's size.
// No ZIP64: an archive past 4 GiB is refused with a clear error (csv has no such limit).
import { once } from 'node:events';
import type { TransformOptions, Writable } from 'node:stream';
import { crc32, createDeflateRaw, type DeflateRaw, type ZlibOptions } from 'node:zlib';

const MAX32 = 0xffffffff;
/** General purpose flags: bit 3 (sizes in the data descriptor), bit 11 (UTF-8 names). */
const FLAGS = 0x0808;
const DEFLATE = 8;
/** Version needed to extract: 2.0 (deflate, data descriptor). */
const VERSION = 20;

/** zlib level: 1 is several times cheaper than the default 6 on sheet XML. */
const ZIP_LEVEL = 1;
/** zlib's output buffer per hop to the thread pool. */
const ZIP_CHUNK = 256 * 1024;
/** Uncompressed bytes the deflater takes before a write waits (about two batches of sheet XML). */
const ZIP_BUFFER = 1024 * 1024;

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  size: number;
  compressed: number;
}

/** MS-DOS time and date of an instant (local fields, as zip tools expect). */
function dosTime(at: Date): { time: number; date: number } {
  return {
    time: (at.getHours() << 11) | (at.getMinutes() << 5) | Math.floor(at.getSeconds() / 2),
    date: (Math.max(0, at.getFullYear() - 1980) << 9) | ((at.getMonth() + 1) << 5) | at.getDate(),
  };
}

export class TooLargeError extends Error {
  constructor() {
    super('xlsx archive would exceed 4 GiB (no ZIP64): export as csv');
  }
}

export class ZipWriter {
  private readonly entries: Entry[] = [];
  private readonly stamp: { time: number; date: number };
  private offset = 0;
  private current: { entry: Entry; deflate: DeflateRaw; done: Promise<void> } | null = null;
  private failure: Error | null = null;

  constructor(
    private readonly out: Writable,
    now: Date = new Date(),
  ) {
    this.stamp = dosTime(now);
    out.on('error', (e: Error) => {
      this.failure ??= e;
    });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private async raw(buf: Buffer): Promise<void> {
    this.check();
    this.offset += buf.length;
    if (this.offset > MAX32) throw new TooLargeError();
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }

  /** Starts an entry; the previous one must have been finished. */
  async begin(name: string): Promise<void> {
    if (this.current) throw new Error(`zip entry still open when starting ${name}`);
    const entry: Entry = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, size: 0, compressed: 0 };
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(VERSION, 4);
    h.writeUInt16LE(FLAGS, 6);
    h.writeUInt16LE(DEFLATE, 8);
    h.writeUInt16LE(this.stamp.time, 10);
    h.writeUInt16LE(this.stamp.date, 12);
    // crc, sizes: 0 here, in the data descriptor after the data.
    h.writeUInt16LE(entry.name.length, 26);
    h.writeUInt16LE(0, 28);
    await this.raw(Buffer.concat([h, entry.name]));
    // Large zlib chunks and a deflater that takes a whole batch before asking to wait: the next
    // batch is formatted on the main thread while this one is compressed on the thread pool, in a
    // few hops rather than one per 16 KB (each hop waits for a CPU on a busy machine).
    const options: ZlibOptions & TransformOptions = { level: ZIP_LEVEL, chunkSize: ZIP_CHUNK, writableHighWaterMark: ZIP_BUFFER };
    const deflate = createDeflateRaw(options);
    deflate.on('data', (c: Buffer) => {
      entry.compressed += c.length;
    });
    deflate.pipe(this.out, { end: false });
    const done = new Promise<void>((resolve, reject) => {
      deflate.once('end', resolve);
      deflate.once('error', reject);
    });
    // Reported where awaited (finish); this keeps an abandoned entry from an unhandled rejection.
    done.catch(() => undefined);
    this.current = { entry, deflate, done };
  }

  /** Appends to the open entry; resolves when the deflater can take more. */
  async write(chunk: string | Buffer): Promise<void> {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (!this.put(buf)) await this.drained();
  }

  /**
   * Appends bytes to the open entry without waiting; `release` is called once the deflater has
   * consumed them (the caller may then reuse the buffer). False: the deflater is full, wait for
   * `drained` before the next batch.
   */
  put(buf: Buffer, release?: () => void): boolean {
    this.check();
    const c = this.current;
    if (!c) throw new Error('no zip entry open');
    if (buf.length === 0) {
      release?.();
      return true;
    }
    c.entry.crc = crc32(buf, c.entry.crc);
    c.entry.size += buf.length;
    if (c.entry.size > MAX32) throw new TooLargeError();
    return release ? c.deflate.write(buf, () => release()) : c.deflate.write(buf);
  }

  /** Resolves when the open entry's deflater can take more (or the entry has ended). */
  async drained(): Promise<void> {
    this.check();
    const c = this.current;
    if (!c || !c.deflate.writableNeedDrain) return;
    await Promise.race([once(c.deflate, 'drain'), c.done]);
  }

  /** Ends the open entry: its compressed data flushed, then its data descriptor. */
  async end(): Promise<void> {
    const c = this.current;
    if (!c) return;
    c.deflate.end();
    await c.done;
    c.deflate.unpipe(this.out);
    this.current = null;
    this.offset += c.entry.compressed;
    const d = Buffer.alloc(16);
    d.writeUInt32LE(0x08074b50, 0);
    d.writeUInt32LE(c.entry.crc >>> 0, 4);
    d.writeUInt32LE(c.entry.compressed, 8);
    d.writeUInt32LE(c.entry.size, 12);
    await this.raw(d);
    this.entries.push(c.entry);
  }

  /** A whole small entry at once. */
  async file(name: string, text: string): Promise<void> {
    await this.begin(name);
    await this.write(text);
    await this.end();
  }

  /** Writes the central directory and ends the output stream. */
  async close(): Promise<void> {
    await this.end();
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(VERSION, 4);
      h.writeUInt16LE(VERSION, 6);
      h.writeUInt16LE(FLAGS, 8);
      h.writeUInt16LE(DEFLATE, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      // extra, comment, disk, internal and external attributes: 0
      h.writeUInt32LE(e.offset, 42);
      await this.raw(Buffer.concat([h, e.name]));
    }
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0);
    eocd.writeUInt16LE(this.entries.length, 8);
    eocd.writeUInt16LE(this.entries.length, 10);
    eocd.writeUInt32LE(this.offset - start, 12);
    eocd.writeUInt32LE(start, 16);
    await this.raw(eocd);
    this.out.end();
    if (!this.out.writableFinished) await once(this.out, 'finish');
    this.check();
  }

  /** Stops writing after a failure (the partial file is the caller's to delete). */
  destroy(): void {
    this.current?.deflate.destroy();
    this.current = null;
    this.out.destroy();
  }
}
