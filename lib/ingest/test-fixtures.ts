// Shared by integration tests: a fresh organisation in a fresh database.
import { createApiKey } from '@/lib/auth/api-keys';
import { createOrganisation } from '@/lib/db/organisations';
import { getPool } from '@/lib/db/pool';
import { useTestDatabase, type TestDatabase } from '@/lib/db/test-database';

export interface TestOrganisation {
  database: TestDatabase;
  organisationId: string;
  apiKey: string;
}

export async function setUpOrganisation(slug = 'test-org'): Promise<TestOrganisation> {
  const database = await useTestDatabase();
  const organisation = await createOrganisation(getPool(), { slug, name: `Org ${slug}` });
  const key = await createApiKey(getPool(), { organisationId: organisation.id, name: 'test' });

  return { database, organisationId: organisation.id, apiKey: key.token };
}

export async function addOrganisation(slug: string) {
  const organisation = await createOrganisation(getPool(), { slug, name: `Org ${slug}` });
  const key = await createApiKey(getPool(), { organisationId: organisation.id, name: 'test' });

  return { organisationId: organisation.id, apiKey: key.token };
}
