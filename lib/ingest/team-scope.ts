// A team's API key sends events for that team only: events that name no
// team take the key's, events that name another are rejected.
import type { ParseResult } from '@/lib/ingest/types';

export function scopeToTeam(parsed: ParseResult, teamSlug: string | null): ParseResult {
  if (teamSlug === null) return parsed;

  return {
    items: parsed.items.map((item) => {
      if (!item.ok) return item;
      const named = item.event.teamSlug;
      if (named === undefined) return { ...item, event: { ...item.event, teamSlug } };
      if (named === teamSlug) return item;

      return {
        index: item.index,
        ok: false as const,
        issues: [
          {
            path: item.sourcePath('teamSlug'),
            reason: `this API key belongs to team "${teamSlug}" and may not send events for team "${named}"`,
          },
        ],
      };
    }),
  };
}
