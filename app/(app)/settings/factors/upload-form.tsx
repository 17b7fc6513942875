'use client';

// Upload a factor CSV as the next version of a named set; the answer names
// every bad line, or says how many rows were stored and replaced.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';

import { ApiCallError, callApi } from '@/lib/methodology/api-client';

import { ApiErrorMessage } from '../contracts/api-error';

interface SetOption {
  id: string;
  label: string;
  active: boolean;
}

interface Uploaded {
  factorSet: { id: string; name: string; version: number };
  rowCount: number;
  uploadedRowCount: number;
  replacedRowCount: number;
}

const field = { display: 'grid', gap: '0.25rem' } as const;

export function UploadForm(props: { sets: SetOption[]; ownNames: string[] }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [uploaded, setUploaded] = useState<Uploaded | null>(null);
  const activeId = props.sets.find((set) => set.active)?.id ?? 'none';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const file = form.get('file');
    if (!(file instanceof File) || file.size === 0) {
      setError(new ApiCallError('Choose a CSV file to upload.', [], null));
      return;
    }
    const params = new URLSearchParams({
      name: String(form.get('name') ?? '').trim(),
      base: String(form.get('base') ?? 'none'),
    });
    const description = String(form.get('description') ?? '').trim();
    if (description) params.set('description', description);
    setPending(true);
    setError(null);
    setUploaded(null);
    try {
      const result = await callApi<Uploaded>(`/api/v1/factor-sets?${params}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body: file,
      });
      setUploaded(result);
      formElement.reset();
      router.refresh();
    } catch (failure) {
      setError(failure as ApiCallError);
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} aria-label="Upload factors">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: '0.75rem' }}>
        <label style={field}>
          Set name
          <input name="name" required maxLength={200} list="own-set-names" />
          <datalist id="own-set-names">
            {props.ownNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </label>
        <label style={field}>
          Laid over
          <select name="base" defaultValue={activeId}>
            {props.sets.map((set) => (
              <option key={set.id} value={set.id}>
                {set.label}
              </option>
            ))}
            <option value="none">Nothing (a complete set with a world row)</option>
          </select>
        </label>
        <label style={field}>
          Description (optional)
          <input name="description" maxLength={2000} />
        </label>
        <label style={field}>
          CSV file
          <input type="file" name="file" accept=".csv,text/csv" required />
        </label>
        <div style={{ alignSelf: 'end' }}>
          <button type="submit" disabled={pending}>
            {pending ? 'Uploading…' : 'Upload'}
          </button>
        </div>
      </div>
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
