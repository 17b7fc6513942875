'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { ApiCallError, postJson } from '@/lib/methodology/api-client';

import { ApiErrorMessage } from './api-error';

const field = { display: 'grid', gap: '0.25rem' } as const;

export function ContractForm() {
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
      await postJson('/api/v1/contracts', {
        kind: text('kind'),
        name: text('name'),
        region_key: text('region_key'),
        energy_mwh: Number(text('energy_mwh')),
        intensity_g_per_kwh: Number(text('intensity_g_per_kwh') || '0'),
        valid_from: text('valid_from'),
        valid_to: text('valid_to'),
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
    <form onSubmit={submit} aria-label="Add a contract">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <label style={field}>
          Name
          <input name="name" required maxLength={200} placeholder="Belgian wind PPA" />
        </label>
        <label style={field}>
          Kind
          <select name="kind" defaultValue="ppa">
            <option value="ppa">Power purchase agreement</option>
            <option value="certificate">Certificate (GO, REC)</option>
            <option value="green_tariff">Green tariff</option>
          </select>
        </label>
        <label style={field}>
          Market (region key)
          <input name="region_key" required placeholder="country:FRA or gcp:europe-west1" />
        </label>
        <label style={field}>
          Energy (MWh)
          <input name="energy_mwh" type="number" min="0" step="any" required />
        </label>
        <label style={field}>
          Intensity (gCO2e/kWh)
          <input name="intensity_g_per_kwh" type="number" min="0" step="any" placeholder="0" />
        </label>
        <label style={field}>
          Valid from (UTC)
          <input name="valid_from" type="date" required />
        </label>
        <label style={field}>
          Valid to (UTC, exclusive)
          <input name="valid_to" type="date" required />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="submit" disabled={pending}>
            {pending ? 'Adding…' : 'Add contract'}
          </button>
        </div>
      </div>
      <ApiErrorMessage error={error} />
    </form>
  );
}
