// The EcoLogits model list, loaded once per process, and the rule for the
// what-if: the smallest sibling of a model in its family (-mini, -nano).
import { canonicalLlmProvider, findLlmModel } from '@/lib/carbon/llm-catalogue';
import { buildLlmCatalogue, type LlmCatalogue, type LlmModel } from '@/lib/carbon/llm';
import { readLlmModelsJson } from '@/lib/db/reference-data';

let catalogue: LlmCatalogue | undefined;

export function llmCatalogue(): LlmCatalogue {
  catalogue ??= buildLlmCatalogue(readLlmModelsJson());

  return catalogue;
}

const SIZES = ['mini', 'nano'] as const;

/** A smaller model of the same family and provider, or null when none is smaller. */
export function smallerSibling(
  models: LlmCatalogue,
  provider: string,
  name: string,
): LlmModel | null {
  const canonical = canonicalLlmProvider(provider);
  const found = findLlmModel(models, canonical, name);
  if (!found) return null;
  const base = found.model.name.replace(/-(mini|nano)$/, '');
  const smaller = SIZES.map((size) => models.byName.get(`${canonical}/${base}-${size}`))
    .filter((m): m is LlmModel => m !== undefined)
    .filter((m) => m.activeParamsB.max < found.model.activeParamsB.max)
    .sort((a, b) => a.activeParamsB.max - b.activeParamsB.max);

  return smaller[0] ?? null;
}
