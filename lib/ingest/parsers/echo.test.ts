import { describe, expect, it } from 'vitest';

import { checkWith } from '@/lib/ingest/issues';

import { parseCodeCarbonCsv } from './codecarbon';
import { echoInput } from './echo';
import { BodyError } from './errors';
import { eventSchema } from './event-schema';
import { parseOpenAiUsage } from './openai-usage';
import { parseOffsetTimestamp, parseWallTimestamp } from './timestamps';

const NULS = '\u0000'.repeat(4096);
const CONTROL = /[\p{Cc}\p{Cs}]/u;

function bodyErrorOf(parse: () => unknown): BodyError {
  try {
    parse();
  } catch (error) {
    if (error instanceof BodyError) return error;
  }
  throw new Error('expected a BodyError');
}

describe('echoInput', () => {
  it.each([
    ['short text', 'gpt-4o', 'gpt-4o'],
    ['control characters', 'a\u0000b\tc\nd\u007f', 'a\ufffdb\ufffdc\ufffdd\ufffd'],
    ['a lone surrogate', 'x\ud800', 'x\ufffd'],
    ['a pair, kept whole at the cut', `${'a'.repeat(99)}😀z`, `${'a'.repeat(99)}😀…`],
    ['4 KB of NUL', NULS, `${'\ufffd'.repeat(100)}…`],
  ])('%s', (_case, text, shown) => {
    expect(echoInput(text)).toBe(shown);
  });
});

describe('messages quote at most ~100 printable characters of input', () => {
  const csvHeader = 'timestamp,project_name,duration,emissions,energy_consumed';
  it.each([
    [
      'a binary file posted as CSV',
      () => bodyErrorOf(() => parseCodeCarbonCsv(`\u0089PNG\r\n\u001a\n${NULS}"x${NULS}`)).message,
    ],
    [
      'a time zone with control characters',
      () => bodyErrorOf(() => parseCodeCarbonCsv('', { timeZone: `Europe/Paris${NULS}` })).message,
    ],
    [
      'a CSV timestamp',
      () => {
        const result = parseWallTimestamp(NULS, 'timestamp');
        return result.ok ? '' : result.reason;
      },
    ],
    [
      'a CSV number',
      () => {
        const [item] = parseCodeCarbonCsv(
          `${csvHeader}\n2024-01-01T00:00:00,p,${NULS},1,1\n`,
        ).items;
        return item && !item.ok ? item.issues.map((issue) => issue.reason).join('; ') : '';
      },
    ],
    [
      'a JSON timestamp',
      () => {
        const result = parseOffsetTimestamp(`2024-01-01T00:00:00${NULS}`, 'start');
        return result.ok ? '' : result.reason;
      },
    ],
    [
      'a JSON string value and unknown fields',
      () => {
        const event = Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`${NULS}${n}`, 1]));
        const checked = checkWith(eventSchema, { ...event, kind: NULS }, 'events[0]');
        return checked.ok ? '' : checked.issues.map((issue) => issue.reason).join('; ');
      },
    ],
    [
      'an OpenAI model',
      () => {
        const [item] = parseOpenAiUsage([
          {
            start_time: 1,
            end_time: 2,
            results: [{ input_tokens: 1, output_tokens: 1, num_model_requests: 1, model: NULS }],
          },
        ]).items;
        return item && !item.ok ? item.issues.map((issue) => issue.reason).join('; ') : '';
      },
    ],
  ])('%s', (_case, message) => {
    const text = String(message());

    expect(text).not.toBe('');
    expect(text).not.toMatch(CONTROL);
    expect(text.length).toBeLessThan(400);
  });
});
