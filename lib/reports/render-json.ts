// Canonical JSON: keys sorted at every level, so the same model always gives
// the same bytes (and the same SHA-256).
import type { ReportModel } from '@/lib/reports/types';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }

  return value;
}

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

export function renderJson(model: ReportModel): Buffer {
  return Buffer.from(`${canonicalJson(model)}\n`, 'utf8');
}
