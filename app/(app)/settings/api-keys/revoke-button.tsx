'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';

import { deleteApiKey } from './api-keys-client';

export function RevokeButton(props: { id: string; name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke() {
    if (!window.confirm(`Revoke the key “${props.name}”? Clients using it stop at once.`)) return;
    setPending(true);
    setError(null);
    try {
      await deleteApiKey(props.id);
      router.refresh();
    } catch (failure) {
      setError((failure as Error).message);
      setPending(false);
    }
  }

  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={() => void revoke()}
        aria-label={`Revoke ${props.name}`}
      >
        {pending ? 'Revoking…' : 'Revoke'}
      </button>
      {error ? (
        <span role="alert" style={{ color: 'var(--danger)', display: 'block' }}>
          {error}
        </span>
      ) : null}
    </>
  );
}
