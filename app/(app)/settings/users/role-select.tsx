'use client';

import { useActionState } from 'react';

import { Options } from '@/components/ui/form';

import { changeRoleAction, type FormState } from './actions';

const initial: FormState = { ok: false, message: null };

export function RoleSelect(props: {
  userId: string;
  name: string;
  role: string;
  roles: { value: string; label: string }[];
}) {
  const [state, action, pending] = useActionState(changeRoleAction, initial);

  return (
    <form action={action} style={{ display: 'flex', gap: '0.5rem', alignItems: 'center' }}>
      <input type="hidden" name="userId" value={props.userId} />
      <select name="role" defaultValue={props.role} aria-label={`Role of ${props.name}`}>
        <Options items={props.roles} value={(role) => role.value} label={(role) => role.label} />
      </select>
      <button type="submit" className="secondary" disabled={pending}>
        {pending ? 'Saving…' : 'Save'}
      </button>
      {state.message ? (
        <span
          role={state.ok ? 'status' : 'alert'}
          style={{ color: state.ok ? 'var(--muted)' : 'var(--danger)' }}
        >
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
