'use client';

// Headline KPIs with the previous period and change; each links to the
// events behind it.
import { hrefWith } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { KpiCard } from '@/components/ui/kpi-card';
import { PanelMessage } from '@/components/ui/panel';
import { formatEmissions, formatEnergy, formatNumber } from '@/lib/format';
import type { Initial } from '@/lib/hooks/kpi-query';
import { useMarketBased, useSummary } from '@/lib/hooks/use-kpi';
import type { FilterParams } from '@/lib/kpi/filters';

const perThousand = (value: number | null) => (value === null ? 'n/a' : formatNumber(value));

export function SummaryCards(props: {
  fixed?: FilterParams;
  initial?: Initial<'summary'>;
  initialMarket?: Initial<'market-based'>;
  showMarket?: boolean;
}) {
  const { input, period } = usePanelInput(props.fixed);
  const summary = useSummary(input, props.initial);
  const market = useMarketBased(input, props.initialMarket);
  const data = summary.data;
  if (!data) {
    return summary.error ? (
      <PanelMessage kind="error">Could not load the figures: {summary.error.message}</PanelMessage>
    ) : (
      <PanelMessage kind="loading">Loading…</PanelMessage>
    );
  }
  const { current, previous, change } = data;
  const marketText =
    props.showMarket === false
      ? null
      : market.data?.computed
        ? `Market-based: ${formatEmissions(market.data.marketEmissionsG)}`
        : market.data
          ? `Market-based: not computed (${market.data.reason})`
          : 'Market-based: loading…';

  return (
    <div
      className={`kpi-grid${summary.isFetching ? ' panel-busy' : ''}`}
      aria-busy={summary.isFetching}
    >
      <KpiCard
        testId="kpi-emissions"
        label="Emissions, location-based"
        unitAndPeriod={`CO2e, ${period}`}
        value={formatEmissions(current.totals.emissionsG)}
        rawValue={current.totals.emissionsG}
        href={hrefWith('/events', input)}
        change={change.emissionsG}
        previous={formatEmissions(previous.totals.emissionsG)}
        extra={marketText}
      />
      <KpiCard
        testId="kpi-energy"
        label="Energy, incl. PUE"
        unitAndPeriod={`kWh, ${period}`}
        value={formatEnergy(current.totals.facilityEnergyKwh)}
        rawValue={current.totals.facilityEnergyKwh}
        change={change.facilityEnergyKwh}
        previous={formatEnergy(previous.totals.facilityEnergyKwh)}
      />
      <KpiCard
        testId="kpi-inference"
        label="Per 1,000 inferences"
        unitAndPeriod={`gCO2e, ${period}`}
        value={perThousand(current.intensities.gPer1kInferences)}
        rawValue={current.intensities.gPer1kInferences}
        href={hrefWith('/events', input, { kind: 'inference' })}
        change={change.gPer1kInferences}
        previous={perThousand(previous.intensities.gPer1kInferences)}
      />
      <KpiCard
        testId="kpi-tokens"
        label="Per 1,000 LLM tokens"
        unitAndPeriod={`gCO2e, ${period}`}
        value={perThousand(current.intensities.gPer1kTokens)}
        rawValue={current.intensities.gPer1kTokens}
        href={hrefWith('/events', input, { kind: 'llm_api_call' })}
        change={change.gPer1kTokens}
        previous={perThousand(previous.intensities.gPer1kTokens)}
      />
    </div>
  );
}
