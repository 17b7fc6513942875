import { ConfirmButton } from '@/components/ui/confirm-button';

export function RevokeButton(props: { id: string; name: string }) {
  return (
    <ConfirmButton
      url={`/api/v1/api-keys/${encodeURIComponent(props.id)}`}
      method="DELETE"
      confirm={`Revoke the key “${props.name}”? Clients using it stop at once.`}
      label="Revoke"
      pendingLabel="Revoking…"
      ariaLabel={`Revoke ${props.name}`}
    />
  );
}
