// Every import is in the audit log with its source, counts and actor, written
// in the same transaction as the import record: both or neither.
import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { POST as postEvents } from '@/app/api/v1/events/route';
import { POST as postCodeCarbon } from '@/app/api/v1/import/codecarbon/route';
import { listAudit } from '@/lib/auth/audit';
import { createMember, sessionCookie } from '@/lib/auth/test-fixtures';
import { getPool } from '@/lib/db/pool';
import { ingestBatch } from '@/lib/ingest/ingest';
import { parseEventsBody } from '@/lib/ingest/parsers/events';
import { setUpOrganisation, type TestOrganisation } from '@/lib/ingest/test-fixtures';

const CSV_NAME = 'v2.4-example-flush-rows.csv';
const CSV = readFileSync(`../shared/data/codecarbon/${CSV_NAME}`, 'utf8');
const context = { params: Promise.resolve({}) };
let org: TestOrganisation;

beforeAll(async () => {
  org = await setUpOrganisation('import-audit');
});
afterAll(async () => {
  await org.database.drop();
});

const event = (id: string, energyKwh = 0.5) => ({
  id,
  kind: 'inference',
  start: '2026-08-01T00:00:00Z',
  end: '2026-08-01T01:00:00Z',
  energy_kwh: energyKwh,
  country: 'FR',
});

async function auditOf(importId: string) {
  const { entries } = await listAudit(getPool(), org.organisationId, { page: 1, pageSize: 100 });

  return entries.filter((entry) => entry.targetId === importId);
}

async function countRows(table: 'import_record' | 'audit_log_entry' | 'emission_event') {
  const { rows } = await getPool().query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE organisation_id = $1`,
    [org.organisationId],
  );

  return rows[0]?.n ?? 0;
}

describe('import audit', () => {
  it('records an API batch with its counts and the key that sent it', async () => {
    const request = new Request('http://localhost/api/v1/events', {
      method: 'POST',
      headers: { authorization: `Bearer ${org.apiKey}` },
      body: JSON.stringify({ events: [event('a'), event('a'), event('bad', -1)] }),
    });

    const answer = await (await postEvents(request, context)).json();

    const { rows } = await getPool().query<{ id: string }>(
      'SELECT id FROM api_key WHERE organisation_id = $1',
      [org.organisationId],
    );
    const entries = await auditOf(answer.importId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'import.completed',
      actorUserId: null,
      actorApiKeyId: rows[0]?.id,
      actorApiKeyName: 'test',
      targetType: 'import',
      targetId: answer.importId,
      details: { source: 'api', fileName: null, accepted: 1, duplicates: 1, rejected: 1 },
    });
  });

  it('records a file upload with its file name and the person who uploaded it', async () => {
    const userId = await createMember({
      organisationId: org.organisationId,
      email: 'importer@test.example',
      role: 'engineer',
    });
    const request = new Request(`http://localhost/api/v1/import/codecarbon?file_name=${CSV_NAME}`, {
      method: 'POST',
      headers: { cookie: await sessionCookie(userId) },
      body: CSV,
    });

    const answer = await (await postCodeCarbon(request, context)).json();

    expect(answer.accepted).toBeGreaterThan(0);
    const entries = await auditOf(answer.importId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      action: 'import.completed',
      actorUserId: userId,
      actorEmail: 'importer@test.example',
      actorApiKeyId: null,
      details: {
        source: 'codecarbon',
        fileName: CSV_NAME,
        accepted: answer.accepted,
        duplicates: answer.duplicates,
        rejected: answer.rejected,
      },
    });
  });

  it('stores neither the import nor its events when the audit entry cannot be written', async () => {
    const before = await Promise.all(
      (['import_record', 'audit_log_entry', 'emission_event'] as const).map(countRows),
    );
    const client = getPool();
    await client.query(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit refused by test'; END $$;
      CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log_entry
        FOR EACH ROW EXECUTE FUNCTION refuse_audit();`);

    try {
      const parsed = parseEventsBody({ events: [event('atomic')] }, { maxEvents: 10 });
      const target = {
        organisationId: org.organisationId,
        source: 'api' as const,
        contentSha256: 'atomic',
      };

      await expect(ingestBatch(target, parsed)).rejects.toThrow('audit refused by test');
    } finally {
      await client.query(
        'DROP TRIGGER refuse_audit ON audit_log_entry; DROP FUNCTION refuse_audit();',
      );
    }
    const after = await Promise.all(
      (['import_record', 'audit_log_entry', 'emission_event'] as const).map(countRows),
    );
    expect(after).toEqual(before);
  });
});
