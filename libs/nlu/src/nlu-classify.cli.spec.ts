// The stable command-line contract of scripts/nlu-classify.ts, run as tools outside the code run it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(process.cwd());
const tsx = resolve(root, 'node_modules/.bin/tsx');

function classify(input: string): { stdout: string; stderr: string; status: number | null } {
  const run = spawnSync(tsx, [resolve(root, 'scripts/nlu-classify.ts')], { input, encoding: 'utf8', cwd: root, timeout: 30_000 });
  return { stdout: run.stdout, stderr: run.stderr, status: run.status };
}

describe('npm run nlu:classify', () => {
  it('is run from the repository root', () => {
    expect(existsSync(tsx)).toBe(true);
  });

  it('writes one JSON line per input line, in order, with errors in place and nothing else', () => {
    const input = [
      JSON.stringify({ text: '水管冻裂了，家里到处是水！！电话 138-1234-5678' }),
      'not json',
      '',
      JSON.stringify({ text: 42 }),
      JSON.stringify({ text: '明天上午想请人上门理发', now: '2025-03-12T09:00:00+08:00' }),
      JSON.stringify({ text: 'x', timeZone: 'Mars/Base' }),
    ].join('\n');
    const { stdout, status } = classify(input + '\n');
    expect(status).toBe(0);
    const lines = stdout.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(6);
    const out = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out[0]).toMatchObject({ category: 'repair', urgency: 'urgent', beneficiary: 'none', phone: '13812345678', time: null, place: null });
    for (const key of ['category', 'confidence', 'alternatives', 'beneficiary', 'urgency', 'phone', 'time', 'place']) expect(out[0]).toHaveProperty(key);
    expect(out[1]).toEqual({ error: 'not valid JSON' });
    expect(out[2]).toEqual({ error: 'empty line' });
    expect(out[3]).toEqual({ error: 'expected "text" to be a string' });
    expect(out[4]).toMatchObject({ category: 'elderly', time: { start: '2025-03-13T08:00:00+08:00' } });
    expect(out[5]).toEqual({ error: 'unknown time zone "Mars/Base"' });
  });

  it('answers the last line even without a final newline', () => {
    const { stdout } = classify(JSON.stringify({ text: '邻居半夜太吵了' }));
    expect(
      stdout
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { category: string }).category),
    ).toEqual(['mediation']);
  });
});
