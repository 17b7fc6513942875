// Energy and embodied emissions of LLM API calls, estimated with EcoLogits' method
// from the model's parameter count and the output tokens (see docs/methodology.md).

import {
  canonicalLlmProvider,
  findLlmModel,
  type LlmCatalogue,
  type LlmModelMatch,
} from './llm-catalogue';
import { LLM_METHOD, LLM_PROVIDER_DATACENTRES, simulateLlmRun } from './llm-method';

export { buildLlmCatalogue, type LlmCatalogue, type LlmModel } from './llm-catalogue';

export interface LlmCall {
  provider: string;
  model: string;
  /** Output tokens of all `requests` together. */
  outputTokens: number;
  requests: number;
  /** Measured latency of one request (the mean when requests > 1); caps generation time. */
  latencyS?: number;
}

export interface LlmEstimate {
  /** IT energy before PUE, for all the requests. */
  energyMinKwh: number;
  energyMaxKwh: number;
  embodiedMinG: number;
  embodiedMaxG: number;
  /** The provider's data-centre PUE; the upper end when EcoLogits gives a range. */
  pue: number;
  pueMin: number;
  pueMax: number;
  countryIso3: string;
  /** GPUs holding the model at the upper parameter count (gpuCountMin at the lower). */
  gpuCount: number;
  gpuCountMin: number;
  activeParamsMinB: number;
  activeParamsMaxB: number;
  generationMinS: number;
  generationMaxS: number;
  /** EcoLogits' provider and model name that the call resolved to, and how. */
  provider: string;
  model: string;
  matchedBy: LlmModelMatch;
  /** EcoLogits' flags, e.g. `model-arch-not-released` (parameter counts are guesses). */
  warnings: readonly string[];
  method: string;
}

export interface LlmIssue {
  issue: { path: string; reason: string };
}

const issue = (path: string, reason: string): LlmIssue => ({ issue: { path, reason } });

function checkCall(call: LlmCall): LlmIssue | undefined {
  if (!Number.isFinite(call.outputTokens) || call.outputTokens < 0) {
    return issue('outputTokens', 'output tokens must be a finite number, zero or more');
  }
  if (!Number.isInteger(call.requests) || call.requests < 1) {
    return issue('requests', 'requests must be a whole number, one or more');
  }
  if (call.latencyS !== undefined && !(Number.isFinite(call.latencyS) && call.latencyS > 0)) {
    return issue('latencyS', 'latency must be a finite number of seconds above zero');
  }

  return undefined;
}

export function estimateLlmCall(catalogue: LlmCatalogue, call: LlmCall): LlmEstimate | LlmIssue {
  const invalid = checkCall(call);
  if (invalid) return invalid;

  const provider = canonicalLlmProvider(call.provider);
  const datacentre = LLM_PROVIDER_DATACENTRES[provider];
  if (!catalogue.providers.has(provider) || !datacentre) {
    return issue('provider', `unknown provider "${call.provider}": not in the EcoLogits list`);
  }
  const found = findLlmModel(catalogue, provider, call.model);
  if (!found) {
    return issue(
      'model',
      `unknown model "${call.model}" for provider "${provider}": not in the EcoLogits model list`,
    );
  }

  // The method has no per-request term, so N requests cost what one request with
  // all their tokens costs; only a measured latency cap is per request.
  const { model } = found;
  const latencyCapS = call.latencyS === undefined ? Infinity : call.latencyS * call.requests;
  const low = simulateLlmRun(
    model.activeParamsB.min,
    model.totalParamsB.min,
    call.outputTokens,
    latencyCapS,
  );
  const high = simulateLlmRun(
    model.activeParamsB.max,
    model.totalParamsB.max,
    call.outputTokens,
    latencyCapS,
  );

  return {
    energyMinKwh: low.itEnergyKwh,
    energyMaxKwh: high.itEnergyKwh,
    embodiedMinG: low.embodiedG,
    embodiedMaxG: high.embodiedG,
    pue: datacentre.pueMax,
    pueMin: datacentre.pueMin,
    pueMax: datacentre.pueMax,
    countryIso3: datacentre.countryIso3,
    gpuCount: high.gpuCount,
    gpuCountMin: low.gpuCount,
    activeParamsMinB: model.activeParamsB.min,
    activeParamsMaxB: model.activeParamsB.max,
    generationMinS: low.latencyS,
    generationMaxS: high.latencyS,
    provider: model.provider,
    model: model.name,
    matchedBy: found.matchedBy,
    warnings: model.warnings,
    method: LLM_METHOD,
  };
}

/** Usage emissions: IT energy × PUE (low end with low PUE) × grid intensity. */
export function llmUsageEmissionsG(
  estimate: LlmEstimate,
  intensityGPerKwh: number,
): { minG: number; maxG: number } {
  return {
    minG: estimate.energyMinKwh * estimate.pueMin * intensityGPerKwh,
    maxG: estimate.energyMaxKwh * estimate.pueMax * intensityGPerKwh,
  };
}
