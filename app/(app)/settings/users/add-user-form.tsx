'use client';

import { useActionState } from 'react';

import { Field, Options } from '@/components/ui/form';

import { addUserAction, type FormState } from './actions';

const initial: FormState = { ok: false, message: null };

export function AddUserForm(props: {
  roles: { value: string; label: string }[];
  teams: { id: string; name: string }[];
}) {
  const [state, action, pending] = useActionState(addUserAction, initial);
  const errors = state.fieldErrors ?? {};

  return (
    <form
      action={action}
      key={state.ok ? state.message : 'form'}
      style={{ display: 'grid', gap: '0.75rem', maxWidth: '28rem' }}
    >
      <Field label="Email" error={errors.email}>
        <input name="email" type="email" required autoComplete="off" />
      </Field>
      <Field label="Name" error={errors.name}>
        <input name="name" required maxLength={200} />
      </Field>
      <Field label="Role" error={errors.role}>
        <select name="role" defaultValue="engineer">
          <Options items={props.roles} value={(role) => role.value} label={(role) => role.label} />
        </select>
      </Field>
      <Field label="Team (optional)" error={errors.teamId}>
        <select name="teamId" defaultValue="">
          <option value="">No team</option>
          <Options items={props.teams} value={(team) => team.id} label={(team) => team.name} />
        </select>
      </Field>
      <Field label="Initial password" error={errors.password}>
        <input
          name="password"
          type="password"
          required
          minLength={12}
          autoComplete="new-password"
        />
      </Field>
      <p className="muted" style={{ margin: 0 }}>
        Share the password privately. Someone who already has a GreenOps account keeps their own.
      </p>
      {state.message ? (
        <p
          role={state.ok ? 'status' : 'alert'}
          style={{ margin: 0, color: state.ok ? 'var(--accent)' : 'var(--danger)' }}
        >
          {state.message}
        </p>
      ) : null}
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Adding…' : 'Add user'}
        </button>
      </div>
    </form>
  );
}
