// How an upload is laid over its base set, and what is refused before
// anything is stored.
import { describe, expect, it } from 'vitest';

import type { IntensityRow } from '@/lib/carbon/factors';
import { layRowsOver, uploadFactorSet } from '@/lib/methodology/upload-factor-set';

const row = (over: Partial<IntensityRow>): IntensityRow => ({
  regionKey: 'country:FRA',
  kind: 'location',
  year: 2024,
  hourStart: null,
  intensityGPerKwh: 44.18,
  source: 'Ember',
  licence: 'CC-BY-4.0',
  ...over,
});

describe('layRowsOver', () => {
  it.each([
    ['same region, kind and year', row({ intensityGPerKwh: 50 }), 1, 1],
    ['another year', row({ year: 2025 }), 2, 0],
    ['residual mix of the same region', row({ kind: 'residual_mix' }), 2, 0],
    ['an hour of the same region', row({ hourStart: new Date('2024-06-01T12:00:00Z') }), 2, 0],
  ])('an uploaded row for %s', (_, uploaded, rowCount, replaced) => {
    const merged = layRowsOver([row({})], [uploaded]);

    expect(merged.rows).toHaveLength(rowCount);
    expect(merged.replaced).toBe(replaced);
    expect(merged.rows).toContain(uploaded);
  });
});

describe('uploadFactorSet refusals', () => {
  const header = 'region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence\n';
  const base = { organisationId: '00000000-0000-4000-8000-000000000000', name: 'Set' };

  it('refuses a set without a world row when laid over nothing', async () => {
    const result = await uploadFactorSet({
      ...base,
      csvText: `${header}country:FRA,location,2024,,50,RTE,Etalab-2.0\n`,
      baseFactorSetId: null,
    });

    expect(result).toEqual({
      ok: false,
      issues: [
        {
          line: 1,
          path: 'region_key',
          reason:
            'the set has no annual "world" location row, so some events could not be priced; ' +
            'add one, or build on the default set',
        },
      ],
    });
  });

  it('refuses a file with a header and no rows', async () => {
    const result = await uploadFactorSet({ ...base, csvText: header, baseFactorSetId: null });

    expect(result).toEqual({
      ok: false,
      issues: [{ line: 1, path: 'file', reason: 'the file has a header but no rows' }],
    });
  });
});
