import 'dotenv/config';
import { loadConfig } from '@baiying/config';
import { startBot } from './bootstrap.js';

startBot(loadConfig()).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
