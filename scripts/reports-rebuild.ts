// npm run reports:rebuild [-- --from YYYY-MM-DD --to YYYY-MM-DD]
// Rebuilds the report rollups from the raw rows (all days with needs or calls by default), one month per
// transaction, in TIME_ZONE (which it records for the triggers). Safe while the desk runs: each
// month's rebuild takes the rollups' rebuild lock, and the triggers keep later changes exact.
import 'dotenv/config';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { loadConfig } from '@baiying/config';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Rebuilds [from, to] (local days; default: every day that has needs or calls). Returns the months rebuilt. */
export async function rebuildRollups(client: pg.Client, timeZone: string, range: { from?: string; to?: string } = {}): Promise<number> {
  const changed = await client.query<{ changed: boolean }>(
    `UPDATE report_setting SET time_zone = $1 WHERE id = 1 AND time_zone <> $1 RETURNING true AS changed`,
    [timeZone],
  );
  const bounds = await client.query<{ lo: string | null; hi: string | null }>(
    `SELECT to_char(min((at AT TIME ZONE 'UTC') AT TIME ZONE $1), 'YYYY-MM-DD') AS lo,
            to_char(max((at AT TIME ZONE 'UTC') AT TIME ZONE $1), 'YYYY-MM-DD') AS hi
     FROM (SELECT min("createdAt") AS at FROM need UNION ALL SELECT max("createdAt") FROM need
           UNION ALL SELECT min("startsAt") FROM call UNION ALL SELECT max("startsAt") FROM call) b`,
    [timeZone],
  );
  // A zone change moves every day boundary: everything is rebuilt.
  const from = changed.rowCount ? (bounds.rows[0]?.lo ?? null) : (range.from ?? bounds.rows[0]?.lo ?? null);
  const to = changed.rowCount ? (bounds.rows[0]?.hi ?? null) : (range.to ?? bounds.rows[0]?.hi ?? null);
  if (changed.rowCount) await client.query('TRUNCATE report_need_day, report_volunteer_day, report_team_day, report_call_day');
  if (!from || !to) return 0;
  let months = 0;
  let start = from;
  while (start <= to) {
    const monthEnd = (
      await client.query<{ e: string }>(
        `SELECT to_char(least((date_trunc('month', $1::date) + interval '1 month - 1 day')::date, $2::date), 'YYYY-MM-DD') AS e`,
        [start, to],
      )
    ).rows[0]!.e;
    await client.query('BEGIN');
    await client.query('SELECT report_rebuild($1::date, $2::date)', [start, monthEnd]);
    await client.query('COMMIT');
    months++;
    start = (await client.query<{ n: string }>(`SELECT to_char($1::date + 1, 'YYYY-MM-DD') AS n`, [monthEnd])).rows[0]!.n;
  }
  // Fresh statistics, and a visibility map for the dashboard's index-only scans.
  await client.query('VACUUM (ANALYZE) report_need_day, report_volunteer_day, report_team_day, report_call_day');
  return months;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(`--${name}`);
    const v = i >= 0 ? args[i + 1] : undefined;
    if (i >= 0 && (!v || !DAY.test(v))) throw new Error(`--${name} takes a day (YYYY-MM-DD)`);
    return v;
  };
  const config = loadConfig();
  const client = new pg.Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const t = Date.now();
    const from = opt('from');
    const to = opt('to');
    const months = await rebuildRollups(client, config.timeZone, { ...(from ? { from } : {}), ...(to ? { to } : {}) });
    console.log(`rebuilt the report rollups: ${months} month(s) in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  } finally {
    await client.end();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
