// Two quarters of realistic telemetry for the demo organisation, as JSON
// events in the public API's format, from a seeded random generator (the
// same events every time). Shapes worth seeing on a dashboard:
// - inference follows a daily cycle (busy afternoons, quiet nights);
// - training comes in bursts of multi-hour GPU runs;
// - search-ranker v2 (from 15 July) needs 40% less energy per inference;
// - the recommendations team serves from a dirtier grid (ap-south-1).

export const DEMO_PERIOD = {
  start: new Date('2026-04-01T00:00:00Z'),
  end: new Date('2026-10-01T00:00:00Z'),
};

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** mulberry32: small, fast, and the same sequence for the same seed. */
export function seededRandom(seed: number) {
  let state = seed >>> 0;

  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);

    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export const DEMO_TEAMS = [
  { slug: 'search', name: 'Search' },
  { slug: 'vision', name: 'Vision' },
  { slug: 'language', name: 'Language' },
  { slug: 'recommendations', name: 'Recommendations' },
  { slug: 'ml-platform', name: 'ML Platform' },
] as const;

type Region = { cloud_provider: string; cloud_region: string };
const EU: Region = { cloud_provider: 'gcp', cloud_region: 'europe-west1' };
const US: Region = { cloud_provider: 'aws', cloud_region: 'us-east-1' };
const INDIA: Region = { cloud_provider: 'aws', cloud_region: 'ap-south-1' };

interface ServedModel {
  slug: string;
  team: string;
  region: Region;
  /** kWh per 1,000 inferences at the busiest hour's batch efficiency. */
  kwhPer1kInferences: number;
  peakInferencesPerHour: number;
}

export const SERVED_MODELS: ServedModel[] = [
  { slug: 'search-ranker', team: 'search', region: EU, kwhPer1kInferences: 0.05, peakInferencesPerHour: 180_000 },
  { slug: 'query-embedder', team: 'search', region: EU, kwhPer1kInferences: 0.02, peakInferencesPerHour: 250_000 },
  { slug: 'product-detector', team: 'vision', region: US, kwhPer1kInferences: 0.4, peakInferencesPerHour: 20_000 },
  { slug: 'image-segmenter', team: 'vision', region: US, kwhPer1kInferences: 0.9, peakInferencesPerHour: 6_000 },
  { slug: 'intent-classifier', team: 'language', region: EU, kwhPer1kInferences: 0.03, peakInferencesPerHour: 90_000 },
  { slug: 'support-summariser', team: 'language', region: US, kwhPer1kInferences: 2.4, peakInferencesPerHour: 3_000 },
  { slug: 'two-tower-recsys', team: 'recommendations', region: INDIA, kwhPer1kInferences: 0.08, peakInferencesPerHour: 150_000 },
  { slug: 'churn-predictor', team: 'recommendations', region: INDIA, kwhPer1kInferences: 0.01, peakInferencesPerHour: 8_000 },
];

/** Trained but not served by us (batch or offline use). */
export const TRAINED_ONLY = [
  { slug: 'demand-forecaster', team: 'ml-platform', region: EU },
  { slug: 'fraud-gbm', team: 'ml-platform', region: US },
];

export const HOSTED_MODELS = [
  { slug: 'gpt-4o', team: 'language', dailyRequests: 1_800, tokensInPerRequest: 1_900, tokensOutPerRequest: 420 },
  { slug: 'gpt-4o-mini', team: 'search', dailyRequests: 12_000, tokensInPerRequest: 800, tokensOutPerRequest: 150 },
  { slug: 'gpt-4.1-mini', team: 'vision', dailyRequests: 2_500, tokensInPerRequest: 1_200, tokensOutPerRequest: 200 },
  { slug: 'gpt-4.1', team: 'recommendations', dailyRequests: 400, tokensInPerRequest: 3_000, tokensOutPerRequest: 600 },
  { slug: 'o3-mini', team: 'ml-platform', dailyRequests: 300, tokensInPerRequest: 2_000, tokensOutPerRequest: 1_500 },
];

export const DEMO_PIPELINES = [
  { slug: 'feature-etl', team: 'ml-platform', region: EU, steps: ['extract', 'transform', 'load'], kwh: 1.6 },
  { slug: 'nightly-retrain', team: 'search', region: EU, steps: ['prepare', 'train', 'evaluate'], kwh: 9 },
  { slug: 'eval-suite', team: 'language', region: US, steps: ['generate', 'score'], kwh: 4 },
  { slug: 'image-labelling', team: 'vision', region: US, steps: ['sample', 'label', 'merge'], kwh: 2.2 },
  { slug: 'embedding-refresh', team: 'search', region: EU, steps: ['embed', 'index'], kwh: 6 },
  { slug: 'batch-scoring', team: 'recommendations', region: INDIA, steps: ['score', 'publish'], kwh: 3.5 },
];

export const RANKER_V2_FROM = new Date('2026-07-15T00:00:00Z');

export type DemoEvent = Record<string, unknown>;

const iso = (ms: number) => new Date(ms).toISOString();

/** Share of peak traffic at a UTC hour: low at night, high mid-afternoon. */
function dailyCycle(hour: number) {
  return 0.25 + 0.75 * Math.max(0, Math.sin(((hour - 6) / 24) * 2 * Math.PI)) ** 1.5;
}

function inferenceEvents(random: () => number, events: DemoEvent[]) {
  const { start, end } = DEMO_PERIOD;
  for (const model of SERVED_MODELS) {
    for (let t = start.getTime(); t < end.getTime(); t += HOUR_MS) {
      const hour = new Date(t).getUTCHours();
      const weekday = new Date(t).getUTCDay();
      const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1;
      const noise = 0.85 + 0.3 * random();
      const inferences = Math.round(model.peakInferencesPerHour * dailyCycle(hour) * weekend * noise);
      const improved = model.slug === 'search-ranker' && t >= RANKER_V2_FROM.getTime();
      const version = model.slug === 'search-ranker' ? (improved ? 'v2' : 'v1') : 'v1';
      // Low traffic batches worse: energy per inference rises at night.
      const batching = 1.25 - 0.25 * dailyCycle(hour);
      const perInference = (model.kwhPer1kInferences / 1000) * batching * (improved ? 0.6 : 1);
      events.push({
        id: `demo-inf-${model.slug}-${t}`,
        kind: 'inference',
        start: iso(t),
        end: iso(t + HOUR_MS),
        team: model.team,
        model: model.slug,
        model_version: version,
        run: `${model.slug}-${version}-serving`,
        run_kind: 'deployment',
        energy_kwh: { gpu: inferences * perInference * 0.75, cpu: inferences * perInference * 0.2, ram: inferences * perInference * 0.05 },
        ...model.region,
        inferences,
      });
    }
  }
}

function trainingEvents(random: () => number, events: DemoEvent[]) {
  const trained = [...SERVED_MODELS, ...TRAINED_ONLY];
  const { start, end } = DEMO_PERIOD;
  let runNumber = 0;
  for (let day = start.getTime(); day < end.getTime(); day += 7 * DAY_MS) {
    for (const model of trained) {
      if (random() > 0.45) continue;
      runNumber += 1;
      const runStart = day + Math.floor(random() * 5) * DAY_MS + Math.floor(random() * 12) * HOUR_MS;
      const hours = 4 + Math.floor(random() * 20);
      const gpus = [8, 16, 32][Math.floor(random() * 3)] ?? 8;
      const version =
        model.slug === 'search-ranker' ? (runStart >= RANKER_V2_FROM.getTime() - 7 * DAY_MS ? 'v2' : 'v1') : 'v1';
      for (let h = 0; h < hours; h += 1) {
        const t = runStart + h * HOUR_MS;
        if (t + HOUR_MS > end.getTime()) break;
        const gpuW = gpus * (520 + 120 * random());
        events.push({
          id: `demo-train-${runNumber}-${h}`,
          kind: 'training',
          start: iso(t),
          end: iso(t + HOUR_MS),
          team: model.team,
          model: model.slug,
          model_version: version,
          run: `train-${model.slug}-${runNumber}`,
          run_kind: 'training',
          power_w: { gpu: gpuW, cpu: gpus * 40, ram: gpus * 12 },
          ...model.region,
          samples: Math.round(gpus * 1_500_000 * (0.9 + 0.2 * random())),
          gpu_hours: gpus,
        });
      }
    }
  }
}

function pipelineEvents(random: () => number, events: DemoEvent[]) {
  const { start, end } = DEMO_PERIOD;
  for (const pipeline of DEMO_PIPELINES) {
    let run = 0;
    for (let day = start.getTime(); day < end.getTime(); day += DAY_MS) {
      run += 1;
      // Every eighth run repeats the previous configuration unchanged.
      const config = run % 8 === 0 ? run - 1 : run;
      let t = day + 2 * HOUR_MS + Math.floor(random() * 60) * 60_000;
      for (const [n, step] of pipeline.steps.entries()) {
        const minutes = 10 + Math.floor(random() * 50);
        const share = n === 1 ? 0.6 : 0.4 / (pipeline.steps.length - 1);
        events.push({
          id: `demo-pipe-${pipeline.slug}-${run}-${step}`,
          kind: 'pipeline_step',
          start: iso(t),
          end: iso(t + minutes * 60_000),
          team: pipeline.team,
          pipeline: pipeline.slug,
          run: `${pipeline.slug}-${run}`,
          run_kind: 'pipeline_run',
          config_hash: `${pipeline.slug}-config-${config}`,
          step,
          energy_kwh: pipeline.kwh * share * (0.8 + 0.4 * random()),
          ...pipeline.region,
        });
        t += minutes * 60_000;
      }
    }
  }
}

function llmEvents(random: () => number, events: DemoEvent[]) {
  const { start, end } = DEMO_PERIOD;
  for (const model of HOSTED_MODELS) {
    for (let day = start.getTime(); day < end.getTime(); day += DAY_MS) {
      const requests = Math.round(model.dailyRequests * (0.8 + 0.4 * random()));
      const tokensIn = requests * model.tokensInPerRequest;
      events.push({
        id: `demo-llm-${model.slug}-${day}`,
        kind: 'llm_api_call',
        start: iso(day),
        end: iso(day + DAY_MS),
        team: model.team,
        provider: 'openai',
        model: model.slug,
        requests,
        tokens_in: tokensIn,
        tokens_cached_in: Math.round(tokensIn * 0.3 * random()),
        tokens_out: requests * model.tokensOutPerRequest,
      });
    }
  }
}

/** Every demo event, in a fixed order, for a fixed seed. */
export function demoEvents(seed = 20260401): DemoEvent[] {
  const random = seededRandom(seed);
  const events: DemoEvent[] = [];
  inferenceEvents(random, events);
  trainingEvents(random, events);
  pipelineEvents(random, events);
  llmEvents(random, events);

  return events;
}
