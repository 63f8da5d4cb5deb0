// The connection pool under a PostgreSQL restart: a connection that breaks while it is handed out
// is released as broken and dropped, and the error never reaches the process as an unhandled
// 'error' event. The case found by the chaos test: PostgreSQL's "terminating connection" arriving
// in the same packet as the ReadyForQuery of a new connection, before a `.then` could listen.
import { ResilientPool } from '@baiying/db';
import { testConfig } from '../../support/test-env.js';

describe('ResilientPool', () => {
  const pool = new ResilientPool({ connectionString: testConfig().databaseUrl, max: 2 });
  afterAll(() => pool.end());

  it('handles an error emitted in the very tick a connection is handed out (before any promise continuation)', async () => {
    const handedOut: string[] = [];
    // process.nextTick runs before promise continuations: with a listener attached in `.then`, this
    // error had no listener and was thrown out of the event loop.
    pool.once('acquire', (c) =>
      process.nextTick(() => (handedOut.push('error'), c.emit('error', new Error('terminating connection due to administrator command')))),
    );
    const client = await pool.connect();
    expect(handedOut).toEqual(['error']);
    // Released as broken and dropped by the pool; the holder's own release later changes nothing.
    expect(pool.totalCount).toBe(0);
    client.release();
    const fresh = await pool.connect();
    expect((await fresh.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    fresh.release();
  });
});
