// The settings an admin changes for the whole organisation: its reporting
// time zone, the PUE used when nothing better is known, and whether events
// may create unknown teams, models and pipelines.
import { z } from 'zod';

import { recordAudit } from '@/lib/auth/audit';
import { getPool, withTransaction } from '@/lib/db/pool';

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });

    return true;
  } catch {
    return false;
  }
}

export const organisationSettingsSchema = z.object({
  timeZone: z.string().refine(isTimeZone, 'time zone must be an IANA name such as Europe/Paris'),
  defaultPue: z.coerce
    .number({ error: 'default PUE must be a number' })
    .min(1, 'default PUE must be at least 1')
    .max(3, 'default PUE must be at most 3'),
  autoCreateEntities: z.boolean(),
});

export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;

export async function getOrganisationSettings(organisationId: string) {
  const { rows } = await getPool().query<OrganisationSettings>(
    `SELECT time_zone AS "timeZone", default_pue AS "defaultPue",
            auto_create_entities AS "autoCreateEntities"
       FROM organisation WHERE id = $1`,
    [organisationId],
  );

  return rows[0] ?? null;
}

export async function updateOrganisationSettings(
  organisationId: string,
  actorUserId: string,
  settings: OrganisationSettings,
) {
  await withTransaction(async (client) => {
    const { rows } = await client.query<OrganisationSettings>(
      `SELECT time_zone AS "timeZone", default_pue AS "defaultPue",
              auto_create_entities AS "autoCreateEntities"
         FROM organisation WHERE id = $1 FOR UPDATE`,
      [organisationId],
    );
    await client.query(
      `UPDATE organisation SET time_zone = $2, default_pue = $3, auto_create_entities = $4
        WHERE id = $1`,
      [organisationId, settings.timeZone, settings.defaultPue, settings.autoCreateEntities],
    );
    await recordAudit(client, {
      organisationId,
      actorUserId,
      action: 'organisation.settings_changed',
      targetType: 'organisation',
      targetId: organisationId,
      details: { before: rows[0] ?? null, after: settings },
    });
  });
}
