// npm run --silent nlu:corrections > corrections.jsonl — the coordinators' danger corrections of
// this deployment as labelled examples ({"text","danger","source":"correction"} per line),
// decrypted with ENCRYPTION_KEY, for `nlu:eval` (as a libs/nlu/data/danger-*.jsonl file kept
// out of version control: it holds residents' words) and for training.
import 'dotenv/config';
import { loadConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, Repos } from '@baiying/db';
import { dangerCorrections } from '@baiying/features';

const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl, 2);
try {
  for (const e of await dangerCorrections(new Repos(prisma), new FieldCipher(config.encryptionKey, config.previousEncryptionKeys)))
    process.stdout.write(`${JSON.stringify(e)}\n`);
} finally {
  await prisma.$disconnect();
}
