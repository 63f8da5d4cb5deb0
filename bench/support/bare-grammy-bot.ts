// The baseline bot: bare grammY behind node:http in webhook mode, no database, no queue. It
// answers every message with one sendMessage carried in the webhook response ("webhook
// reply"), the cheapest correct answer grammY can give, so its acknowledgement latency is the
// floor for the framework + HTTP part of ours. Started by bench/run.ts as a child process:
//   BARE_TOKEN, BARE_API_ROOT, BARE_PORT, BARE_PATH, BARE_SECRET.
import http from 'node:http';
import { Bot, webhookCallback } from 'grammy';

function env(name: string): string {
  const v = process.env[name];
  if (v === undefined || v === '') throw new Error(`${name} is not set`);
  return v;
}

async function main(): Promise<void> {
  const token = env('BARE_TOKEN');
  const port = Number(env('BARE_PORT'));
  const path = env('BARE_PATH');
  const secretToken = env('BARE_SECRET');
  const bot = new Bot(token, { client: { apiRoot: env('BARE_API_ROOT'), canUseWebhookReply: (method) => method === 'sendMessage' } });
  bot.command('help', (ctx) => ctx.reply('Send me what you need; /start to begin.'));
  bot.command('start', (ctx) => ctx.reply('Welcome.'));
  bot.on('message', (ctx) => ctx.reply('Received.'));
  bot.catch((err) => console.error(`update ${err.ctx.update.update_id} failed: ${err.message}`));
  await bot.init(); // getMe on the fake, like our bot
  const handle = webhookCallback(bot, 'http', { secretToken, onTimeout: 'return', timeoutMilliseconds: 9000 });
  const server = http.createServer((req, res) => {
    if (req.method === 'POST' && req.url === path) {
      handle(req, res).catch((e: unknown) => {
        console.error(e instanceof Error ? e.message : e);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  console.log(`bare grammY bot @${bot.botInfo.username}: webhook listening on 127.0.0.1:${port}${path}`);
  const shutdown = (): void => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
