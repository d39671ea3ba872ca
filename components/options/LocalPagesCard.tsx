export interface LocalPagesCardProps {
  granted: boolean | null;
  message: string | null;
  onGrant: () => void;
  onRevoke: () => void;
}

/** The optional permission for pages served from this computer (saved pages, the demo). */
export function LocalPagesCard({ granted, message, onGrant, onRevoke }: LocalPagesCardProps) {
  return (
    <section class="card" aria-labelledby="local-h" data-testid="local-pages">
      <h2 id="local-h">Pages served from this computer</h2>
      <p class="help">
        Read option chains from http://127.0.0.1 and http://localhost (a saved broker page, an export, the
        bundled demo). Off by default: any local web server could otherwise be read.
      </p>
      <label>
        <input
          type="checkbox"
          name="local-pages"
          checked={granted === true}
          disabled={granted === null}
          onChange={(e) => (e.currentTarget.checked ? onGrant() : onRevoke())}
        />{' '}
        Read pages served from this computer
      </label>
      {message && (
        <p role="status" data-testid="local-pages-message">
          {message}
        </p>
      )}
    </section>
  );
}
