'use client';

// Re-price a period with a chosen set, after a confirmation; the answer
// gives the counts and the emissions before and after.
import { useState, type FormEvent } from 'react';

import { ApiErrorMessage } from '@/components/ui/api-error';
import { Field, FieldRow, Options, SubmitButton } from '@/components/ui/form';
import { postJson } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';
import { formatCount, formatEmissions } from '@/lib/format';

import type { SetOption } from './set-option';

interface Repriced {
  factorSet: { name: string; version: number };
  eventCount: number;
  repricedCount: number;
  skippedCount: number;
  skipped: { id: string; path: string; reason: string }[];
  emissionsBeforeG: number;
  emissionsAfterG: number;
}

export function RepriceForm(props: { sets: SetOption[] }) {
  const { pending, error, run } = useApiAction();
  const [result, setResult] = useState<Repriced | null>(null);
  const [rangeError, setRangeError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      factor_set_id: String(form.get('factor_set_id') ?? ''),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    };
    // ISO dates compare as text; ask nothing about a period that is empty.
    if (input.to <= input.from) {
      setRangeError('"To" must be after "From".');
      return;
    }
    setRangeError(null);
    const label = props.sets.find((set) => set.id === input.factor_set_id)?.label ?? 'this set';
    const question = `Re-price every event from ${input.from} to ${input.to} (UTC) with ${label}?`;
    if (!window.confirm(question)) return;
    setResult(null);

    await run(() => postJson<Repriced>('/api/v1/reprice', input), setResult);
  }

  return (
    <form onSubmit={submit} aria-label="Re-price a period">
      <FieldRow>
        <Field label="Factor set">
          <select name="factor_set_id" defaultValue={props.sets.find((s) => s.active)?.id}>
            <Options items={props.sets} value={(set) => set.id} label={(set) => set.label} />
          </select>
        </Field>
        <Field label="From (UTC, inclusive)">
          <input type="date" name="from" required />
        </Field>
        <Field label="To (UTC, exclusive)">
          <input type="date" name="to" required />
        </Field>
        <SubmitButton pending={pending} label="Re-price" pendingLabel="Re-pricing…" />
      </FieldRow>
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
      {rangeError ? <p className="field-error">{rangeError}</p> : null}
      <ApiErrorMessage error={error} />
    </form>
  );
}
