'use server';
// Generating a report version from the Reports page (officers and admins).
import { redirect } from 'next/navigation';
import { z } from 'zod';

import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { generateReport } from '@/lib/reports/archive';

const quarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/);

export async function generateReportAction(formData: FormData) {
  const quarter = quarterSchema.parse(formData.get('quarter'));
  const viewer = await requireViewer({ roles: rolesThat('generateReports'), returnTo: '/reports' });

  const [year = 0, number = 1] = quarter.split('-Q').map(Number);
  await generateReport(
    viewer.organisationId,
    { year, quarter: number },
    { now: new Date(), timeZone: viewer.timeZone, userId: viewer.userId },
  );

  redirect(`/reports?quarter=${quarter}`);
}
