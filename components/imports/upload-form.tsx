'use client';

// Upload a CodeCarbon emissions.csv or an OpenAI usage export; the answer
// (accepted, duplicates, rejected) shows at once with a link to the import.
import Link from 'next/link';
import { useState, type FormEvent } from 'react';

import { ApiCallError, callApi } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';
import { checkUploadFile } from '@/lib/ingest/upload-file';

type Source = 'codecarbon' | 'openai-usage';

interface Answer {
  importId: string;
  accepted: number;
  duplicates: number;
  rejected: number;
}

export function UploadForm() {
  const { pending, error, setError, run } = useApiAction();
  const [source, setSource] = useState<Source>('codecarbon');
  const [answer, setAnswer] = useState<Answer | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const chosen = checkUploadFile(form.get('file'));
    if (!chosen.ok) {
      setError(new ApiCallError(chosen.problem));
      return;
    }
    const { file } = chosen;
    const params = new URLSearchParams({ file_name: file.name });
    for (const name of ['team', 'time_zone', 'assume_model']) {
      const value = String(form.get(name) ?? '').trim();
      if (value) params.set(name, value);
    }
    setAnswer(null);

    await run(
      () => callApi<Answer>(`/api/v1/import/${source}?${params}`, { method: 'POST', body: file }),
      setAnswer,
    );
  }

  return (
    <form onSubmit={submit} className="upload-form" aria-label="Import a file">
      <fieldset>
        <legend>What are you importing?</legend>
        <label>
          <input
            type="radio"
            name="source"
            checked={source === 'codecarbon'}
            onChange={() => setSource('codecarbon')}
          />{' '}
          CodeCarbon emissions.csv
        </label>{' '}
        <label>
          <input
            type="radio"
            name="source"
            checked={source === 'openai-usage'}
            onChange={() => setSource('openai-usage')}
          />{' '}
          OpenAI usage export (JSON)
        </label>
      </fieldset>
      <label>
        File{' '}
        <input type="file" name="file" accept=".csv,.json,text/csv,application/json" required />
      </label>
      <label>
        Team (optional){' '}
        <input name="team" placeholder="e.g. vision" pattern="[a-z0-9._\-]{1,100}" />
      </label>
      {source === 'codecarbon' ? (
        <label>
          Time zone of the file&apos;s timestamps{' '}
          <input name="time_zone" placeholder="UTC" defaultValue="" />
        </label>
      ) : (
        <label>
          Model to assume when the export has none{' '}
          <input name="assume_model" placeholder="e.g. gpt-4o-mini" />
        </label>
      )}
      <div>
        <button type="submit" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {answer && (
          <p className="upload-answer">
            {answer.accepted} accepted, {answer.duplicates} already stored, {answer.rejected}{' '}
            rejected. <Link href={`/imports/${answer.importId}`}>See this import</Link>
          </p>
        )}
        {error && (
          <p className="upload-error">
            {error.message}
            {error.requestId ? ` (request ${error.requestId})` : null}
          </p>
        )}
      </div>
    </form>
  );
}
