'use client';

/** Unexpected failures (bugs) land here; expected ones (engine unreachable) are shown by the page. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main>
      <section className="panel unreachable" role="alert">
        <h2>Something went wrong</h2>
        <p>{error.message || 'An unexpected error occurred.'}</p>
        {error.digest && <p className="muted">Reference: {error.digest}</p>}
        <button type="button" onClick={reset}>
          Try again
        </button>
      </section>
    </main>
  );
}
