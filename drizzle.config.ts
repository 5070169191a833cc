import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the schema; the app applies migrations itself at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
