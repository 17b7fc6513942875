// File imports (CodeCarbon CSV, OpenAI usage JSON): parse, optionally assign
// a team, then the same writer as every other source.
import { createHash } from 'node:crypto';

import { estimateLlmCall } from '@/lib/carbon/llm';
import { ingestBatch, type IngestResult } from '@/lib/ingest/ingest';
import { parseCodeCarbonCsv } from '@/lib/ingest/parsers/codecarbon';
import { echoInput } from '@/lib/ingest/parsers/echo';
import { assertBodyNotEmpty, BodyError } from '@/lib/ingest/parsers/errors';
import { parseOpenAiUsage } from '@/lib/ingest/parsers/openai-usage';
import { llmCatalogue } from '@/lib/ingest/pricing-context';
import { SLUG_PATTERN, SLUG_RULE } from '@/lib/ingest/parsers/slug';
import { scopeToTeam } from '@/lib/ingest/team-scope';
import type { ParseResult } from '@/lib/ingest/types';

export interface ImportActor {
  organisationId: string;
  userId?: string | null;
  apiKeyId?: string | null;
  /** The team of a team's API key: its imports belong to that team only. */
  keyTeamSlug?: string | null;
}

export interface ImportOptions {
  fileName?: string;
  /** Team slug every imported event belongs to. */
  team?: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function withTeam(
  parsed: ParseResult,
  team: string | undefined,
  keyTeam: string | null | undefined,
): ParseResult {
  if (keyTeam && team !== undefined && team !== keyTeam) {
    throw new BodyError(
      'invalid_option',
      `team: this API key belongs to team "${keyTeam}" and may not import for team "${team}"`,
    );
  }
  if (team === undefined) return scopeToTeam(parsed, keyTeam ?? null);
  if (!SLUG_PATTERN.test(team))
    throw new BodyError('invalid_option', `team must be a slug: ${SLUG_RULE}`);

  return {
    items: parsed.items.map((item) =>
      item.ok ? { ...item, event: { ...item.event, teamSlug: team } } : item,
    ),
  };
}

export async function importCodeCarbon(
  actor: ImportActor,
  csvText: string,
  options: ImportOptions & { timeZone?: string },
): Promise<IngestResult> {
  assertBodyNotEmpty(csvText);
  const parsed = withTeam(
    parseCodeCarbonCsv(csvText, { timeZone: options.timeZone }),
    options.team,
    actor.keyTeamSlug,
  );

  return ingestBatch(
    { ...actor, source: 'codecarbon', fileName: options.fileName, contentSha256: sha256(csvText) },
    parsed,
  );
}

/**
 * An assumed model applies to every result without one: if EcoLogits does not
 * know it, say so once instead of rejecting each result for the same reason.
 */
function checkAssumedModel(assumeModel: string): void {
  const model = assumeModel.trim();
  if (model === '') throw new BodyError('invalid_option', 'assume_model must not be empty');
  const call = { provider: 'openai', model, outputTokens: 0, requests: 1 };
  if (!('issue' in estimateLlmCall(llmCatalogue(), call))) return;

  throw new BodyError(
    'invalid_option',
    `assume_model "${echoInput(model)}" is not an OpenAI model in the EcoLogits list, so no ` +
      'energy can be estimated for it; choose a listed model such as gpt-4o-mini',
  );
}

export async function importOpenAiUsage(
  actor: ImportActor,
  jsonText: string,
  options: ImportOptions & { assumeModel?: string },
): Promise<IngestResult> {
  if (options.assumeModel !== undefined) checkAssumedModel(options.assumeModel);
  assertBodyNotEmpty(jsonText);
  let body: unknown;
  try {
    body = JSON.parse(jsonText);
  } catch {
    throw new BodyError('invalid_body', 'The file is not valid JSON');
  }
  const parsed = withTeam(
    parseOpenAiUsage(body, { assumeModel: options.assumeModel }),
    options.team,
    actor.keyTeamSlug,
  );

  return ingestBatch(
    {
      ...actor,
      source: 'openai_usage',
      fileName: options.fileName,
      contentSha256: sha256(jsonText),
    },
    parsed,
  );
}
