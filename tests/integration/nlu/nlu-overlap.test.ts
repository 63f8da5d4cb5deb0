// scripts/nlu-overlap.ts: a new evaluation set is checked against the other sets without their texts
// being shown; bad arguments get a usage line, repeated lines inside the new set are reported.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../../scripts/db-tools.js';

const run = (...args: string[]) =>
  spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/nlu-overlap.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

describe('nlu:overlap', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'nlu-overlap-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers a missing file or a bad threshold with the usage line and exit code 2', () => {
    for (const args of [[], ['--threshold', '0.8'], ['x.jsonl', '--threshold', '7'], ['x.jsonl', '--threshold', 'abc']]) {
      const r = run(...args);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage: npm run nlu:overlap');
    }
  });

  it('reports a line that repeats another line of the same set, normalised, and exits 1', () => {
    const file = path.join(dir, 'danger-new.jsonl');
    const line = (text: string) => JSON.stringify({ text, danger: false, family: 'none' });
    writeFileSync(
      file,
      [line('zq7 xv9 kw3 测试句子一号甲乙丙丁'), line('ZQ7, xv9 kw3！测试句子一号甲乙丙丁'), line('完全不同的另外一句话 qpmz')].join('\n') + '\n',
    );
    const r = run(file);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('danger-new.jsonl:2\titself, line 1\t1.00');
    expect(r.stdout).not.toContain('danger-new.jsonl:3');
  });

  it('rejects a line without a text, a line that is not JSON and a file that does not exist, with exit code 2', () => {
    const noText = path.join(dir, 'danger-bad.jsonl');
    writeFileSync(noText, JSON.stringify({ danger: true }) + '\n');
    const notJson = path.join(dir, 'danger-broken.jsonl');
    writeFileSync(notJson, '{"text": "ok"}\n{"text": \n');
    const cases: [string, string][] = [
      [noText, 'danger-bad.jsonl:1: no "text"'],
      [notJson, 'danger-broken.jsonl:2: not JSON'],
      [path.join(dir, 'absent.jsonl'), 'ENOENT'],
    ];
    for (const [file, message] of cases) {
      const r = run(file);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
