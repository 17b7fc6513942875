// GET /api/health: is the database reachable and are migrations current?
// Answers with states only, never hosts, versions or errors.
import { checkHealth } from '@/lib/db/health';
import { route } from '@/lib/http/handler';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const health = await checkHealth();
  const ok = health.database === 'reachable' && health.migrations === 'current';

  return Response.json({ status: ok ? 'ok' : 'unavailable', ...health }, { status: ok ? 200 : 503 });
});
