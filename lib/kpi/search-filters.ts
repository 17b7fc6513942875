// Valid dashboard filters out of URL search params (server or browser); an
// invalid value (or from/to the wrong way round) is dropped rather than
// failing the page.
import { datesReversed, filterParamsSchema, type FilterParams } from '@/lib/kpi/filters';

const KEYS = Object.keys(filterParamsSchema.shape) as (keyof FilterParams)[];

type SearchLike = URLSearchParams | Record<string, string | string[] | undefined>;

export function filtersFrom(search: SearchLike): FilterParams {
  const get = (key: string) => {
    const value = search instanceof URLSearchParams ? search.get(key) : search[key];

    return Array.isArray(value) ? value[0] : (value ?? undefined);
  };
  const params: Record<string, string> = {};
  for (const key of KEYS) {
    const value = get(key);
    if (value && filterParamsSchema.shape[key].safeParse(value).success) params[key] = value;
  }
  if (datesReversed(params)) {
    delete params.from;
    delete params.to;
  }

  return params as FilterParams;
}

/** A positive page number from a search param, else 1. */
export function pageFrom(value: string | string[] | undefined | null): number {
  const page = Number(Array.isArray(value) ? value[0] : value);

  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1;
}
