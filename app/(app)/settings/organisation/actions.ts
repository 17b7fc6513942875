'use server';

import { revalidatePath } from 'next/cache';

import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import {
  organisationSettingsSchema,
  updateOrganisationSettings,
} from '@/lib/methodology/organisation-settings';

export interface SettingsFormState {
  ok: boolean;
  message: string | null;
  fieldErrors?: Record<string, string>;
}

export async function saveOrganisationSettings(
  _previous: SettingsFormState,
  form: FormData,
): Promise<SettingsFormState> {
  const viewer = await requireViewer({ roles: rolesThat('manageUsers') });

  const parsed = organisationSettingsSchema.safeParse({
    timeZone: String(form.get('timeZone') ?? '').trim(),
    defaultPue: form.get('defaultPue'),
    autoCreateEntities: form.get('autoCreateEntities') === 'on',
  });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
    );

    return { ok: false, message: 'Check the highlighted fields', fieldErrors };
  }

  await updateOrganisationSettings(viewer.organisationId, viewer.userId, parsed.data);
  revalidatePath('/', 'layout');

  return { ok: true, message: 'Saved. New events use these settings; stored events keep theirs.' };
}
