// The shared part of every route handler: a request id, one error shape,
// one log line per request. Handlers validate, authorise, call lib/, respond.
import { randomUUID } from 'node:crypto';

import { BodyError } from '@/lib/ingest/parsers/errors';
import { ApiError, errorBody, toApiError } from '@/lib/http/errors';
import { log } from '@/lib/log';

export type RouteContext<P> = { params: Promise<P> };

export function fromBodyError(error: BodyError): ApiError {
  const status = error.code === 'too_many_events' ? 413 : 400;

  return new ApiError(status, error.code, error.message);
}

export function route<P = Record<string, string>>(
  handle: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, context: RouteContext<P>): Promise<Response> => {
    const requestId = randomUUID();
    const started = performance.now();
    const path = new URL(request.url).pathname;
    let response: Response;
    try {
      response = await handle(request, context);
    } catch (error) {
      const known = error instanceof BodyError ? fromBodyError(error) : toApiError(error);
      if (known) {
        response = Response.json(errorBody(known, requestId), {
          status: known.status,
          headers: known.headers,
        });
      } else {
        log.error('request.failed', { requestId, path, error: String(error), stack: (error as Error).stack });
        const internal = new ApiError(500, 'internal_error', 'Something went wrong on our side');
        response = Response.json(errorBody(internal, requestId), { status: 500 });
      }
    }
    response.headers.set('x-request-id', requestId);
    log.info('request', {
      requestId,
      method: request.method,
      path,
      status: response.status,
      ms: Math.round(performance.now() - started),
    });

    return response;
  };
}
