import { describe, expect, it } from 'vitest';

import { ISO_ALPHA2_TO_ALPHA3 } from './countries';
import {
  countryToAlpha3,
  normaliseCloudProvider,
  normaliseCloudRegion,
  parseRegionKey,
} from './region-keys';

describe('normaliseCloudProvider', () => {
  it.each([
    ['aws', 'aws'],
    ['Amazon Web Services', 'aws'],
    ['amazon', 'aws'],
    ['GCP', 'gcp'],
    ['google', 'gcp'],
    ['Google Cloud Platform', 'gcp'],
    ['google_cloud', 'gcp'],
    ['Azure', 'azure'],
    ['Microsoft Azure', 'azure'],
    ['Alibaba Cloud', 'alibaba'],
    ['aliyun', 'alibaba'],
    ['ovh', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (name, expected) => {
    expect(normaliseCloudProvider(name)).toBe(expected);
  });
});

describe('normaliseCloudRegion', () => {
  it.each([
    ['aws', ' US-East-1 ', 'us-east-1'],
    ['gcp', 'europe-west1', 'europe-west1'],
    ['azure', 'East US', 'eastus'],
    ['azure', 'EastUS2', 'eastus2'],
    ['alibaba', '华东1（杭州）', 'cn-hangzhou'],
    ['alibaba', 'cn_beijing', 'cn-beijing'],
    ['aws', 'us east 1', null],
    ['gcp', '', null],
  ] as const)('%s %s → %s', (provider, region, expected) => {
    expect(normaliseCloudRegion(provider, region)).toBe(expected);
  });
});

describe('countryToAlpha3', () => {
  it.each([
    ['FR', 'FRA'],
    ['fr', 'FRA'],
    ['FRA', 'FRA'],
    ['usa', 'USA'],
    ['GB', 'GBR'],
    ['XK', 'XKX'],
    ['XKX', 'XKX'],
    ['ZZ', null],
    ['ZZZ', null],
    ['France', null],
    [undefined, null],
  ])('%s → %s', (code, expected) => {
    expect(countryToAlpha3(code)).toBe(expected);
  });

  it('covers every ISO 3166-1 country (249) plus Kosovo', () => {
    expect(Object.keys(ISO_ALPHA2_TO_ALPHA3)).toHaveLength(250);
  });
});

describe('parseRegionKey', () => {
  it.each([
    ['country:FRA', { key: 'country:FRA' }],
    ['country:fr', { key: 'country:FRA' }],
    ['World', { key: 'world' }],
    ['aws:us-east-1', { key: 'aws:us-east-1' }],
    ['google:europe-west1', { key: 'gcp:europe-west1' }],
    ['azure:EastUS', { key: 'azure:eastus' }],
    ['alibaba:cn-hangzhou', { key: 'alibaba:cn-hangzhou' }],
    ['FRA', { reason: '"FRA" is not a region key (expected e.g. country:FRA or aws:us-east-1)' }],
    ['country:XYZ', { reason: '"XYZ" is not an ISO 3166 country code' }],
    [
      'ovh:gra',
      { reason: '"ovh" is not country, world or a known cloud (aws, gcp, azure, alibaba)' },
    ],
    ['aws:us east', { reason: '"us east" is not a valid aws region id' }],
  ])('%s', (text, expected) => {
    expect(parseRegionKey(text)).toEqual(expected);
  });
});
