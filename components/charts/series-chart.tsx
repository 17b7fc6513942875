'use client';

// A time series chart: stacked bars per group (or a line for one series),
// an axis that names its unit, a legend, and exact values in the tooltip.
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';

import { PALETTE } from '@/components/dashboard/labels';

export interface Series {
  key: string;
  label: string;
}

export interface SeriesChartProps {
  /** Rows keyed by `x` and each series key, values in the base unit. */
  data: Record<string, string | number>[];
  x: string;
  series: Series[];
  /** Axis title, e.g. "kgCO2e per day". */
  axisLabel: string;
  /** Base value → axis number (e.g. g → kg). */
  scale?: (value: number) => number;
  /** Base value → exact text for the tooltip. */
  format: (value: number) => string;
  kind?: 'stacked-bar' | 'line';
  height?: number;
  xLabel?: (x: string) => string;
}

const shortDate = (value: string) => value.replace('T00:00', '').replace('T', ' ');

export function SeriesChart(props: SeriesChartProps) {
  const { scale = (v) => v, kind = 'stacked-bar', height = 280, xLabel = shortDate } = props;
  const common = {
    data: props.data,
    margin: { top: 8, right: 12, bottom: 8, left: 12 },
  };
  const axes = (
    <>
      <CartesianGrid strokeDasharray="3 3" stroke="#d9ded9" />
      <XAxis
        dataKey={props.x}
        tickFormatter={xLabel}
        tick={{ fontSize: 12, fill: '#55605b' }}
        minTickGap={24}
      />
      <YAxis
        tickFormatter={(v: number) =>
          scale(v).toLocaleString('en-GB', { maximumFractionDigits: 1 })
        }
        tick={{ fontSize: 12, fill: '#55605b' }}
        width={64}
        label={{
          value: props.axisLabel,
          angle: -90,
          position: 'insideLeft',
          offset: 0,
          style: { fontSize: 12, fill: '#55605b', textAnchor: 'middle' },
        }}
      />
      <Tooltip
        formatter={(value) => props.format(Number(value))}
        labelFormatter={(label) => xLabel(String(label))}
      />
      <Legend wrapperStyle={{ fontSize: 13 }} />
    </>
  );

  return (
    <div style={{ width: '100%', height }} role="img" aria-label={`Chart: ${props.axisLabel}`}>
      <ResponsiveContainer>
        {kind === 'line' ? (
          <LineChart {...common}>
            {axes}
            {props.series.map((s, i) => (
              <Line
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stroke={PALETTE[i % PALETTE.length]}
                dot={false}
                strokeWidth={2}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart {...common}>
            {axes}
            {props.series.map((s, i) => (
              <Bar
                key={s.key}
                dataKey={s.key}
                name={s.label}
                stackId="stack"
                fill={PALETTE[i % PALETTE.length]}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}

/** Picks g, kg or t for an axis from the largest value. */
export function emissionsAxis(maxG: number) {
  if (maxG >= 1e6) return { unit: 'tCO2e', scale: (g: number) => g / 1e6 };
  if (maxG >= 1e3) return { unit: 'kgCO2e', scale: (g: number) => g / 1e3 };

  return { unit: 'gCO2e', scale: (g: number) => g };
}
