'use client';

// Re-price a period with a chosen set, after a confirmation; the answer
// gives the counts and the emissions before and after.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { formatCount, formatEmissions } from '@/lib/format';
import { ApiCallError, postJson } from '@/lib/methodology/api-client';

import { ApiErrorMessage } from '../contracts/api-error';

interface SetOption {
  id: string;
  label: string;
  active: boolean;
}

interface Repriced {
  factorSet: { name: string; version: number };
  eventCount: number;
  repricedCount: number;
  skippedCount: number;
  skipped: { id: string; path: string; reason: string }[];
  emissionsBeforeG: number;
  emissionsAfterG: number;
}

const field = { display: 'grid', gap: '0.25rem' } as const;

export function RepriceForm(props: { sets: SetOption[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [result, setResult] = useState<Repriced | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      factor_set_id: String(form.get('factor_set_id') ?? ''),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    };
    const label = props.sets.find((set) => set.id === input.factor_set_id)?.label ?? 'this set';
    const question = `Re-price every event from ${input.from} to ${input.to} (UTC) with ${label}?`;
    if (!window.confirm(question)) return;
    setPending(true);
    setError(null);
    setResult(null);
    try {
      setResult(await postJson<Repriced>('/api/v1/reprice', input));
      router.refresh();
    } catch (failure) {
      setError(failure as ApiCallError);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Re-price a period">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <label style={field}>
          Factor set
          <select name="factor_set_id" defaultValue={props.sets.find((s) => s.active)?.id}>
            {props.sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.label}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          From (UTC, inclusive)
          <input type="date" name="from" required />
        </label>
        <label style={field}>
          To (UTC, exclusive)
          <input type="date" name="to" required />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="submit" disabled={pending}>
            {pending ? 'Re-pricing…' : 'Re-price'}
          </button>
        </div>
      </div>
      <div role="status" aria-live="polite">
        {result ? (
          <p>
            Re-priced {formatCount(result.repricedCount)} of {formatCount(result.eventCount)} events
            with {result.factorSet.name} v{result.factorSet.version}: emissions{' '}
            {formatEmissions(result.emissionsBeforeG)} before,{' '}
            {formatEmissions(result.emissionsAfterG)} after.
            {result.skipped.length > 0
              ? ` ${formatCount(result.skippedCount)} events were left as they were, e.g. ${result.skipped
                  .map((s) => `${s.path}: ${s.reason}`)
                  .join('; ')}`
              : ''}
          </p>
        ) : null}
      </div>
      <ApiErrorMessage error={error} />
    </form>
  );
}
