'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { ApiCallError, callApi } from '@/lib/methodology/api-client';

import { ApiErrorMessage } from '../contracts/api-error';

export function ActivateButton(props: { id: string; label: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);

  async function activate() {
    const question =
      `Price new events with ${props.label}? ` +
      'Stored events keep their figures until you re-price their period.';
    if (!window.confirm(question)) return;
    setPending(true);
    setError(null);
    try {
      await callApi(`/api/v1/factor-sets/${props.id}/activate`, { method: 'POST' });
      router.refresh();
    } catch (failure) {
      setError(failure as ApiCallError);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => void activate()}
        aria-label={`Make ${props.label} active`}
      >
        {pending ? 'Activating…' : 'Make active'}
      </button>
      <ApiErrorMessage error={error} />
    </>
  );
}
