import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { minuteText } from './local-time.js';
import { csvCell } from './export-sinks.js';
import { rowXml, XlsxWriter } from './xlsx-writer.js';

/** Every entry of a zip, inflated, with its central directory's CRC checked against the data. */
function unzip(buf: Buffer): Map<string, string> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(at)).toBe(0x02014b50);
    const crc = buf.readUInt32LE(at + 16);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = inflateRawSync(buf.subarray(start, start + compressed));
    expect({ name, size: data.length, crc: crc32(data) >>> 0 }).toEqual({ name, size, crc });
    // The data descriptor after the data says the same.
    expect(buf.readUInt32LE(start + compressed)).toBe(0x08074b50);
    expect(buf.readUInt32LE(start + compressed + 4)).toBe(crc);
    out.set(name, data.toString('utf8'));
    at += 46 + nameLen + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
  return out;
}

describe('the streaming xlsx writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'baiying-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a workbook exceljs reads back: sheets in order, zh-CN text, numbers, formulas, awkward text', async () => {
    const file = path.join(dir, 'a.xlsx');
    const book = new XlsxWriter(file);
    const needs = await book.sheet('需求明细');
    await needs.rows([
      ['需求编号', '状态', '服务时长（小时）', '群众评分'],
      ['N-1', ' 前后有空格 ', 1.5, null],
      ['a & b < c > "d"', 'x\u0001y\u0008z', 0, 5],
      [],
      ['=1+1', '第二行\n换行', -2.25, ''],
    ]);
    await needs.close();
    const sums = await book.sheet('满意度');
    await sums.rows([
      ['站点', '评分数', '合计'],
      ['幸福社区', 2, { formula: 'IF(B2=0,"",C2/B2)', result: 0.5 }],
      ['合计', { formula: 'SUM(B2:B2)', result: 2 }, { formula: 'IF(B3=0,"",C3/B3)', result: '' }],
    ]);
    await sums.close();
    await book.close();

    const buf = readFileSync(file);
    const parts = unzip(buf);
    expect([...parts.keys()].sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'xl/_rels/workbook.xml.rels',
        'xl/styles.xml',
        'xl/workbook.xml',
        'xl/worksheets/sheet1.xml',
        'xl/worksheets/sheet2.xml',
      ].sort(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['需求明细', '满意度']);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r, n) => rows.push([n, ...(r.values as unknown[]).slice(1)]));
    expect(rows).toEqual([
      [1, '需求编号', '状态', '服务时长（小时）', '群众评分'],
      [2, 'N-1', ' 前后有空格 ', 1.5],
      // Control characters XML cannot carry are dropped; the rest comes back as written.
      [3, 'a & b < c > "d"', 'xyz', 0, 5],
      [5, '=1+1', '第二行\n换行', -2.25],
    ]);
    const s2 = wb.getWorksheet('满意度')!;
    expect(s2.getCell('C2').value).toEqual({ formula: 'IF(B2=0,"",C2/B2)', result: 0.5 });
    expect(s2.getCell('B3').value).toEqual({ formula: 'SUM(B2:B2)', result: 2 });
    expect((s2.getCell('C3').value as { formula: string }).formula).toBe('IF(B3=0,"",C3/B3)');
  });

  it('makes sheet names Excel accepts (forbidden characters, length, duplicates) and writes an empty book as one sheet', async () => {
    const file = path.join(dir, 'b.xlsx');
    const book = new XlsxWriter(file);
    for (const name of ['a/b:c?[d]*', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三', 'Same', 'same']) {
      const s = await book.sheet(name);
      await s.rows([['x']]);
      await s.close();
    }
    await book.close();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['a b c  d', '一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一', 'Same', 'same 2']);

    const empty = path.join(dir, 'c.xlsx');
    await new XlsxWriter(empty).close();
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(readFileSync(empty) as unknown as ArrayBuffer);
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Sheet1']);
  });

  it('refuses a second open sheet', async () => {
    const book = new XlsxWriter(path.join(dir, 'd.xlsx'));
    await book.sheet('one');
    await expect(book.sheet('two')).rejects.toThrow(/close the open sheet/);
    await book.close();
  });

  it('streams a large sheet with bounded chunks, every row present', async () => {
    const file = path.join(dir, 'e.xlsx');
    const book = new XlsxWriter(file);
    const s = await book.sheet('big');
    for (let b = 0; b < 20; b++) await s.rows(Array.from({ length: 1000 }, (_, i) => [`N-${b * 1000 + i}`, '幸福社区', b * 1000 + i]));
    await book.close();
    const sheet = unzip(readFileSync(file)).get('xl/worksheets/sheet1.xml')!;
    expect(sheet.match(/<row /g)).toHaveLength(20_000);
    expect(sheet).toContain('<row r="20000"><c r="A20000" t="inlineStr"><is><t>N-19999</t></is></c>');
  });

  it('leaves out null and empty cells, and non-finite numbers', () => {
    expect(rowXml(7, [null, '', Number.NaN, 'x'])).toBe('<row r="7"><c r="D7" t="inlineStr"><is><t>x</t></is></c></row>');
    expect(rowXml(8, [])).toBe('');
  });
});

describe('export cells', () => {
  it('formats minutes like the ISO string', () => {
    for (const ms of [0, 951_782_400_000, 1_709_164_799_999, 1_798_761_599_000, Date.UTC(2026, 11, 31, 23, 59, 59)])
      expect(minuteText(ms)).toBe(new Date(ms).toISOString().slice(0, 16).replace('T', ' '));
  });

  it('quotes csv only when it must, and guards formulas', () => {
    expect(['plain', '幸福社区', 'ok-1', '=SUM(A1)', '-2', 'a,b', 'say "hi"', 'two\nlines', 3, null].map(csvCell)).toEqual([
      'plain',
      '幸福社区',
      'ok-1',
      "'=SUM(A1)",
      "'-2",
      '"a,b"',
      '"say ""hi"""',
      '"two\nlines"',
      '3',
      '',
    ]);
  });
});
