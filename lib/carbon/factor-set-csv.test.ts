import { describe, expect, it } from 'vitest';

import { parseFactorSetCsv } from './factor-set-csv';

const header = 'region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence';

describe('parseFactorSetCsv', () => {
  it('reads annual and hourly rows', () => {
    const text = [
      header,
      'country:fr,location,2024,,44.5,RTE eco2mix,Etalab-2.0',
      'aws:us-east-1,residual_mix,2023,,512,AIB residual mix,proprietary',
      'country:DEU,location,,2024-06-01T14:00:00+02:00,380,Electricity Maps,proprietary',
    ].join('\n');

    expect(parseFactorSetCsv(text)).toEqual({
      issues: [],
      rows: [
        {
          regionKey: 'country:FRA',
          kind: 'location',
          year: 2024,
          hourStart: null,
          intensityGPerKwh: 44.5,
          source: 'RTE eco2mix',
          licence: 'Etalab-2.0',
        },
        {
          regionKey: 'aws:us-east-1',
          kind: 'residual_mix',
          year: 2023,
          hourStart: null,
          intensityGPerKwh: 512,
          source: 'AIB residual mix',
          licence: 'proprietary',
        },
        {
          regionKey: 'country:DEU',
          kind: 'location',
          year: 2024,
          hourStart: new Date('2024-06-01T12:00:00Z'),
          intensityGPerKwh: 380,
          source: 'Electricity Maps',
          licence: 'proprietary',
        },
      ],
    });
  });

  it.each([
    [
      'bad number',
      'country:FRA,location,2024,,4x,s,l',
      'intensity_g_per_kwh',
      '"4x" is not a number',
    ],
    [
      'empty number',
      'country:FRA,location,2024,,,s,l',
      'intensity_g_per_kwh',
      '"" is not a number',
    ],
    [
      'negative intensity',
      'country:FRA,location,2024,,-3,s,l',
      'intensity_g_per_kwh',
      'negative intensity -3: a grid cannot emit less than nothing',
    ],
    [
      'wrong unit',
      'country:FRA,location,2024,,44000,s,l',
      'intensity_g_per_kwh',
      '44000 gCO2e/kWh is above 3000; is the value in g per kWh (not kg or t)?',
    ],
    [
      'unknown kind',
      'country:FRA,market,2024,,44,s,l',
      'kind',
      'unknown kind "market" (expected location or residual_mix)',
    ],
    [
      'bad region key',
      'FR,location,2024,,44,s,l',
      'region_key',
      '"FR" is not a region key (expected e.g. country:FRA or aws:us-east-1)',
    ],
    [
      'unknown country',
      'country:ZZZ,location,2024,,44,s,l',
      'region_key',
      '"ZZZ" is not an ISO 3166 country code',
    ],
    [
      'bad year',
      'country:FRA,location,24,,44,s,l',
      'year',
      '"24" is not a year between 1990 and 2100',
    ],
    [
      'hour without offset',
      'country:FRA,location,2024,2024-06-01T14:00:00,44,s,l',
      'hour_start',
      '"2024-06-01T14:00:00" is not the start of an hour in ISO 8601 with an offset, e.g. 2024-03-01T13:00:00Z',
    ],
    [
      'hour not on the hour',
      'country:FRA,location,2024,2024-06-01T14:15:00Z,44,s,l',
      'hour_start',
      '"2024-06-01T14:15:00Z" is not the start of an hour in ISO 8601 with an offset, e.g. 2024-03-01T13:00:00Z',
    ],
    [
      'missing source',
      'country:FRA,location,2024,,44,,l',
      'source',
      'source is required so reports can say where the number came from',
    ],
    [
      'missing licence',
      'country:FRA,location,2024,,44,s',
      'licence',
      'licence is required (e.g. CC-BY-4.0, or "proprietary")',
    ],
  ])('%s', (_name, line, path, reason) => {
    expect(parseFactorSetCsv(`${header}\n${line}`)).toEqual({
      rows: [],
      issues: [{ line: 2, path, reason }],
    });
  });

  it('reports every problem of a row, by line, and keeps the good rows', () => {
    const text = [
      header,
      'country:FRA,location,2024,,44,s,l',
      '',
      'nowhere,smart,1800,,-1,s,l',
      'country:fr,location,2024,,45,s,l',
    ].join('\n');
    const result = parseFactorSetCsv(text);

    expect(result.rows.map((r) => r.intensityGPerKwh)).toEqual([44]);
    expect(result.issues).toEqual([
      {
        line: 4,
        path: 'region_key',
        reason: '"nowhere" is not a region key (expected e.g. country:FRA or aws:us-east-1)',
      },
      { line: 4, path: 'kind', reason: 'unknown kind "smart" (expected location or residual_mix)' },
      { line: 4, path: 'year', reason: '"1800" is not a year between 1990 and 2100' },
      {
        line: 4,
        path: 'intensity_g_per_kwh',
        reason: 'negative intensity -1: a grid cannot emit less than nothing',
      },
      { line: 5, path: 'region_key', reason: 'duplicate of line 2' },
    ]);
  });

  it.each([
    [
      'a missing column',
      'region_key,kind,year,intensity_g_per_kwh,source\nx',
      1,
      'header',
      'missing column(s) licence; expected region_key,kind,year,hour_start,intensity_g_per_kwh,source,licence',
    ],
    [
      'broken quoting',
      `${header}\n"country:FRA,location`,
      2,
      'file',
      'the file is not valid CSV: Quote Not Closed: the parsing is finished with an opening quote at line 2',
    ],
  ])('rejects a file with %s', (_name, text, line, path, reason) => {
    expect(parseFactorSetCsv(text)).toEqual({ rows: [], issues: [{ line, path, reason }] });
  });

  it('accepts a UTF-8 BOM and CRLF line ends', () => {
    const text = `\ufeff${header}\r\ncountry:FRA,location,2024,,44,s,l\r\n`;

    expect(parseFactorSetCsv(text).rows).toHaveLength(1);
  });
});
