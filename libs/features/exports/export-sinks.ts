// Where export rows go: csv (UTF-8 with a BOM so spreadsheet programs read Chinese right) to any
// writable stream, or xlsx through exceljs's streaming WorkbookWriter (rows committed as they
// come, nothing kept). Both wait for the stream to drain between batches: bounded memory.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Cell } from './export-sources.js';

export interface RowSink {
  header(texts: string[]): Promise<void>;
  rows(rows: Cell[][]): Promise<void>;
  close(): Promise<void>;
}

/**
 * A cell as csv: quoted when it holds a separator, quote or line break; a text that a spreadsheet
 * would run as a formula (= + - @ at the start) gets a leading apostrophe (CSV injection).
 */
export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export class CsvSink implements RowSink {
  constructor(private readonly out: Writable) {}

  async header(texts: string[]): Promise<void> {
    await write(this.out, `\uFEFF${texts.map(csvCell).join(',')}\r\n`);
  }

  async rows(rows: Cell[][]): Promise<void> {
    let chunk = '';
    for (const r of rows) chunk += `${r.map(csvCell).join(',')}\r\n`;
    await write(this.out, chunk);
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, 'finish');
  }
}

/** A csv file at `path`. */
export const csvFile = (path: string): CsvSink => new CsvSink(createWriteStream(path));

/** One streaming workbook; sheets are written one after another. */
export class XlsxBook {
  private readonly out: Writable;
  private readonly book: ExcelJS.stream.xlsx.WorkbookWriter;

  constructor(path: string) {
    this.out = createWriteStream(path);
    this.book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: false, useSharedStrings: false });
  }

  sheet(name: string): XlsxSheet {
    return new XlsxSheet(this.book.addWorksheet(name), this.out);
  }

  async close(): Promise<void> {
    await this.book.commit();
    if (!this.out.writableFinished) await once(this.out, 'finish');
  }
}

export class XlsxSheet implements RowSink {
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly out: Writable,
  ) {}

  header(texts: string[]): Promise<void> {
    this.ws.addRow(texts).commit();
    return Promise.resolve();
  }

  async rows(rows: Cell[][]): Promise<void> {
    for (const r of rows) this.ws.addRow(r).commit();
    // The zip behind the sheet compresses on the thread pool and writes to the file stream: give
    // it a turn of the event loop, and let the file stream drain, before the next batch.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (this.out.writableNeedDrain) await once(this.out, 'drain');
  }

  /** A row of values and formulas (the assessment's computed columns). */
  addRow(values: ExcelJS.CellValue[]): void {
    this.ws.addRow(values).commit();
  }

  close(): Promise<void> {
    this.ws.commit();
    return Promise.resolve();
  }
}

/** A single-sheet xlsx file at `path`. */
export function xlsxFile(path: string, sheetName: string): RowSink {
  const book = new XlsxBook(path);
  const sheet = book.sheet(sheetName);
  return {
    header: (t) => sheet.header(t),
    rows: (r) => sheet.rows(r),
    close: async () => {
      await sheet.close();
      await book.close();
    },
  };
}
