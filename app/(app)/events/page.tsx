import { EventsPanel } from '@/components/dashboard/events-panel';
import { FilterBar } from '@/components/dashboard/filter-bar';
import { readSearch, type Search } from '@/components/dashboard/page-search';
import { requireViewer } from '@/lib/auth/viewer';
import { listFilterOptions } from '@/lib/kpi/list-filter-options';
import { loadInitial } from '@/lib/kpi/load-initial';
import { pageFrom } from '@/lib/kpi/search-filters';

export const dynamic = 'force-dynamic';
export const metadata = { title: 'Events' };

export default async function EventsPage({ searchParams }: { searchParams: Search }) {
  const viewer = await requireViewer({ returnTo: '/events' });
  const { filters, search } = await readSearch(searchParams);
  const page = pageFrom(search.page);

  const [options, events] = await Promise.all([
    listFilterOptions(viewer.organisationId),
    loadInitial('events', viewer, { ...filters, page, pageSize: 50 }),
  ]);

  return (
    <main className="page">
      <h1>Events</h1>
      <p className="muted">
        The telemetry behind every figure, with the factor set and intensity each event was priced
        with.
      </p>
      <FilterBar options={options} />
      <EventsPanel initial={events} />
    </main>
  );
}
