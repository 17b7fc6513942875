'use client';

// LLM API usage by provider and model: requests, tokens, estimated energy
// and emissions with their range, intensity per 1,000 tokens, cached input
// share, and the same work on a smaller model of the same family.
import Link from 'next/link';

import { energyColumn, RangeNote } from '@/components/dashboard/columns';
import { hrefWith } from '@/components/dashboard/labels';
import { usePanelInput } from '@/components/dashboard/use-panel-input';
import { DataTable } from '@/components/ui/data-table';
import { Panel, stateOf } from '@/components/ui/panel';
import { formatCount, formatEmissions, formatNumber, formatPercent } from '@/lib/format';
import type { Initial, KpiData } from '@/lib/hooks/kpi-query';
import { useLlmUsage } from '@/lib/hooks/use-kpi';

type Row = KpiData<'llm'>[number];

export function LlmPanel({ initial }: { initial?: Initial<'llm'> }) {
  const { input, period, filters } = usePanelInput();
  const query = useLlmUsage(input, initial);
  const rows = query.data ?? [];
  const saving = rows.reduce((sum, r) => sum + Math.min(0, r.whatIf?.differenceG ?? 0), 0);

  return (
    <Panel
      title="Usage by provider and model"
      note={`Estimated with EcoLogits' method (range: low to high model size and PUE), ${period}`}
      state={stateOf(query)}
      empty={rows.length === 0}
      emptyText="No LLM API calls in this period."
    >
      {rows.length > 0 && (
        <p style={{ marginTop: 0 }}>
          What if: the same output tokens on the smaller model of each family would have emitted{' '}
          <strong>{formatEmissions(-saving)}</strong> less ({period}).
        </p>
      )}
      <DataTable<Row>
        testId="table-llm"
        caption={`LLM API usage, ${period}`}
        csvName={`llm-usage-${period}`}
        rows={rows}
        rowKey={(r) => r.modelId}
        initialSort={{ key: 'emissionsG', descending: true }}
        columns={[
          { key: 'provider', label: 'Provider', value: (r) => r.provider },
          {
            key: 'model',
            label: 'Model',
            value: (r) => r.model,
            render: (r) => (
              <Link href={hrefWith('/events', filters, { model: r.slug, kind: 'llm_api_call' })}>
                {r.model}
              </Link>
            ),
          },
          {
            key: 'requests',
            label: 'Requests',
            numeric: true,
            value: (r) => r.requests,
            render: (r) => formatCount(r.requests),
          },
          {
            key: 'tokens',
            label: 'Tokens in / out',
            csvLabel: 'tokens_in',
            numeric: true,
            value: (r) => r.tokensIn,
            render: (r) => (
              <>
                {formatCount(r.tokensIn)} <span className="muted">in</span>
                <div>
                  {formatCount(r.tokensOut)} <span className="muted">out</span>
                </div>
              </>
            ),
          },
          {
            key: 'cached',
            label: 'Cached input',
            csvLabel: 'cached_input_share',
            numeric: true,
            value: (r) => r.cachedInputShare,
            render: (r) => formatPercent(r.cachedInputShare),
          },
          energyColumn<Row>(),
          {
            key: 'emissionsG',
            label: 'Emissions (range)',
            csvLabel: 'emissions_g',
            numeric: true,
            value: (r) => r.emissionsG,
            render: (r) => (
              <>
                {formatEmissions(r.emissionsG)}
                <RangeNote
                  low={formatEmissions(r.emissionsMinG)}
                  high={formatEmissions(r.emissionsMaxG)}
                />
              </>
            ),
          },
          {
            key: 'gPer1k',
            label: 'gCO2e / 1k tokens',
            csvLabel: 'g_per_1k_tokens',
            numeric: true,
            value: (r) => r.gPer1kTokens,
            render: (r) => (r.gPer1kTokens === null ? '—' : formatNumber(r.gPer1kTokens)),
          },
          {
            key: 'whatIf',
            label: 'On a smaller model',
            csvLabel: 'what_if_g',
            numeric: true,
            value: (r) => r.whatIf?.emissionsG ?? null,
            render: (r) =>
              r.whatIf ? (
                <>
                  {formatEmissions(r.whatIf.emissionsG)}
                  <div className="cell-wrap">on {r.whatIf.model}</div>
                  <RangeNote
                    low={formatEmissions(r.whatIf.emissionsMinG)}
                    high={formatEmissions(r.whatIf.emissionsMaxG)}
                  />
                </>
              ) : (
                <span className="muted cell-wrap">no smaller sibling</span>
              ),
          },
        ]}
      />
      <p className="panel-note">
        Energy and emissions exclude hardware manufacturing (embodied), shown in reports. The
        what-if prices the smaller model at the grid intensity the real calls got.
      </p>
    </Panel>
  );
}
