/** Placeholder rows with the table's rhythm while the first page loads. */
export function MembersSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div className="members-skeleton" role="status" aria-label="Loading members">
      <div className="members-skeleton__head" />
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="members-skeleton__row" style={{ opacity: 1 - i * 0.1 }}>
          <span className="skeleton skeleton--avatar" />
          <span className="skeleton skeleton--text" style={{ width: `${18 + ((i * 7) % 10)}%` }} />
          <span className="skeleton skeleton--pill" />
          <span className="skeleton skeleton--text" style={{ width: '16%' }} />
          <span className="skeleton skeleton--text" style={{ width: '10%' }} />
        </div>
      ))}
    </div>
  );
}
