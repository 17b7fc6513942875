import { describe, expect, it } from 'vitest';

import { authorWords, quarterStateWords } from '@/lib/reports/version-words';

describe('quarterStateWords', () => {
  it.each([
    [true, 'In progress: provisional'],
    [false, 'Closed'],
  ])('says a version with provisional = %s was made while the quarter was %j', (p, words) => {
    expect(quarterStateWords({ provisional: p })).toBe(words);
  });
});

describe('authorWords', () => {
  it.each([
    ['requested', 'Olive Officer', 'Olive Officer'],
    ['requested', null, 'unknown'],
    [null, 'Olive Officer', 'Olive Officer'],
    [
      'first_download',
      'Eve Executive',
      'generated automatically on first download (download by Eve Executive)',
    ],
    ['first_download', null, 'generated automatically on first download'],
    [
      'data_changed',
      'API key ci',
      'generated automatically on download: new data since the previous version ' +
        '(download by API key ci)',
    ],
    ['quarter_ended', null, 'generated automatically on download: the quarter had ended'],
  ] as const)('describes trigger %s by %s as %j', (trigger, generatedBy, words) => {
    expect(authorWords({ trigger, generatedBy })).toBe(words);
  });
});
