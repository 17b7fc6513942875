import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { getPool } from '@/lib/db/pool';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

import {
  getOrganisationSettings,
  organisationSettingsSchema,
  updateOrganisationSettings,
} from './organisation-settings';

let org: TestOrganisation;
let userId: string;

beforeAll(async () => {
  org = await setUpOrganisation('settings');
  const { rows } = await getPool().query<{ id: string }>(
    `INSERT INTO app_user (email, name) VALUES ('a@settings.example', 'A') RETURNING id`,
  );
  userId = rows[0]?.id ?? '';
});
afterAll(async () => {
  await org.database.drop();
});

describe('organisation settings', () => {
  it.each([
    [
      { timeZone: 'Mars/Olympus', defaultPue: '1.2' },
      'timeZone',
      'time zone must be an IANA name such as Europe/Paris',
    ],
    [{ timeZone: 'UTC', defaultPue: '0.9' }, 'defaultPue', 'default PUE must be at least 1'],
    [{ timeZone: 'UTC', defaultPue: 'abc' }, 'defaultPue', 'default PUE must be a number'],
  ])('refuses %o naming the field', (input, path, message) => {
    const result = organisationSettingsSchema.safeParse({ ...input, autoCreateEntities: true });

    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [path, message],
    ]);
  });

  it('saves the settings and audits the change with before and after', async () => {
    const after = { timeZone: 'Europe/Paris', defaultPue: 1.4, autoCreateEntities: false };

    await updateOrganisationSettings(org.organisationId, userId, after);

    expect(await getOrganisationSettings(org.organisationId)).toEqual(after);
    const { rows } = await getPool().query(
      `SELECT action, actor_user_id, details FROM audit_log_entry WHERE organisation_id = $1`,
      [org.organisationId],
    );
    expect(rows).toEqual([
      {
        action: 'organisation.settings_changed',
        actor_user_id: userId,
        details: {
          before: { timeZone: 'UTC', defaultPue: 1, autoCreateEntities: true },
          after,
        },
      },
    ]);
  });
});
