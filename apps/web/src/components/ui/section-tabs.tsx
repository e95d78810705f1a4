import { Link } from 'react-router';
import './section-tabs.css';

export interface SectionTab {
  id: string;
  label: string;
  /** A live count shown as a badge, e.g. requests waiting. */
  count?: string | undefined;
  /** Where the tab leads (usually `?section=<id>`). */
  to: string;
}

/**
 * A page's sections as links (each one a URL, so it can be shared and walked back); add a
 * section by adding an entry.
 */
export function SectionTabs({ tabs, current, label }: { tabs: SectionTab[]; current: string; label: string }) {
  return (
    <nav className="section-tabs" aria-label={label}>
      {tabs.map((tab) => (
        <Link
          key={tab.id}
          to={tab.to}
          replace
          className="section-tabs__tab"
          aria-current={tab.id === current ? 'page' : undefined}
        >
          {tab.label}
          {tab.count !== undefined && tab.count !== '0' && (
            <span className="section-tabs__count" aria-label={`(${tab.count})`}>
              {tab.count}
            </span>
          )}
        </Link>
      ))}
    </nav>
  );
}
