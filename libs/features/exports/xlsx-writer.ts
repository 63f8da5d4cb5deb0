// The xlsx writer of every export (decision 0040): SpreadsheetML written as text straight into a
// streaming zip, one sheet after another — no cell objects, no shared-strings table (strings are
// inline), one fixed default style. A row costs one string concatenation, encoded into reusable
// byte buffers handed to the deflater (byte-chunks.ts; bounded memory at any row count). exceljs reads the result back
// (the tests do), and so do Excel, WPS and LibreOffice.
import { createWriteStream } from 'node:fs';
import { ByteChunks } from './byte-chunks.js';
import { ZipWriter } from './zip-writer.js';

/** A computed cell: an Excel formula with its result cached (readers without a formula engine see it). */
export interface FormulaCell {
  formula: string;
  result: number | string;
}

export type XlsxValue = string | number | null | FormulaCell;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Characters XML 1.0 forbids (control characters other than tab, line feed, carriage return). */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// eslint-disable-next-line no-control-regex
const NEEDS_WORK = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text as XML character data (also attribute-safe: quotes escaped). */
export function xmlText(s: string): string {
  if (!NEEDS_WORK.test(s) && !s.includes('"')) return s;
  return s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Cell text: escaped only when it must be (the common case is a plain copy). */
function cellText(s: string): string {
  return NEEDS_WORK.test(s) ? s.replace(FORBIDDEN, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') : s;
}

/** Column letters of a 0-based index (0 → A, 26 → AA). */
function columnName(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const COLUMNS: string[] = [];
const column = (i: number): string => (COLUMNS[i] ??= columnName(i));

function stringCell(ref: string, s: string): string {
  // Leading or trailing spaces are kept only when the text says so.
  const edge = s.charCodeAt(0) <= 32 || s.charCodeAt(s.length - 1) <= 32;
  return `<c r="${ref}" t="inlineStr"><is><t${edge ? ' xml:space="preserve"' : ''}>${cellText(s)}</t></is></c>`;
}

function numberCell(ref: string, n: number): string {
  return Number.isFinite(n) ? `<c r="${ref}"><v>${n}</v></c>` : '';
}

function formulaCell(ref: string, f: FormulaCell): string {
  const formula = cellText(f.formula);
  if (typeof f.result === 'number' && Number.isFinite(f.result)) return `<c r="${ref}"><f>${formula}</f><v>${f.result}</v></c>`;
  return `<c r="${ref}" t="str"><f>${formula}</f><v>${cellText(String(f.result))}</v></c>`;
}

/** One row as sheet XML; null and empty text leave the cell out. */
export function rowXml(n: number, values: readonly XlsxValue[]): string {
  let cells = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') continue;
    const ref = column(i) + n;
    if (typeof v === 'string') cells += stringCell(ref, v);
    else if (typeof v === 'number') cells += numberCell(ref, v);
    else cells += formulaCell(ref, v);
  }
  return cells === '' ? '' : `<row r="${n}">${cells}</row>`;
}

const STYLES =
  `${XML}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Excel's rules for a sheet name: ≤ 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  let s = base;
  for (let k = 2; taken.has(s.toLowerCase()); k++) s = `${base.slice(0, 31 - String(k).length - 1)} ${k}`;
  taken.add(s.toLowerCase());
  return s;
}

/** One streaming workbook; sheets are written one after another (each closed before the next). */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private readonly names: string[] = [];
  private readonly taken = new Set<string>();
  private open: XlsxSheetWriter | null = null;

  constructor(path: string) {
    this.zip = new ZipWriter(createWriteStream(path, { highWaterMark: 1024 * 1024 }));
  }

  /** Starts the next sheet (the previous one must be closed). */
  async sheet(name: string): Promise<XlsxSheetWriter> {
    if (this.open && !this.open.closed) throw new Error('close the open sheet before starting another');
    this.names.push(sheetName(name, this.taken));
    await this.zip.begin(`xl/worksheets/sheet${this.names.length}.xml`);
    await this.zip.write(`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>`);
    this.open = new XlsxSheetWriter(this.zip);
    return this.open;
  }

  /** Closes the open sheet and writes the workbook's parts and the zip's directory. */
  async close(): Promise<void> {
    if (this.open && !this.open.closed) await this.open.close();
    if (this.names.length === 0) {
      await this.sheet('Sheet1');
      await this.open!.close();
    }
    const sheets = this.names.map((n, i) => `<sheet name="${xmlText(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    const rels = this.names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
    const overrides = this.names
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    const ct = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
    await this.zip.file(
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        `<Override PartName="/xl/workbook.xml" ContentType="${ct}.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${ct}.styles+xml"/>${overrides}</Types>`,
    );
    await this.zip.file(
      '_rels/.rels',
      `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    );
    await this.zip.file('xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`);
    const n = this.names.length;
    await this.zip.file(
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="${PKG_REL}">${rels}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    );
    await this.zip.file('xl/styles.xml', STYLES);
    await this.zip.close();
  }

  /** Abandons the file after a failure. */
  destroy(): void {
    this.zip.destroy();
  }
}

export class XlsxSheetWriter {
  private row = 0;
  private readonly chunks: ByteChunks;
  closed = false;

  constructor(private readonly zip: ZipWriter) {
    this.chunks = new ByteChunks({ write: (bytes, release) => zip.put(bytes, release), drained: () => zip.drained() });
  }

  /** Appends rows (an empty row stays an empty line); waits while the deflater is full. */
  async rows(rows: readonly (readonly XlsxValue[])[]): Promise<void> {
    for (const r of rows) this.chunks.add(rowXml(++this.row, r));
    await this.chunks.ready();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.chunks.add('</sheetData></worksheet>');
    await this.chunks.flush();
    await this.zip.end();
  }
}
