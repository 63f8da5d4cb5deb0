// npm run dlq:replay -- --all | --id <uuid> | --list — replays inbound updates that still failed
// after the bot's retries (the dead_letter table), once the fault is fixed. A replay that
// succeeds marks its row replayed; a second replay of the same update does nothing (the row is
// marked, and the processed-update marker refuses to act twice). Messages the replay queues are
// sent by the running bot. Prints one JSON line per row; exits 1 when any replay failed.
import 'dotenv/config';
import { parseArgs } from 'node:util';
import { configuredDirectory, RedisInboundLimiter } from '@baiying/channels';
import { loadConfig } from '@baiying/config';
import { ConversationEngine } from '@baiying/conversation';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, Repos } from '@baiying/db';
import type { Logger } from '@baiying/domain';
import { Desk, NluUnderstander } from '@baiying/features';
import { JobProducer } from '@baiying/queue';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const USAGE = 'usage: npm run dlq:replay -- --all | --id <dead letter id> | --list';

const { values } = parseArgs({ options: { all: { type: 'boolean' }, id: { type: 'string' }, list: { type: 'boolean' } }, strict: true });
const modes = [values.all, values.id !== undefined, values.list].filter(Boolean).length;
if (modes !== 1 || (values.id !== undefined && !UUID.test(values.id))) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}

const logger: Logger = {
  log: (m, c) => process.stderr.write(`${m} ${JSON.stringify(c ?? {})}\n`),
  warn: (m, c) => process.stderr.write(`warn: ${m} ${JSON.stringify(c ?? {})}\n`),
  error: (m, c) => process.stderr.write(`error: ${m} ${JSON.stringify(c ?? {})}\n`),
};

const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl, 4);
const cipher = new FieldCipher(config.encryptionKey);
const producer = new JobProducer({ redisUrl: config.redisUrl, prefix: config.redisPrefix });
let failed = false;
try {
  if (values.list) {
    for (const r of await new Repos(prisma).deadLetters.pending(1000)) {
      const { id, channel, updateId, error, attempts, firstFailureAt, lastFailureAt } = r;
      process.stdout.write(`${JSON.stringify({ id, channel, updateId, error, attempts, firstFailureAt, lastFailureAt })}\n`);
    }
  } else {
    const desk = new Desk({ prisma, cipher, producer, config, channels: configuredDirectory(config) });
    const understander = await NluUnderstander.load(new Repos(prisma), config, (reason) => logger.warn('model unavailable, using the rules', { reason }));
    const engine = new ConversationEngine(desk.uow, desk.chat(understander), logger);
    const ingress = desk.ingress(engine, new RedisInboundLimiter(producer.connection, config.redisPrefix), logger);
    const outcomes = values.id !== undefined ? [await ingress.replay(values.id)] : await ingress.replayAll();
    for (const o of outcomes) {
      process.stdout.write(`${JSON.stringify(o)}\n`);
      if (o.result === 'failed' || o.result === 'missing') failed = true;
    }
  }
} finally {
  await producer.close();
  await prisma.$disconnect();
}
process.exit(failed ? 1 : 0);
