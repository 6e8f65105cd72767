import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  // The plan's tables live in their own PostgreSQL schema and module, apart from Shipshape's own.
  schema: ['./src/db/schema.ts', './src/modules/plan/schema.ts'],
  out: './src/db/migrations',
});
