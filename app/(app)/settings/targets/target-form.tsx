'use client';

// Emissions are typed in tonnes (how targets are stated) and sent in grams.
import type { FormEvent } from 'react';

import { ApiErrorMessage } from '@/components/ui/api-error';
import { Field, FieldRow, Options, SubmitButton } from '@/components/ui/form';
import type { TeamOption } from '@/lib/auth/teams';
import { postJson } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';
import { tToG } from '@/lib/units';

export function TargetForm(props: { teams: TeamOption[] }) {
  const { pending, error, run } = useApiAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const target = {
      name: text('name'),
      team_id: text('team_id') || null,
      baseline_year: Number(text('baseline_year')),
      baseline_emissions_g: tToG(Number(text('baseline_emissions_t'))),
      target_year: Number(text('target_year')),
      target_emissions_g: tToG(Number(text('target_emissions_t'))),
    };

    await run(
      () => postJson('/api/v1/targets', target),
      () => formElement.reset(),
    );
  }

  return (
    <form onSubmit={submit} aria-label="Add a target">
      <FieldRow>
        <Field label="Name">
          <input name="name" required maxLength={200} placeholder="Halve AI emissions by 2030" />
        </Field>
        <Field label="Scope">
          <select name="team_id" defaultValue="">
            <option value="">Whole organisation</option>
            <Options items={props.teams} value={(team) => team.id} label={(team) => team.name} />
          </select>
        </Field>
        <Field label="Baseline year">
          <input name="baseline_year" type="number" min="1990" max="2100" required />
        </Field>
        <Field label="Baseline emissions (tCO2e)">
          <input name="baseline_emissions_t" type="number" min="0" step="any" required />
        </Field>
        <Field label="Target year">
          <input name="target_year" type="number" min="1990" max="2100" required />
        </Field>
        <Field label="Target emissions (tCO2e)">
          <input name="target_emissions_t" type="number" min="0" step="any" required />
        </Field>
        <SubmitButton pending={pending} label="Add target" pendingLabel="Adding…" />
      </FieldRow>
      <ApiErrorMessage error={error} />
    </form>
  );
}
