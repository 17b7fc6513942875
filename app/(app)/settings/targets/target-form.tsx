'use client';

// Emissions are typed in tonnes (how targets are stated) and sent in grams.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import type { TeamOption } from '@/lib/auth/teams';
import { ApiCallError, postJson } from '@/lib/methodology/api-client';
import { tToG } from '@/lib/units';

import { ApiErrorMessage } from '../contracts/api-error';

const field = { display: 'grid', gap: '0.25rem' } as const;

export function TargetForm(props: { teams: TeamOption[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setPending(true);
    setError(null);
    try {
      await postJson('/api/v1/targets', {
        name: text('name'),
        team_id: text('team_id') || null,
        baseline_year: Number(text('baseline_year')),
        baseline_emissions_g: tToG(Number(text('baseline_emissions_t'))),
        target_year: Number(text('target_year')),
        target_emissions_g: tToG(Number(text('target_emissions_t'))),
      });
      formElement.reset();
      router.refresh();
    } catch (failure) {
      setError(failure as ApiCallError);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Add a target">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <label style={field}>
          Name
          <input name="name" required maxLength={200} placeholder="Halve AI emissions by 2030" />
        </label>
        <label style={field}>
          Scope
          <select name="team_id" defaultValue="">
            <option value="">Whole organisation</option>
            {props.teams.map((team) => (
              <option key={team.id} value={team.id}>
                {team.name}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          Baseline year
          <input name="baseline_year" type="number" min="1990" max="2100" required />
        </label>
        <label style={field}>
          Baseline emissions (tCO2e)
          <input name="baseline_emissions_t" type="number" min="0" step="any" required />
        </label>
        <label style={field}>
          Target year
          <input name="target_year" type="number" min="1990" max="2100" required />
        </label>
        <label style={field}>
          Target emissions (tCO2e)
          <input name="target_emissions_t" type="number" min="0" step="any" required />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add target'}
          </button>
        </div>
      </div>
      <ApiErrorMessage error={error} />
    </form>
  );
}
