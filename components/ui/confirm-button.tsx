'use client';

// A button that asks first, then calls one endpoint and refreshes the page's
// data; it stays pending until the refresh replaces its row.
import { ApiErrorMessage } from '@/components/ui/api-error';
import { callApi } from '@/lib/client/api';
import { useApiAction } from '@/lib/client/use-api-action';

export interface ConfirmButtonProps {
  url: string;
  method: 'DELETE' | 'POST';
  /** The question window.confirm asks; nothing is sent unless it is accepted. */
  confirm: string;
  label: string;
  pendingLabel: string;
  ariaLabel: string;
}

export function ConfirmButton(props: ConfirmButtonProps) {
  const { pending, error, run } = useApiAction({ pendingUntilRefresh: true });

  function press() {
    if (!window.confirm(props.confirm)) return;

    void run(() => callApi(props.url, { method: props.method }));
  }

  return (
    <>
      <button
        type="button"
        className="secondary"
        disabled={pending}
        onClick={press}
        aria-label={props.ariaLabel}
      >
        {pending ? props.pendingLabel : props.label}
      </button>
      <ApiErrorMessage error={error} />
    </>
  );
}

/** Deletes one record, e.g. a contract or a target, after a confirmation. */
export function DeleteButton(props: { url: string; name: string; confirm: string }) {
  return (
    <ConfirmButton
      url={props.url}
      method="DELETE"
      confirm={props.confirm}
      label="Delete"
      pendingLabel="Deleting…"
      ariaLabel={`Delete ${props.name}`}
    />
  );
}
