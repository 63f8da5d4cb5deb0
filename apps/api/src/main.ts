import 'dotenv/config';
import { loadConfig } from '@baiying/config';
import { startApi } from './bootstrap.js';

startApi(loadConfig()).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
