// The EcoLogits model list (prisma/reference/ecologits_models.json), validated and
// indexed so an API call's provider and model name find their parameter counts.

import { z } from 'zod';

const paramsB = z.number().positive();
const paramsRangeB = z
  .object({ min: paramsB, max: paramsB })
  .refine((range) => range.min <= range.max, { message: 'min is above max' });
const paramsValueOrRangeB = z.union([paramsB, paramsRangeB]);

const architectureSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('dense'), parameters: paramsValueOrRangeB }),
  z.object({
    type: z.literal('moe'),
    parameters: z.object({ total: paramsValueOrRangeB, active: paramsValueOrRangeB }),
  }),
]);

const modelsFileSchema = z.object({
  aliases: z.array(
    z.object({
      type: z.literal('alias'),
      provider: z.string().min(1),
      name: z.string().min(1),
      alias: z.string().min(1),
    }),
  ),
  models: z.array(
    z.object({
      type: z.literal('model'),
      provider: z.string().min(1),
      name: z.string().min(1),
      architecture: architectureSchema,
      warnings: z.array(z.string()).nullish(),
    }),
  ),
});

export interface ParamsRangeB {
  min: number;
  max: number;
}

export interface LlmModel {
  provider: string;
  name: string;
  activeParamsB: ParamsRangeB;
  totalParamsB: ParamsRangeB;
  /** EcoLogits' flags, e.g. `model-arch-not-released` when parameters are guessed. */
  warnings: readonly string[];
}

/** Keys are `provider/name`, lower-cased. */
export interface LlmCatalogue {
  byName: ReadonlyMap<string, LlmModel>;
  byAlias: ReadonlyMap<string, LlmModel>;
  /** Models by name without a date suffix; null when that name means different sizes. */
  bySnapshotBase: ReadonlyMap<string, LlmModel | null>;
  providers: ReadonlySet<string>;
}

export type LlmModelMatch = 'name' | 'alias' | 'snapshot';

// Names other tools give EcoLogits' providers (Azure serves OpenAI's models).
const PROVIDER_ALIASES: Readonly<Record<string, string>> = {
  azure: 'openai',
  azure_openai: 'openai',
  mistral: 'mistralai',
  google: 'google_genai',
  gemini: 'google_genai',
  huggingface: 'huggingface_hub',
};

// -2024-07-18, -20241022, -240718, -0125 (MMDD or YYMM), -05-20.
const DATE_SUFFIX = /-(?:\d{4}-\d{2}-\d{2}|\d{8}|\d{6}|\d{4}|\d{2}-\d{2})$/;

export function canonicalLlmProvider(provider: string): string {
  const key = provider.trim().toLowerCase().replaceAll('-', '_');

  return PROVIDER_ALIASES[key] ?? key;
}

const modelKey = (provider: string, name: string): string =>
  `${provider}/${name.trim().toLowerCase()}`;

const stripDateSuffix = (name: string): string => name.replace(DATE_SUFFIX, '');

const asRange = (value: number | ParamsRangeB): ParamsRangeB =>
  typeof value === 'number' ? { min: value, max: value } : value;

const sameSize = (a: LlmModel, b: LlmModel): boolean =>
  a.activeParamsB.min === b.activeParamsB.min &&
  a.activeParamsB.max === b.activeParamsB.max &&
  a.totalParamsB.min === b.totalParamsB.min &&
  a.totalParamsB.max === b.totalParamsB.max;

/** Validates the parsed JSON (throws a ZodError if it is not EcoLogits' shape). */
export function buildLlmCatalogue(modelsJson: unknown): LlmCatalogue {
  const file = modelsFileSchema.parse(modelsJson);
  const byName = new Map<string, LlmModel>();
  const byAlias = new Map<string, LlmModel>();
  const bySnapshotBase = new Map<string, LlmModel | null>();

  for (const entry of file.models) {
    const { architecture } = entry;
    const provider = canonicalLlmProvider(entry.provider);
    const totalParamsB = asRange(
      architecture.type === 'moe' ? architecture.parameters.total : architecture.parameters,
    );
    const model: LlmModel = {
      provider,
      name: entry.name,
      activeParamsB:
        architecture.type === 'moe' ? asRange(architecture.parameters.active) : totalParamsB,
      totalParamsB,
      warnings: entry.warnings ?? [],
    };
    byName.set(modelKey(provider, entry.name), model);

    const baseKey = modelKey(provider, stripDateSuffix(entry.name));
    const seen = bySnapshotBase.get(baseKey);
    const ambiguous = seen === null || (seen !== undefined && !sameSize(seen, model));
    bySnapshotBase.set(baseKey, ambiguous ? null : (seen ?? model));
  }

  // An alias to a model the list lacks is skipped rather than failing the whole list.
  for (const alias of file.aliases) {
    const provider = canonicalLlmProvider(alias.provider);
    const target = byName.get(modelKey(provider, alias.alias));
    if (target) byAlias.set(modelKey(provider, alias.name), target);
  }

  return {
    byName,
    byAlias,
    bySnapshotBase,
    providers: new Set([...byName.values()].map((model) => model.provider)),
  };
}

/** Exact name, then alias, then the same two without a date suffix, then any dated snapshot. */
export function findLlmModel(
  catalogue: LlmCatalogue,
  provider: string,
  name: string,
): { model: LlmModel; matchedBy: LlmModelMatch } | undefined {
  const undated = stripDateSuffix(name.trim());
  const candidates: Array<[string, LlmModelMatch]> = [
    [name, 'name'],
    [undated, 'snapshot'],
  ];

  for (const [candidate, matchedBy] of candidates) {
    const key = modelKey(provider, candidate);
    const byName = catalogue.byName.get(key);
    if (byName) return { model: byName, matchedBy };
    const byAlias = catalogue.byAlias.get(key);
    if (byAlias) return { model: byAlias, matchedBy: matchedBy === 'name' ? 'alias' : matchedBy };
  }

  const snapshot = catalogue.bySnapshotBase.get(modelKey(provider, undated));

  return snapshot ? { model: snapshot, matchedBy: 'snapshot' } : undefined;
}
