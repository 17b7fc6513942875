import { PanelMessage } from '@/components/ui/panel';

export default function Loading() {
  return (
    <main className="page">
      <PanelMessage kind="loading">Loading the figures…</PanelMessage>
    </main>
  );
}
