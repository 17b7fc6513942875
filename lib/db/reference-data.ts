// Reads the reference datasets shipped in prisma/reference (lib/carbon takes
// their text; it never reads files itself).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { DefaultFactorTexts } from '@/lib/carbon/default-factors';

const REFERENCE_DIR = path.join(process.cwd(), 'prisma', 'reference');

const read = (file: string) =>
  readFileSync(/* turbopackIgnore: true */ path.join(REFERENCE_DIR, file), 'utf8');

export function readDefaultFactorTexts(): DefaultFactorTexts {
  return {
    emberCsv: read('ember_country_avg_gco2_per_kwh.csv'),
    ccfCsv: read('ccf_grid_emission_factors.csv'),
    codecarbonImpactCsv: read('codecarbon_cloud_impact.csv'),
  };
}

export function readLlmModelsJson(): unknown {
  return JSON.parse(read('ecologits_models.json'));
}
