import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Logo } from './logo.tsx';
import '../app-shell.css';

/** The signed-out pages' frame: the logo above the card, an optional footer below it. */
export function AuthPage({ children, footer }: { children: ReactNode; footer?: ReactNode }) {
  return (
    <main className="sign-in-page" id="main">
      <Link to="/" aria-label="Roster home" className="sign-in-page__logo">
        <Logo />
      </Link>
      {children}
      {footer && <footer className="sign-in-page__footer">{footer}</footer>}
    </main>
  );
}
