// Where export rows go: csv (UTF-8 with a BOM so spreadsheet programs read Chinese right) to any
// writable stream, or xlsx through the streaming sheet-XML writer (xlsx-writer.ts, decision 0040).
// Both encode rows into a few reusable byte buffers (byte-chunks.ts) and wait for the stream to
// drain between batches: bounded memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Cell } from './keyset-batches.js';
import { ByteChunks } from './byte-chunks.js';
import { XlsxWriter, type XlsxSheetWriter } from './xlsx-writer.js';

export interface RowSink {
  header(texts: string[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  close(): Promise<void>;
}

/**
 * A cell as csv: quoted when it holds a separator, quote or line break; a text that a spreadsheet
 * would run as a formula (= + - @ at the start) gets a leading apostrophe (CSV injection).
 */
const CSV_PLAIN = /^[=+\-@\t\r]|[",\r\n]/;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  // The common case: nothing to quote or guard, the text as it is.
  if (!CSV_PLAIN.test(v)) return v;
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain) await once(out, 'drain');
}

export class CsvSink implements RowSink {
  private readonly chunks: ByteChunks;

  constructor(private readonly out: Writable) {
    this.chunks = new ByteChunks({ write: (bytes, release) => out.write(bytes, () => release()), drained: () => drained(out) });
  }

  async header(texts: string[]): Promise<void> {
    this.chunks.add(`\uFEFF${texts.map(csvCell).join(',')}\r\n`);
    await this.chunks.ready();
  }

  async rows(rows: Cell[][]): Promise<void> {
    for (const r of rows) {
      let line = '';
      for (let i = 0; i < r.length; i++) line += i === 0 ? csvCell(r[i]!) : `,${csvCell(r[i]!)}`;
      this.chunks.add(`${line}\r\n`);
    }
    await this.chunks.ready();
  }

  async close(): Promise<void> {
    await this.chunks.flush();
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** A csv file at `path`. */
export const csvFile = (path: string): CsvSink => new CsvSink(createWriteStream(path, { highWaterMark: 1024 * 1024 }));

/** A single-sheet xlsx file at `path` (the writer of decision 0040). */
export function xlsxFile(path: string, sheetName: string): RowSink {
  const book = new XlsxWriter(path);
  let sheet: XlsxSheetWriter | null = null;
  const open = async (): Promise<XlsxSheetWriter> => (sheet ??= await book.sheet(sheetName));
  return {
    header: async (t) => (await open()).rows([t]),
    rows: async (r) => (await open()).rows(r),
    close: async () => {
      await open();
      await book.close();
    },
  };
}
