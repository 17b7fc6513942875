// npm run db:migrate: applies pending migrations to DATABASE_URL, or to the
// embedded database when it is unset.
import { withDatabase } from './database';
import { applyMigrations } from '@/lib/db/migrate';

async function main() {
  await withDatabase(async (client) => {
    const applied = await applyMigrations(client);
    console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Migrations are current.');
  });
}

main().catch((error: unknown) => {
  console.error((error as Error).message);
  process.exit(1);
});
