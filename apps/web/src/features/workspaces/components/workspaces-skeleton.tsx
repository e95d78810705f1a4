/** Placeholder rows while the first answer loads. */
export function WorkspacesSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <div className="members-skeleton" role="status" aria-label="Loading">
      <div className="members-skeleton__head" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="members-skeleton__row" style={{ opacity: 1 - i * 0.12 }}>
          <span className="skeleton skeleton--avatar" />
          <span className="skeleton skeleton--text" style={{ width: `${20 + ((i * 7) % 12)}%` }} />
          <span className="skeleton skeleton--text" style={{ width: '12%' }} />
          <span className="skeleton skeleton--pill" />
        </div>
      ))}
    </div>
  );
}
