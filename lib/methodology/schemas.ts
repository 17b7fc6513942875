// Request schemas of the methodology endpoints, shared by the route handlers
// and the settings forms so both accept exactly the same input.
import { z } from 'zod';

import { parseRegionKey } from '@/lib/carbon/region-keys';
import { EARLIEST_YEAR, isRealCalendarDate, isYearInRange, LATEST_YEAR } from '@/lib/units';

// A calendar date is midnight UTC; a date-time must carry its offset, so a
// contract's period means one instant everywhere.
const INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

export const instantSchema = z
  .string()
  .regex(INSTANT, { error: 'must be a date (2026-01-31) or a date-time with an offset' })
  .transform((text, ctx) => {
    const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(date.getTime()) || !isRealCalendarDate(text)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a real date` });
      return z.NEVER;
    }
    if (!isYearInRange(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `"${text}" is not between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
      });
      return z.NEVER;
    }
    return date;
  });

export const regionKeySchema = z.string().transform((text, ctx) => {
  const parsed = parseRegionKey(text);
  if ('reason' in parsed) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.key;
});

export const CONTRACT_KINDS = ['certificate', 'ppa', 'green_tariff'] as const;

export const contractInputSchema = z
  .strictObject({
    kind: z.enum(CONTRACT_KINDS),
    name: z.string().trim().min(1).max(200),
    region_key: regionKeySchema,
    energy_mwh: z.number().positive().max(1e9),
    // Most instruments are zero-carbon; some tariffs state a small factor.
    intensity_g_per_kwh: z.number().min(0).max(3_000).default(0),
    valid_from: instantSchema,
    valid_to: instantSchema,
  })
  .refine((c) => c.valid_to > c.valid_from, {
    path: ['valid_to'],
    error: 'valid_to must be after valid_from (the end is exclusive)',
  });

export type ContractInput = z.output<typeof contractInputSchema>;

const year = z.number().int().min(1990).max(2100);

export const targetInputSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    team_id: z.uuid().nullable().default(null),
    baseline_year: year,
    baseline_emissions_g: z.number().min(0).max(1e15),
    target_year: year,
    target_emissions_g: z.number().min(0).max(1e15),
  })
  .refine((t) => t.target_year > t.baseline_year, {
    path: ['target_year'],
    error: 'target_year must be after baseline_year',
  })
  .refine((t) => t.target_emissions_g <= t.baseline_emissions_g, {
    path: ['target_emissions_g'],
    error: 'target_emissions_g must not exceed baseline_emissions_g: a target is a reduction',
  });

export type TargetInput = z.output<typeof targetInputSchema>;

export const repriceInputSchema = z
  .strictObject({
    factor_set_id: z.uuid(),
    from: instantSchema,
    to: instantSchema,
  })
  .refine((r) => r.to > r.from, { path: ['to'], error: 'to must be after from' });

export const factorSetUploadParamsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2_000).optional(),
  /** The set the upload is laid over; "none" for a complete set on its own. */
  base: z.union([z.uuid(), z.literal('none')]).optional(),
});

export const MAX_FACTOR_CSV_BYTES = 20 * 1024 * 1024;
