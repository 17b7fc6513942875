'use server';

import { revalidatePath } from 'next/cache';

import { UserExistsError } from '@/lib/auth/users';
import {
  addUserAs,
  addUserInput,
  changeRoleAs,
  changeRoleInput,
  UserAdminError,
} from '@/lib/auth/user-admin';
import { requireViewer, rolesThat } from '@/lib/auth/viewer';
import { log } from '@/lib/log';

export interface FormState {
  ok: boolean;
  message: string | null;
  fieldErrors?: Record<string, string>;
}

function knownFailure(error: unknown): string {
  if (error instanceof UserAdminError || error instanceof UserExistsError) return error.message;
  log.error('users.action.failed', { error: String(error) });

  return 'Something went wrong on our side; nothing was changed';
}

export async function addUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer({ roles: rolesThat('manageUsers') });

  const parsed = addUserInput.safeParse({
    email: form.get('email'),
    name: form.get('name'),
    role: form.get('role'),
    password: form.get('password'),
    teamId: form.get('teamId') || null,
  });
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(
      parsed.error.issues.map((issue) => [String(issue.path[0]), issue.message]),
    );

    return { ok: false, message: 'Check the highlighted fields', fieldErrors };
  }

  try {
    await addUserAs(viewer, parsed.data);
  } catch (error) {
    return { ok: false, message: knownFailure(error) };
  }
  revalidatePath('/settings/users');

  return { ok: true, message: `${parsed.data.name} was added` };
}

export async function changeRoleAction(_previous: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer({ roles: rolesThat('manageUsers') });

  const parsed = changeRoleInput.safeParse({ userId: form.get('userId'), role: form.get('role') });
  if (!parsed.success) return { ok: false, message: 'Choose a role' };

  try {
    await changeRoleAs(viewer, parsed.data.userId, parsed.data.role);
  } catch (error) {
    return { ok: false, message: knownFailure(error) };
  }
  revalidatePath('/settings/users');

  return { ok: true, message: 'Role saved' };
}
