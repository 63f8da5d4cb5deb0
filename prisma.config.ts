// Prisma CLI configuration. The JS engine + the pg driver adapter let the CLI run offline
// (the schema engine ships as WebAssembly inside the npm package); see docs/decisions/0002-prisma-619-wasm-engine.md.
import 'dotenv/config';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    return new PrismaPg({ connectionString: url });
  },
});
