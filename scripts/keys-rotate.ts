// npm run keys:rotate — after a key change (ENCRYPTION_KEY = the new key, ENCRYPTION_KEY_PREVIOUS
// = the old one, desk restarted with both), re-encrypts every encrypted column under the new key
// in batches, while the desk runs. Safe to stop and run again; a run that finds nothing stale
// changes nothing. Once it reports 0 rewritten, the old key may leave ENCRYPTION_KEY_PREVIOUS
// (API tokens issued under it then stop working: re-issue them). See docs/decisions/0012.
// It also moves free text left in legacy clear columns (wanted time, reasons, rating comments, web
// chat texts) into their encrypted columns: run it once after deploying decision 0017.
import 'dotenv/config';
import { loadConfig } from '@baiying/config';
import { FieldCipher } from '@baiying/crypto';
import { createPrismaClient, rotateKeys } from '@baiying/db';

const batchArg = process.argv[2] ?? '500';
if (!/^[1-9]\d{0,5}$/.test(batchArg)) {
  process.stderr.write('usage: npm run keys:rotate [batch size, 1–999999]\n');
  process.exit(2);
}
const config = loadConfig();
const cipher = new FieldCipher(config.encryptionKey, config.previousEncryptionKeys);
const prisma = createPrismaClient(config.databaseUrl, 2);
try {
  process.stdout.write(`re-encrypting under key ${cipher.currentKeyId} (${config.previousEncryptionKeys.length} former key(s) in the ring)\n`);
  const report = await rotateKeys(prisma, cipher, {
    batchSize: Number(batchArg),
    onBatch: (table, scanned, rewritten) => process.stdout.write(`${table}: ${scanned} read, ${rewritten} rewritten\n`),
  });
  for (const table of Object.keys(report.scanned)) process.stdout.write(`${table}: ${report.scanned[table]} rows, ${report.rewritten[table]} rewritten\n`);
  process.stdout.write(`${report.retried} row(s) changed by the desk meanwhile were read again\n`);
} finally {
  await prisma.$disconnect();
}
