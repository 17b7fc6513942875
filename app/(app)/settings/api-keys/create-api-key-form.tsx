'use client';

import { useState, type FormEvent } from 'react';

import { ApiErrorMessage } from '@/components/ui/api-error';
import { Field, Options, SubmitButton } from '@/components/ui/form';
import type { TeamOption } from '@/lib/auth/teams';
import { postJson } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

interface CreatedKey {
  token: string;
  apiKey: { id: string; name: string; prefix: string };
}

/** The end of the chosen day in the browser's zone, as an ISO date-time. */
function endOfDay(date: string): string | null {
  if (!date) return null;

  return new Date(`${date}T23:59:59`).toISOString();
}

export function CreateApiKeyForm(props: { teams: TeamOption[]; teamRequired: boolean }) {
  const { pending, error, run } = useApiAction();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [copied, setCopied] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setCopied(false);

    await run(
      // Inside the call, so that a date the browser cannot read shows as an error.
      () =>
        postJson<CreatedKey>('/api/v1/api-keys', {
          name: String(form.get('name') ?? ''),
          teamId: String(form.get('teamId') ?? '') || null,
          expiresAt: endOfDay(String(form.get('expiresOn') ?? '')),
        }),
      (key) => {
        setCreated(key);
        formElement.reset();
      },
    );
  }

  async function copy(token: string) {
    await navigator.clipboard.writeText(token).catch(() => undefined);
    setCopied(true);
  }

  return (
    <>
      <form onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <Field label="Name">
          <input name="name" required maxLength={100} placeholder="training-cluster" />
        </Field>
        <Field label="Team">
          <select name="teamId" defaultValue={props.teamRequired ? props.teams[0]?.id : ''}>
            {props.teamRequired ? null : <option value="">All teams</option>}
            <Options items={props.teams} value={(team) => team.id} label={(team) => team.name} />
          </select>
        </Field>
        <Field label="Expires on (optional)">
          <input name="expiresOn" type="date" min={new Date().toISOString().slice(0, 10)} />
        </Field>
        <SubmitButton pending={pending} label="Create key" pendingLabel="Creating…" />
      </form>
      <ApiErrorMessage error={error} />
      {created ? (
        <div role="status" style={{ marginTop: '1rem' }}>
          <p>
            <strong>Copy the key “{created.apiKey.name}” now:</strong> it will not be shown again.
          </p>
          <p style={{ display: 'flex', gap: '0.5rem', alignItems: 'center', flexWrap: 'wrap' }}>
            <code
              data-testid="new-api-key"
              style={{ fontFamily: 'var(--mono)', wordBreak: 'break-all' }}
            >
              {created.token}
            </code>
            <button type="button" className="secondary" onClick={() => void copy(created.token)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </p>
        </div>
      ) : null}
    </>
  );
}
