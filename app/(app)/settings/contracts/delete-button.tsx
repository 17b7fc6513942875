'use client';

// Deletes one record after a confirmation, then refreshes the page's data.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ApiCallError, callApi } from '@/lib/methodology/api-client';

import { ApiErrorMessage } from './api-error';

export function DeleteButton(props: { url: string; name: string; confirm: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function remove() {
    if (!window.confirm(props.confirm)) return;
    setPending(true);
    setError(null);
    try {
      await callApi(props.url, { method: 'DELETE' });
      router.refresh();
    } catch (failure) {
      setError(failure as ApiCallError);
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => void remove()}
        aria-label={`Delete ${props.name}`}
      >
        {pending ? 'Deleting…' : 'Delete'}
      </button>
      <ApiErrorMessage error={error} />
    </>
  );
}
