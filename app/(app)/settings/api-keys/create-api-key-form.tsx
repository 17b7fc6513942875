'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import type { TeamOption } from '@/lib/auth/teams';

import { postApiKey, type CreatedKey } from './api-keys-client';

/** The end of the chosen day in the browser's zone, as an ISO date-time. */
function endOfDay(date: string): string | null {
  if (!date) return null;

  return new Date(`${date}T23:59:59`).toISOString();
}

export function CreateApiKeyForm(props: { teams: TeamOption[]; teamRequired: boolean }) {
  const router = useRouter();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [copied, setCopied] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    setError(null);
    setCopied(false);
    try {
      const key = await postApiKey({
        name: String(form.get('name') ?? ''),
        teamId: String(form.get('teamId') ?? '') || null,
        expiresAt: endOfDay(String(form.get('expiresOn') ?? '')),
      });
      setCreated(key);
      formElement.reset();
      router.refresh();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setPending(false);
    }
  }

  async function copy(token: string) {
    await navigator.clipboard.writeText(token).catch(() => undefined);
    setCopied(true);
  }

  return (
    <>
      <form onSubmit={submit} style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          Name
          <input name="name" required maxLength={100} placeholder="training-cluster" />
        </label>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          Team
          <select name="teamId" defaultValue={props.teamRequired ? props.teams[0]?.id : ''}>
            {props.teamRequired ? null : <option value="">All teams</option>}
            {props.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          Expires on (optional)
          <input name="expiresOn" type="date" min={new Date().toISOString().slice(0, 10)} />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="submit" disabled={pending}>
            {pending ? 'Creating…' : 'Create key'}
          </button>
        </div>
      </form>
      {error ? (
        <p role="alert" style={{ color: 'var(--danger)' }}>
          {error}
        </p>
      ) : null}
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
