// Region keys name the grid a factor applies to: `country:FRA`, `aws:us-east-1`,
// `gcp:europe-west1`, `azure:eastus`, `alibaba:cn-hangzhou` or `world`.
// Events name providers, regions and countries loosely; these helpers make one
// canonical key so factor lookups are plain Map hits.

import { ISO_ALPHA2_TO_ALPHA3 } from './countries';

export type CloudProvider = 'aws' | 'gcp' | 'azure' | 'alibaba';

export const CLOUD_PROVIDERS: readonly CloudProvider[] = ['aws', 'gcp', 'azure', 'alibaba'];
export const WORLD_REGION_KEY = 'world';

const ISO_ALPHA3 = new Set(Object.values(ISO_ALPHA2_TO_ALPHA3));

// Spellings seen in SDKs, billing exports and CodeCarbon files, after lower-casing
// and turning every run of non-letters into one space.
const PROVIDER_ALIASES: Readonly<Record<string, CloudProvider>> = {
  aws: 'aws',
  amazon: 'aws',
  'amazon web services': 'aws',
  'amazon aws': 'aws',
  gcp: 'gcp',
  google: 'gcp',
  'google cloud': 'gcp',
  'google cloud platform': 'gcp',
  gce: 'gcp',
  azure: 'azure',
  microsoft: 'azure',
  'microsoft azure': 'azure',
  alibaba: 'alibaba',
  'alibaba cloud': 'alibaba',
  aliyun: 'alibaba',
  ali: 'alibaba',
};

// Alibaba's console shows Chinese names; its API uses ids. CCF lists the former.
export const ALIBABA_REGION_IDS: Readonly<Record<string, string>> = {
  '华东1（杭州）': 'cn-hangzhou',
  '华东2（上海）': 'cn-shanghai',
  '华东5（南京）': 'cn-nanjing',
  '华南1（深圳）': 'cn-shenzhen',
  '华南2（河源）': 'cn-heyuan',
  '华南3（广州）': 'cn-guangzhou',
  '华北1（青岛）': 'cn-qingdao',
  '华北2（北京）': 'cn-beijing',
  '华北3（张家口）': 'cn-zhangjiakou',
  '华北5（呼和浩特）': 'cn-huhehaote',
  '华北6（乌兰察布）': 'cn-wulanchabu',
};

const REGION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export function normaliseCloudProvider(name: string | undefined): CloudProvider | null {
  if (!name) return null;
  const words = name
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

  return PROVIDER_ALIASES[words] ?? null;
}

/**
 * Canonical region id, or null when it cannot be one. Azure names are also
 * written with spaces ("East US"), so spaces are dropped there.
 */
export function normaliseCloudRegion(
  provider: CloudProvider,
  region: string | undefined,
): string | null {
  if (!region) return null;
  const trimmed = region.trim();
  const alibabaId = provider === 'alibaba' ? ALIBABA_REGION_IDS[trimmed] : undefined;
  const lower = (alibabaId ?? trimmed).toLowerCase();
  const id = provider === 'azure' ? lower.replace(/[\s_-]+/g, '') : lower.replace(/_/g, '-');

  return REGION_ID.test(id) ? id : null;
}

/** ISO 3166 alpha-2 or alpha-3, any case, to upper-case alpha-3; null if unknown. */
export function countryToAlpha3(code: string | undefined): string | null {
  if (!code) return null;
  const upper = code.trim().toUpperCase();
  if (upper.length === 2) return ISO_ALPHA2_TO_ALPHA3[upper] ?? null;

  return upper.length === 3 && ISO_ALPHA3.has(upper) ? upper : null;
}

export const countryRegionKey = (alpha3: string): string => `country:${alpha3}`;

export const cloudRegionKey = (provider: CloudProvider, regionId: string): string =>
  `${provider}:${regionId}`;

export type ParsedRegionKey = { key: string } | { reason: string };

/** Validates a key typed by a person and returns its canonical spelling. */
export function parseRegionKey(text: string): ParsedRegionKey {
  const trimmed = text.trim();
  if (trimmed.toLowerCase() === WORLD_REGION_KEY) return { key: WORLD_REGION_KEY };

  const colon = trimmed.indexOf(':');
  if (colon < 1) {
    return { reason: `"${text}" is not a region key (expected e.g. country:FRA or aws:us-east-1)` };
  }
  const scope = trimmed.slice(0, colon).toLowerCase();
  const rest = trimmed.slice(colon + 1);

  if (scope === 'country') {
    const alpha3 = countryToAlpha3(rest);
    if (!alpha3) return { reason: `"${rest}" is not an ISO 3166 country code` };
    return { key: countryRegionKey(alpha3) };
  }
  const provider = normaliseCloudProvider(scope);
  if (!provider) {
    return {
      reason: `"${scope}" is not country, world or a known cloud (aws, gcp, azure, alibaba)`,
    };
  }
  const regionId = normaliseCloudRegion(provider, rest);
  if (!regionId) return { reason: `"${rest}" is not a valid ${provider} region id` };

  return { key: cloudRegionKey(provider, regionId) };
}
