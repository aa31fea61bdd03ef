import { defineConfig } from 'drizzle-kit';

// Migrations are generated here and applied programmatically at start (src/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './models/schema.ts',
  out: './models/migrations',
});
