import { describe, expect, it } from 'vitest';

import { quarterStateWords } from '@/lib/reports/version-words';

describe('quarterStateWords', () => {
  it.each([
    [true, 'In progress: provisional'],
    [false, 'Closed'],
  ])('says a version with provisional = %s was made while the quarter was %j', (p, words) => {
    expect(quarterStateWords({ provisional: p })).toBe(words);
  });
});
