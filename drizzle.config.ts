import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The core's tables, then each module's own (the plan's live in their own PostgreSQL schema).
  schema: ['./src/core/app/core-tables.ts', './src/modules/*/tables.ts'],
  out: './src/db/migrations',
});
