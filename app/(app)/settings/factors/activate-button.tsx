import { ConfirmButton } from '@/components/ui/confirm-button';

export function ActivateButton(props: { id: string; label: string }) {
  return (
    <ConfirmButton
      url={`/api/v1/factor-sets/${props.id}/activate`}
      method="POST"
      confirm={
        `Price new events with ${props.label}? ` +
        'Stored events keep their figures until you re-price their period.'
      }
      label="Make active"
      pendingLabel="Activating…"
      ariaLabel={`Make ${props.label} active`}
    />
  );
}
