// How every settings form and button shows a failed call: the message, each
// field or line at fault, and the request id a user can quote.
import type { ApiCallError } from '@/lib/client/api';

export function ApiErrorMessage({ error }: { error: ApiCallError | null }) {
  if (!error) return null;

  return (
    <div role="alert" style={{ color: 'var(--danger)', marginTop: '0.5rem' }}>
      <p style={{ margin: 0 }}>
        {error.message}
        {error.requestId ? <span className="muted"> (request {error.requestId})</span> : null}
      </p>
      {error.issues.length > 0 ? (
        <ul>
          {error.issues.map((issue) => (
            <li key={`${issue.path}:${issue.reason}`}>
              <code>{issue.path}</code>: {issue.reason}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
