import type { MouseEvent } from 'react';

/**
 * The first stop for the keyboard: jumps past the header to the page's main content. Focus is
 * moved by hand, so the URL keeps no `#main` and the router sees no navigation.
 */
export function SkipLink({ target = 'main' }: { target?: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(target);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView?.({ block: 'start' });
  };
  return (
    <a className="skip-link" href={`#${target}`} onClick={skip}>
      Skip to content
    </a>
  );
}
