// Turns zod issues into plain sentences that name the field, for API answers and
// import reports. Messages written in a schema are kept; zod's defaults are replaced.
import type { z } from 'zod';

import { echoInput } from '@/lib/ingest/parsers/echo';
import type { ItemIssue } from '@/lib/ingest/types';

type Issue = z.core.$ZodIssue;
type RawIssue = z.core.$ZodRawIssue;

/**
 * Stands for the field's full path in a message; filled in once the path is known
 * (inside a union the error map only sees the path below the union).
 */
export const FIELD = '{field}';

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  record: 'an object',
};

/** A short description of a bad value for a message: `the string "NaN"`, `null`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the string "${echoInput(value, 40)}"`;
  if (typeof value === 'object') return 'an object';

  return String(value);
}

const MAX_KEYS_SHOWN = 5;

function quoteKeys(keys: string[]): string {
  const shown = keys.slice(0, MAX_KEYS_SHOWN).map((key) => `"${echoInput(key, 40)}"`);
  const more = keys.length - shown.length;

  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

function sentence(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${FIELD} is required`;
      return `${FIELD} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${describe(issue.input)}`;
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? `${FIELD} must not be empty`
          : `${FIELD} must be at least ${issue.minimum} characters`;
      }
      if (issue.origin === 'array') return `${FIELD} must have at least ${issue.minimum} items`;
      if (Number(issue.minimum) === 0 && issue.inclusive) return `${FIELD} must not be negative`;
      return `${FIELD} must be ${issue.inclusive ? 'at least' : 'more than'} ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') {
        return `${FIELD} must be at most ${issue.maximum} characters`;
      }
      if (issue.origin === 'array') return `${FIELD} must have at most ${issue.maximum} items`;
      return `${FIELD} must be ${issue.inclusive ? 'at most' : 'less than'} ${issue.maximum}`;
    case 'unrecognized_keys': {
      const noun = issue.keys.length === 1 ? 'field' : 'fields';
      return issue.path?.length
        ? `${FIELD} has unknown ${noun} ${quoteKeys(issue.keys)}`
        : `unknown ${noun} ${quoteKeys(issue.keys)}`;
    }
    case 'invalid_value':
      return `${FIELD} must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `${FIELD} is not in the expected format`;
    case 'invalid_union':
      return `${FIELD} has the wrong shape`;
    case 'invalid_key':
      return `${FIELD} has an invalid key`;
    default:
      return `${FIELD} is invalid`;
  }
}

/** Error map for safeParse: sentences for every issue a schema did not word itself. */
export const plainErrorMap = (issue: RawIssue): string => sentence(issue);

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === 'number') return `${out}[${segment}]`;
    const name = String(segment);
    return out === '' ? name : `${out}.${name}`;
  }, prefix);
}

/** The one union branch that matched the input's type, if only one did. */
function relevantBranch(issue: Issue): Issue[] | undefined {
  if (issue.code !== 'invalid_union') return undefined;
  const branches = issue.errors.filter(
    (branch) => !branch.every((e) => e.code === 'invalid_type' && e.path.length === 0),
  );

  return branches.length === 1 ? branches[0] : undefined;
}

function flatten(issues: Issue[], base: readonly PropertyKey[]): Array<[PropertyKey[], string]> {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    const branch = relevantBranch(issue);

    return branch ? flatten(branch, path) : [[path, issue.message] as [PropertyKey[], string]];
  });
}

/**
 * Issues with paths under `prefix` (e.g. `events[3]`). Each path appears once, so
 * a store keyed by (item, path) takes them all.
 */
export function toItemIssues(issues: Issue[], prefix: string, itemName = 'item'): ItemIssue[] {
  const byPath = new Map<string, string[]>();
  for (const [path, message] of flatten(issues, [])) {
    const field = joinPath('', path) || itemName;
    const reason = message.replaceAll(FIELD, field);
    const key = joinPath(prefix, path);
    byPath.set(key, [...(byPath.get(key) ?? []), reason]);
  }

  return [...byPath].map(([path, reasons]) => ({ path, reason: reasons.join('; ') }));
}

export type Checked<T> = { ok: true; data: T } | { ok: false; issues: ItemIssue[] };

/** safeParse with plain-sentence issues under `prefix`; `itemName` names the whole input. */
export function checkWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  prefix: string,
  itemName?: string,
): Checked<z.output<S>> {
  const result = schema.safeParse(input, { error: plainErrorMap });
  if (result.success) return { ok: true, data: result.data };

  return { ok: false, issues: toItemIssues(result.error.issues, prefix, itemName) };
}
