import { ByteChunks, type ChunkOut } from './byte-chunks.js';

/** A stream stand-in: keeps copies of what it was given, releases on demand, full when told. */
function sink(full = () => false) {
  const got: Buffer[] = [];
  const pending: Array<() => void> = [];
  const seen = new Set<ArrayBufferLike>();
  let drains = 0;
  const out: ChunkOut = {
    write: (bytes, release) => {
      got.push(Buffer.from(bytes));
      seen.add(bytes.buffer);
      pending.push(release);
      return !full();
    },
    drained: async () => {
      drains++;
    },
  };
  return {
    out,
    text: () => Buffer.concat(got).toString('utf8'),
    releaseAll: () => pending.splice(0).forEach((r) => r()),
    buffers: () => seen.size,
    writes: () => got.length,
    drains: () => drains,
  };
}

describe('ByteChunks', () => {
  it('hands on every character in order, multi-byte text included', async () => {
    const s = sink();
    const c = new ByteChunks(s.out, 64 * 1024);
    let expected = '';
    for (let i = 0; i < 5000; i++) {
      const row = `${i},张*丰,上门理发 🙂,"q"\r\n`;
      expected += row;
      c.add(row);
      s.releaseAll();
    }
    await c.flush();
    expect(s.text()).toBe(expected);
    expect(s.writes()).toBeGreaterThan(3);
  });

  it('reuses released buffers instead of allocating one per write', async () => {
    const s = sink();
    const c = new ByteChunks(s.out, 64 * 1024);
    for (let i = 0; i < 20_000; i++) {
      c.add('x'.repeat(100));
      s.releaseAll();
    }
    await c.flush();
    expect(s.writes()).toBeGreaterThan(20);
    expect(s.buffers()).toBeLessThanOrEqual(3);
  });

  it('sends a text larger than a buffer on its own, after what came before', async () => {
    const s = sink();
    const c = new ByteChunks(s.out, 64);
    c.add('a,');
    c.add('b'.repeat(20_000));
    c.add(',c');
    await c.flush();
    expect(s.text()).toBe(`a,${'b'.repeat(20_000)},c`);
  });

  it('waits for the stream only after a write found it full', async () => {
    let full = false;
    const s = sink(() => full);
    const c = new ByteChunks(s.out, 1024);
    c.add('y'.repeat(20_000));
    await c.ready();
    expect(s.drains()).toBe(0);
    full = true;
    c.add('z'.repeat(20_000));
    await c.ready();
    expect(s.drains()).toBe(1);
    await c.ready();
    expect(s.drains()).toBe(1);
  });
});
