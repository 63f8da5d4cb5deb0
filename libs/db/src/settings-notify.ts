// Reference data changed (categories, stations, units, teams): the console's settings edits
// send `pg_notify('baiying_settings', <what>)` in their transaction, so the notification goes
// out on commit and only then. Long-running processes that keep such data in memory listen
// here (decision 0029). A lost connection is re-opened, and the listener is told to reload
// then too (a notification sent while it was away is not queued for it).
import pg from 'pg';

export const SETTINGS_CHANNEL = 'baiying_settings';

export interface SettingsListener {
  close(): Promise<void>;
}

export async function listenForSettings(
  databaseUrl: string,
  onChange: (what: string) => void,
  onError: (e: unknown) => void = () => {},
  retryMs = 1000,
): Promise<SettingsListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const connect = async (reconnect: boolean): Promise<void> => {
    const c = new pg.Client({ connectionString: databaseUrl });
    c.on('notification', (n) => {
      if (n.channel === SETTINGS_CHANNEL) onChange(n.payload ?? '');
    });
    c.on('error', (e) => {
      onError(e);
      retry(c);
    });
    c.on('end', () => retry(c));
    await c.connect();
    await c.query(`LISTEN ${SETTINGS_CHANNEL}`);
    client = c;
    if (reconnect) onChange('reconnected');
  };

  const retry = (c: pg.Client): void => {
    if (closed || client !== c) return;
    client = null;
    void c.end().catch(() => {});
    timer = setTimeout(function again() {
      if (closed) return;
      connect(true).catch((e: unknown) => {
        onError(e);
        if (!closed) timer = setTimeout(again, retryMs);
      });
    }, retryMs);
  };

  await connect(false);
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
