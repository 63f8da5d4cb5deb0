// npm run --silent nlu:corrections > corrections.jsonl — the coordinators' danger corrections of
// this deployment as labelled examples ({"text","danger","source":"correction"} per line),
// decrypted with ENCRYPTION_KEY, for `nlu:eval` (as a libs/nlu/data/danger-*.jsonl file kept
// out of version control: it holds residents' words) and for training.
// `-- --category`: the category corrections of 审单 instead ({"text","category","was","source"}),
// the shape of the category sets (libs/nlu/data/*.jsonl) plus what the understanding had said.
import 'dotenv/config';
import { loadConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, Repos } from '@baiying/db';
import { categoryCorrections, dangerCorrections } from '@baiying/features';

const config = loadConfig();
const prisma = createPrismaClient(config.databaseUrl, 2);
try {
  const repos = new Repos(prisma);
  const cipher = new FieldCipher(config.encryptionKey, config.previousEncryptionKeys);
  const rows = process.argv.includes('--category') ? await categoryCorrections(repos, cipher) : await dangerCorrections(repos, cipher);
  for (const e of rows) process.stdout.write(`${JSON.stringify(e)}\n`);
} finally {
  await prisma.$disconnect();
}
