// EcoLogits' model of one LLM generation on a shared GPU server: the fitted
// coefficients, the reference hardware, and the arithmetic for one parameter count.
// Source: genai-impact/ecologits `ecologits/impacts/llm.py` and
// `docs/methodology/llm_inference.md`, the ML.ENERGY / H100 revision (PR #186, Oct 2025).

import { kgToG, secondsToHours, whToKwh } from '@/lib/units';

export const LLM_METHOD =
  'EcoLogits LLM inference, ML.ENERGY/H100 method of Oct 2025 (batch 64, 16-bit weights)';

// Energy of one GPU per output token, fitted on ML.ENERGY (vLLM on H100):
// (alpha × e^(beta × batch) × activeParamsB + gamma), in Wh per token.
const GPU_ENERGY_ALPHA_WH_PER_TOKEN_PER_B = 1.1665273170451914e-6;
const GPU_ENERGY_BETA_PER_BATCHED_REQUEST = -0.011205921025579175;
const GPU_ENERGY_GAMMA_WH_PER_TOKEN = 4.052928146734005e-5;

// Generation time per output token: alpha × activeParamsB + beta × batch + gamma, in s.
const LATENCY_ALPHA_S_PER_TOKEN_PER_B = 6.785088094353663e-4;
const LATENCY_BETA_S_PER_TOKEN_PER_BATCHED_REQUEST = 3.119310311688259e-4;
const LATENCY_GAMMA_S_PER_TOKEN = 1.9473717579473387e-2;

/** Requests a server generates for at once; each carries 1/64 of the server. */
export const BATCH_SIZE = 64;

const WEIGHT_BITS = 16;
const BITS_PER_BYTE = 8;
/** Activations and KV cache on top of the weights (EleutherAI's Transformer Math). */
const MEMORY_OVERHEAD_FACTOR = 1.2;
const GPU_MEMORY_GB = 80;

/** A p5.48xlarge-like server: eight H100 80GB, 1.2 kW drawn by everything else. */
const SERVER_GPU_SLOTS = 8;
const SERVER_NON_GPU_POWER_KW = 1.2;
const GPU_EMBODIED_KG = 164;
const SERVER_NON_GPU_EMBODIED_KG = 5700;

// lib/units has no year-to-second conversion: EcoLogits counts 365-day years.
const SECONDS_PER_YEAR = 365 * 24 * 60 * 60;
const HARDWARE_LIFETIME_S = 3 * SECONDS_PER_YEAR;

/** What one parameter count (the low or the high end of a range) costs. */
export interface LlmRun {
  gpuCount: number;
  latencyS: number;
  itEnergyKwh: number;
  embodiedG: number;
}

/** GPUs whose memory holds the weights, rounded up to a power of two. */
export function requiredGpuCount(totalParamsB: number): number {
  const memoryGb = (MEMORY_OVERHEAD_FACTOR * totalParamsB * WEIGHT_BITS) / BITS_PER_BYTE;
  const gpus = Math.ceil(memoryGb / GPU_MEMORY_GB);

  return 2 ** Math.ceil(Math.log2(gpus));
}

function gpuEnergyKwhPerToken(activeParamsB: number): number {
  const batchFactor = Math.exp(GPU_ENERGY_BETA_PER_BATCHED_REQUEST * BATCH_SIZE);
  const energyWh =
    GPU_ENERGY_ALPHA_WH_PER_TOKEN_PER_B * batchFactor * activeParamsB +
    GPU_ENERGY_GAMMA_WH_PER_TOKEN;

  return whToKwh(energyWh);
}

function latencySPerToken(activeParamsB: number): number {
  return (
    LATENCY_ALPHA_S_PER_TOKEN_PER_B * activeParamsB +
    LATENCY_BETA_S_PER_TOKEN_PER_BATCHED_REQUEST * BATCH_SIZE +
    LATENCY_GAMMA_S_PER_TOKEN
  );
}

/**
 * IT energy (before PUE) and embodied emissions of generating `outputTokens`.
 * `latencyCapS` is the measured latency: EcoLogits never lets the modelled
 * generation time exceed it.
 */
export function simulateLlmRun(
  activeParamsB: number,
  totalParamsB: number,
  outputTokens: number,
  latencyCapS: number,
): LlmRun {
  const gpuCount = requiredGpuCount(totalParamsB);
  const latencyS = Math.min(outputTokens * latencySPerToken(activeParamsB), latencyCapS);

  const serverShare = gpuCount / SERVER_GPU_SLOTS;
  const serverEnergyKwh =
    (secondsToHours(latencyS) * SERVER_NON_GPU_POWER_KW * serverShare) / BATCH_SIZE;
  const gpusEnergyKwh = gpuCount * outputTokens * gpuEnergyKwhPerToken(activeParamsB);

  const hardwareEmbodiedKg = serverShare * SERVER_NON_GPU_EMBODIED_KG + gpuCount * GPU_EMBODIED_KG;
  const embodiedKg = (latencyS * hardwareEmbodiedKg) / (HARDWARE_LIFETIME_S * BATCH_SIZE);

  return {
    gpuCount,
    latencyS,
    itEnergyKwh: serverEnergyKwh + gpusEnergyKwh,
    embodiedG: kgToG(embodiedKg),
  };
}

/** Where EcoLogits puts each provider's data centres (its PROVIDER_CONFIG_MAP). */
export interface LlmDatacentre {
  countryIso3: string;
  pueMin: number;
  pueMax: number;
}

export const LLM_PROVIDER_DATACENTRES: Readonly<Record<string, LlmDatacentre>> = {
  anthropic: { countryIso3: 'USA', pueMin: 1.09, pueMax: 1.14 },
  cohere: { countryIso3: 'USA', pueMin: 1.09, pueMax: 1.09 },
  google_genai: { countryIso3: 'USA', pueMin: 1.09, pueMax: 1.09 },
  huggingface_hub: { countryIso3: 'USA', pueMin: 1.09, pueMax: 1.14 },
  mistralai: { countryIso3: 'SWE', pueMin: 1.16, pueMax: 1.16 },
  openai: { countryIso3: 'USA', pueMin: 1.2, pueMax: 1.2 },
};
