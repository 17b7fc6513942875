// GET /api/v1/reports/2026-Q3.pdf: the latest archived version of a quarter's
// report (generated and archived on first request, and again when it is
// provisional and its data changed). ?regenerate=1 makes a new version, for
// officers and admins; ?version=2 serves an older one.
// API key (Bearer) or a session of a role that may view reports.
import { z } from 'zod';

import { can, forbidden, requireApiViewer, rolesThat } from '@/lib/auth/viewer';
import { requireApiKey } from '@/lib/http/api-key-auth';
import { badRequest, notFound } from '@/lib/http/errors';
import { route } from '@/lib/http/handler';
import { generateReport, getArchivedReport, getOrGenerateReport } from '@/lib/reports/archive';
import { reportFileSchema } from '@/lib/reports/file-name';
import { FORMAT_INFO, reportFileName } from '@/lib/reports/formats';
import { rangeOf } from '@/lib/reports/period';
import { getReportOrganisation } from '@/lib/reports/queries/organisation';

export const dynamic = 'force-dynamic';

const querySchema = z.object({
  regenerate: z.enum(['0', '1']).optional(),
  version: z.coerce.number().int().min(1).optional(),
});

async function principalOf(request: Request) {
  if (request.headers.has('authorization')) {
    const key = await requireApiKey(request);
    if (!key.canReadReports) {
      throw forbidden('This API key was created by a role that cannot read reports');
    }

    return {
      organisationId: key.organisationId,
      apiKeyId: key.apiKeyId,
      userId: null,
      canGenerate: false,
    };
  }
  const viewer = await requireApiViewer(request, { roles: rolesThat('viewReports') });

  return {
    organisationId: viewer.organisationId,
    apiKeyId: null,
    userId: viewer.userId,
    canGenerate: can.generateReports(viewer.role),
  };
}

export const GET = route<{ file: string }>(async (request, { params }) => {
  const parsed = reportFileSchema.safeParse((await params).file);
  if (!parsed.success) {
    throw badRequest(`The report name ${parsed.error.issues[0]?.message ?? 'is invalid'}`, [
      { path: 'file', reason: parsed.error.issues.map((i) => i.message).join('; ') },
    ]);
  }
  const file = parsed.data;
  const { regenerate, version } = querySchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );

  const principal = await principalOf(request);
  if (regenerate === '1' && !principal.canGenerate) {
    throw forbidden('Only sustainability officers and admins can regenerate a report');
  }
  const organisation = await getReportOrganisation(principal.organisationId);
  if (!organisation) throw notFound();
  const now = new Date();
  if (rangeOf(file, organisation.timeZone).from > now) {
    throw badRequest(`${file.year}-Q${file.quarter} has not started yet`);
  }

  const options = {
    now,
    timeZone: organisation.timeZone,
    userId: principal.userId,
    apiKeyId: principal.apiKeyId,
  };
  let stored;
  if (regenerate === '1') {
    const { version } = await generateReport(principal.organisationId, file, options);
    stored = await getArchivedReport(principal.organisationId, file, file.format, version);
  } else if (version !== undefined) {
    stored = await getArchivedReport(principal.organisationId, file, file.format, version);
  } else {
    stored = await getOrGenerateReport(principal.organisationId, file, file.format, options);
  }
  if (!stored) throw notFound();

  const name = reportFileName(organisation.slug, file, stored.info.version, file.format);
  return new Response(new Uint8Array(stored.content), {
    headers: {
      'content-type': FORMAT_INFO[file.format].contentType,
      'content-disposition': `attachment; filename="${name}"`,
      'content-length': String(stored.content.length),
      'cache-control': 'private, no-cache',
      etag: `"${stored.info.sha256}"`,
      'x-report-version': String(stored.info.version),
      'x-report-sha256': stored.info.sha256,
    },
  });
});
