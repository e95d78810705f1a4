export function Logo() {
  return (
    <span className="logo">
      <svg width="22" height="22" viewBox="0 0 32 32" aria-hidden="true">
        <rect width="32" height="32" rx="8" fill="var(--accent-600)" />
        <path
          d="M10 22V10h6.5a4 4 0 0 1 .9 7.9L21 22h-3.2l-3.3-3.9H13V22zm3-6.6h3.3a1.5 1.5 0 0 0 0-3H13z"
          fill="#fff"
        />
      </svg>
      <span className="logo__text">Roster</span>
    </span>
  );
}
