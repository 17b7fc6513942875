// Power usage effectiveness: facility energy / IT energy. Defaults per cloud
// are Cloud Carbon Footprint's fleet averages (its *FootprintEstimationConstants).

import type { CloudProvider } from './region-keys';

export const PROVIDER_DEFAULT_PUE: Readonly<Record<CloudProvider, number>> = {
  aws: 1.135,
  gcp: 1.1,
  azure: 1.185,
  alibaba: 1.3,
};

/** CodeCarbon's own default when a file says energies include PUE but not which. */
export const SOURCE_INCLUDED_DEFAULT_PUE = 1;

// Below 1 is impossible; above 3 no data centre in service reports, so the
// number is more likely a typo or a percentage.
export const MIN_PUE = 1;
export const MAX_PUE = 3;

export const isPlausiblePue = (pue: number): boolean =>
  Number.isFinite(pue) && pue >= MIN_PUE && pue <= MAX_PUE;
