'use client';

import type { FormEvent } from 'react';

import { ApiErrorMessage } from '@/components/ui/api-error';
import { Field, FieldRow, SubmitButton } from '@/components/ui/form';
import { postJson } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

export function ContractForm() {
  const { pending, error, run } = useApiAction();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const contract = {
      kind: text('kind'),
      name: text('name'),
      region_key: text('region_key'),
      energy_mwh: Number(text('energy_mwh')),
      intensity_g_per_kwh: Number(text('intensity_g_per_kwh') || '0'),
      valid_from: text('valid_from'),
      valid_to: text('valid_to'),
    };

    await run(
      () => postJson('/api/v1/contracts', contract),
      () => formElement.reset(),
    );
  }

  return (
    <form onSubmit={submit} aria-label="Add a contract">
      <FieldRow>
        <Field label="Name">
          <input name="name" required maxLength={200} placeholder="Belgian wind PPA" />
        </Field>
        <Field label="Kind">
          <select name="kind" defaultValue="ppa">
            <option value="ppa">Power purchase agreement</option>
            <option value="certificate">Certificate (GO, REC)</option>
            <option value="green_tariff">Green tariff</option>
          </select>
        </Field>
        <Field label="Market (region key)">
          <input name="region_key" required placeholder="country:FRA or gcp:europe-west1" />
        </Field>
        <Field label="Energy (MWh)">
          <input name="energy_mwh" type="number" min="0" step="any" required />
        </Field>
        <Field label="Intensity (gCO2e/kWh)">
          <input name="intensity_g_per_kwh" type="number" min="0" step="any" placeholder="0" />
        </Field>
        <Field label="Valid from (UTC)">
          <input name="valid_from" type="date" required />
        </Field>
        <Field label="Valid to (UTC, exclusive)">
          <input name="valid_to" type="date" required />
        </Field>
        <SubmitButton pending={pending} label="Add contract" pendingLabel="Adding…" />
      </FieldRow>
      <ApiErrorMessage error={error} />
    </form>
  );
}
