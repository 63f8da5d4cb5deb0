import { StatementNames } from './statement-names.js';

describe('StatementNames', () => {
  it('names a text the second time it is seen, and keeps that name', () => {
    const names = new StatementNames(8);
    expect(names.name({ sql: 'SELECT 1' })).toBe('');
    const name = names.name({ sql: 'SELECT 1' });
    expect(name).toMatch(/^by_[0-9a-f]{24}$/);
    expect(names.name({ sql: 'SELECT 1' })).toBe(name);
    expect(names.size).toBe(1);
  });

  it('gives different texts different names, and the same text the same name in another process', () => {
    const a = new StatementNames(8);
    const b = new StatementNames(8);
    for (const n of [a, b]) for (const sql of ['SELECT 1', 'SELECT 2', 'SELECT 1', 'SELECT 2']) n.name({ sql });
    expect(a.name({ sql: 'SELECT 1' })).not.toBe(a.name({ sql: 'SELECT 2' }));
    expect(a.name({ sql: 'SELECT 1' })).toBe(b.name({ sql: 'SELECT 1' }));
  });

  it('names at most `max` texts; the rest stay unnamed', () => {
    const names = new StatementNames(2);
    for (const sql of ['A', 'A', 'B', 'B', 'C', 'C', 'C']) names.name({ sql });
    expect(names.size).toBe(2);
    expect(names.name({ sql: 'C' })).toBe('');
    expect(names.name({ sql: 'A' })).not.toBe('');
  });

  it('names nothing with max 0', () => {
    const names = new StatementNames(0);
    for (let i = 0; i < 5; i++) expect(names.name({ sql: 'SELECT 1' })).toBe('');
    expect(names.size).toBe(0);
  });

  it('forgets texts seen once when its memory of them is full (a flood of one-off texts names nothing)', () => {
    const names = new StatementNames(8, 3);
    for (const sql of ['A', 'B', 'C', 'D', 'A']) expect(names.name({ sql })).toBe('');
    expect(names.size).toBe(0);
    expect(names.name({ sql: 'A' })).not.toBe('');
  });
});
