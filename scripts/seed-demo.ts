// npm run seed:demo: creates the demo organisation if it does not exist.
import { getPool } from '@/lib/db/pool';
import { findOrganisationBySlug } from '@/lib/db/organisations';

import { DEMO_ORGANISATION, printDemoLogins, seedDemo } from '../prisma/seed/demo';
import { withDatabase } from './database';
import { applyMigrations } from '@/lib/db/migrate';

async function main() {
  await withDatabase(async (client) => {
    await applyMigrations(client);
    if (await findOrganisationBySlug(getPool(), DEMO_ORGANISATION.slug)) {
      console.log('The demo organisation exists already; nothing to do.');
      return;
    }
    const seeded = await seedDemo();
    console.log(`Demo organisation ready: ${seeded.events} events.`);
    printDemoLogins(seeded.apiKey);
  });
}

main().catch((error: unknown) => {
  console.error(`Seeding failed: ${(error as Error).message}`);
  process.exit(1);
});
