// How each source names the fields of a NormalisedEvent. Pricing and the
// storage checks see only the normalised event; these turn their field names
// back into the sender's: `energy.gpuW` is `events[3].power_w.gpu`.
import type { SourcePath } from '@/lib/ingest/types';

type Fields = Readonly<Record<string, string>>;

const ATTRIBUTE_PREFIX = 'attributes.';

const EVENT_FIELDS: Fields = {
  windowStart: 'start',
  windowEnd: 'end',
  teamSlug: 'team',
  modelSlug: 'model',
  modelVersion: 'model_version',
  pipelineSlug: 'pipeline',
  runExternalId: 'run',
  runConfigHash: 'config_hash',
  step: 'step',
  pue: 'pue',
  llm: 'model',
  'llm.provider': 'provider',
  'llm.model': 'model',
  location: 'country',
  'location.countryIso': 'country',
  'location.cloudProvider': 'cloud_provider',
  'location.cloudRegion': 'cloud_region',
  'energy.durationS': 'end',
  'energy.cpuW': 'power_w.cpu',
  'energy.gpuW': 'power_w.gpu',
  'energy.ramW': 'power_w.ram',
  'work.inferences': 'inferences',
  'work.requests': 'requests',
  'work.tokensIn': 'tokens_in',
  'work.tokensCachedIn': 'tokens_cached_in',
  'work.tokensOut': 'tokens_out',
  'work.samples': 'samples',
  'work.gpuHours': 'gpu_hours',
  attributes: 'attributes',
};

export type EventEnergyField = 'energy_kwh' | 'energy_wh' | 'power_w';

/** JSON events: `events[i].field`; kWh figures name whichever energy field was sent. */
export function eventSourcePath(
  index: number,
  sent: { energyField?: EventEnergyField; hasId: boolean },
): SourcePath {
  const item = `events[${index}]`;
  const kwhField = sent.energyField === 'energy_wh' ? 'energy_wh' : 'energy_kwh';
  const fields: Fields = {
    ...EVENT_FIELDS,
    ...(sent.hasId && { idempotencyKey: 'id' }),
    energy: sent.energyField ?? 'energy_kwh',
    'energy.totalKwh': kwhField,
    'energy.cpuKwh': `${kwhField}.cpu`,
    'energy.gpuKwh': `${kwhField}.gpu`,
    'energy.ramKwh': `${kwhField}.ram`,
  };

  return (field) => {
    const name = field.startsWith(ATTRIBUTE_PREFIX) ? field : fields[field];

    return name ? `${item}.${name}` : item;
  };
}

const CODECARBON_COLUMNS: Fields = {
  windowStart: 'timestamp',
  windowEnd: 'timestamp',
  pipelineSlug: 'project_name',
  pue: 'pue',
  energy: 'energy_consumed',
  'energy.totalKwh': 'energy_consumed',
  'energy.cpuKwh': 'cpu_energy',
  'energy.gpuKwh': 'gpu_energy',
  'energy.ramKwh': 'ram_energy',
  location: 'country_iso_code',
  'location.countryIso': 'country_iso_code',
  'location.cloudProvider': 'cloud_provider',
  'location.cloudRegion': 'cloud_region',
};

/** CodeCarbon: `line N: column`; `runColumn` holds the run id (run_id or experiment_id). */
export function codeCarbonSourcePath(line: number, runColumn: string | undefined): SourcePath {
  const columns: Fields = {
    ...CODECARBON_COLUMNS,
    ...(runColumn !== undefined && { idempotencyKey: runColumn, runExternalId: runColumn }),
  };

  return (field) => {
    const column = field.startsWith(ATTRIBUTE_PREFIX)
      ? field.slice(ATTRIBUTE_PREFIX.length)
      : columns[field];

    return column ? `line ${line}: ${column}` : `line ${line}`;
  };
}

const OPENAI_RESULT_FIELDS: Fields = {
  modelSlug: 'model',
  llm: 'model',
  'llm.provider': 'model',
  'llm.model': 'model',
  'work.tokensIn': 'input_tokens',
  'work.tokensCachedIn': 'input_cached_tokens',
  'work.tokensOut': 'output_tokens',
  'work.requests': 'num_model_requests',
};

/** OpenAI usage: the window is the bucket's, everything else the result's. */
export function openAiSourcePath(bucketPath: string, resultPath: string): SourcePath {
  return (field) => {
    if (field === 'windowStart') return `${bucketPath}.start_time`;
    if (field === 'windowEnd') return `${bucketPath}.end_time`;
    const name = field.startsWith(ATTRIBUTE_PREFIX)
      ? field.slice(ATTRIBUTE_PREFIX.length)
      : OPENAI_RESULT_FIELDS[field];

    return name ? `${resultPath}.${name}` : resultPath;
  };
}
