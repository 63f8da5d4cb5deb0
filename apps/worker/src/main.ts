import 'dotenv/config';
import { loadConfig } from '@baiying/config';
import { startWorker } from './bootstrap.js';

startWorker(loadConfig()).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
