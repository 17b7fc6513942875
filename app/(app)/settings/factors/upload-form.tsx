'use client';

// Upload a factor CSV as the next version of a named set; the answer names
// every bad line, or says how many rows were stored and replaced.
import { useState, type FormEvent } from 'react';

import { ApiErrorMessage } from '@/components/ui/api-error';
import { Field, FieldRow, Options, SubmitButton } from '@/components/ui/form';
import { ApiCallError, callApi } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

import type { SetOption } from './set-option';

interface Uploaded {
  factorSet: { id: string; name: string; version: number };
  rowCount: number;
  uploadedRowCount: number;
  replacedRowCount: number;
}

export function UploadForm(props: { sets: SetOption[]; ownNames: string[] }) {
  const { pending, error, setError, run } = useApiAction();
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const activeId = props.sets.find((set) => set.active)?.id ?? 'none';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setError(new ApiCallError('Choose a CSV file to upload.'));
      return;
    }
    const params = new URLSearchParams({
      name: String(form.get('name') ?? '').trim(),
      base: String(form.get('base') ?? 'none'),
    });
    const description = String(form.get('description') ?? '').trim();
    if (description) params.set('description', description);
    setUploaded(null);

    await run(
      () =>
        callApi<Uploaded>(`/api/v1/factor-sets?${params}`, {
          method: 'POST',
          headers: { 'content-type': 'text/csv' },
          body: file,
        }),
      (result) => {
        setUploaded(result);
        formElement.reset();
      },
    );
  }

  return (
    <form onSubmit={submit} aria-label="Upload factors">
      <FieldRow>
        <Field label="Set name">
          <input name="name" required maxLength={200} list="own-set-names" />
          <datalist id="own-set-names">
            {props.ownNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </Field>
        <Field label="Laid over">
          <select name="base" defaultValue={activeId}>
            <Options items={props.sets} value={(set) => set.id} label={(set) => set.label} />
            <option value="none">Nothing (a complete set with a world row)</option>
          </select>
        </Field>
        <Field label="Description (optional)">
          <input name="description" maxLength={2000} />
        </Field>
        <Field label="CSV file">
          <input type="file" name="file" accept=".csv,text/csv" required />
        </Field>
        <SubmitButton pending={pending} label="Upload" pendingLabel="Uploading…" />
      </FieldRow>
      <div role="status" aria-live="polite">
        {uploaded ? (
          <p>
            Stored {uploaded.factorSet.name} v{uploaded.factorSet.version}:{' '}
            {uploaded.uploadedRowCount} uploaded rows, {uploaded.replacedRowCount} of them replacing
            base rows, {uploaded.rowCount} rows in all. Make it active to price new events with it.
          </p>
        ) : null}
      </div>
      <ApiErrorMessage error={error} />
    </form>
  );
}
