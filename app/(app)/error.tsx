'use client';

// A page that failed to render: say so plainly, offer a retry, and show the
// digest the server logged so a user can quote it.
export default function AppError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="page">
      <section className="panel" role="alert">
        <h1>This page could not be shown</h1>
        <p>Something went wrong on our side while loading these figures. Try again in a moment.</p>
        {error.digest && (
          <p className="muted">
            Reference: <code>{error.digest}</code>
          </p>
        )}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </section>
    </main>
  );
}
