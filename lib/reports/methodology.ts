// The methodology appendix: the same facts as docs/methodology.md, with the
// provider PUEs and the LLM method read from lib/carbon so they cannot drift.
import { LLM_METHOD } from '@/lib/carbon/llm-method';
import { PROVIDER_DEFAULT_PUE } from '@/lib/carbon/pue';
import type { Lineage } from '@/lib/kpi/get-lineage';
import type { ReportModel } from '@/lib/reports/types';

export const FORMULAS: ReportModel['methodology']['formulas'] = [
  { name: 'Facility energy', formula: 'facility energy (kWh) = IT energy (kWh) x PUE' },
  {
    name: 'Location-based emissions',
    formula: 'emissions (gCO2e) = facility energy (kWh) x grid intensity (gCO2e/kWh)',
  },
  {
    name: 'Market-based emissions',
    formula:
      'Scope 2 market-based = contract-covered kWh x contract intensity + uncovered kWh x ' +
      'residual mix (location factor when no residual mix is loaded), over every kind of ' +
      'work but hosted LLM API calls; total market-based = Scope 2 market-based + ' +
      'Scope 3 category 1 (hosted LLM API calls, location-based or estimated)',
  },
  { name: 'Embodied emissions (SCI M)', formula: 'M = TE x (TiR / EL) x (RR / ToR)' },
  { name: 'Software Carbon Intensity', formula: 'SCI = (E x I + M) / R' },
  {
    name: 'Intensity per 1,000 units',
    formula: 'gCO2e per 1,000 = emissions of that kind of work / units x 1,000',
  },
  {
    name: 'Target progress',
    formula:
      'budget(year) = baseline - (baseline - target) x (year - baseline year) / ' +
      '(target year - baseline year); budget used = location-based emissions from ' +
      '1 January to the end of the quarter / budget(year); on track when budget used <= ' +
      'share of the year passed',
  },
];

export const ATTRIBUTION = [
  'Country and world grid intensities: Ember, yearly electricity data, CC-BY-4.0 ' +
    "(via the Green Web Foundation's co2.js).",
  'Cloud region factors, provider PUEs, usage coefficients: Cloud Carbon Footprint ' +
    '(Thoughtworks), Apache-2.0.',
  "GCP region intensities: CodeCarbon, MIT, from Google Cloud's published region carbon data.",
  'LLM model sizes and the LLM method: EcoLogits (GenAI Impact), MPL-2.0.',
  "Embodied and SCI formulas: the Green Software Foundation's SCI specification " +
    '(ISO/IEC 21031:2024).',
];

const providerPues = Object.entries(PROVIDER_DEFAULT_PUE)
  .map(([provider, pue]) => `${provider} ${pue}`)
  .join(', ');

export const ESTIMATION_METHODS = [
  'Measured energy (kWh sent by the source) is used as sent; CodeCarbon energies already ' +
    'include PUE and are divided by it, never multiplied twice.',
  'Mean power and duration give energy as W x s / 3,600,000 per component.',
  `PUE, first that applies: included by the source, stated on the event, the cloud ` +
    `provider's fleet average (${providerPues}), else the organisation's default.`,
  `Hosted LLM API calls without energy: ${LLM_METHOD}; the midpoint is reported, with the ` +
    'minimum and maximum as a range.',
  'Grid intensity: the cloud region, else the country, else the world average (flagged ' +
    'fallback), at the middle of the event window.',
  'Events with no energy that are not LLM API calls are rejected at import, not estimated.',
];

export const LIMITS = [
  'One factor per event window: the intensity at the middle of the window stands for all of it.',
  'Cloud region factors are annual averages of the surrounding grid, not hourly provider data.',
  'Cloud Carbon Footprint does not date its factors; 2020 is recorded as their year.',
  'Without uploaded residual mixes, market-based remainders use location factors (flagged), ' +
    'which understates market-based emissions.',
  'Contracts are matched to consumption by region key, per UTC month; a quarter that does not ' +
    'start on a UTC month boundary may see a whole month of contract energy at its edges.',
  'Hosted LLM estimates count output tokens only; closed models use estimated parameter counts.',
  'Embodied emissions of hosted LLM hardware are shown next to Scope 3 category 1, not added ' +
    'to the totals; own hardware embodied emissions are not yet included.',
  "Target progress sets the year's emissions so far against the whole year's budget; " +
    '"on track" assumes the budget is spent evenly over the year, so seasonal work can look ' +
    'off track early in the year and on track late.',
];

export function methodologyOf(lineage: Lineage): ReportModel['methodology'] {
  return {
    formulas: FORMULAS,
    factorSets: lineage.factorSets,
    sources: lineage.sources,
    attribution: ATTRIBUTION,
    pue: lineage.pue,
    estimationMethods: ESTIMATION_METHODS,
    coverage: lineage.coverage,
    limits: LIMITS,
  };
}
