import { useEffect, useRef, type ReactNode } from 'react';
import { Icon, type IconName } from '../../../components/ui/icon.tsx';
import './sign-in.css';

/** The sign-in card's frame for every account page that is not a form of its own (inbox, verified…). */
export function AuthCard({
  icon,
  tone = 'accent',
  title,
  children,
  focusTitle = false,
}: {
  icon?: IconName;
  tone?: 'accent' | 'danger';
  title: string;
  children: ReactNode;
  /** Moves focus to the title on mount: the page changed under the person (a step done, a link followed). */
  focusTitle?: boolean;
}) {
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusTitle) titleRef.current?.focus();
  }, [focusTitle]);
  return (
    <div className="sign-in">
      <section className="sign-in__card" aria-labelledby="auth-card-title">
        {icon && (
          <span className={`sign-in__icon${tone === 'danger' ? ' sign-in__icon--danger' : ''}`} aria-hidden="true">
            <Icon name={icon} size={20} />
          </span>
        )}
        <h1 className="sign-in__title" id="auth-card-title" tabIndex={-1} ref={titleRef}>
          {title}
        </h1>
        {children}
      </section>
    </div>
  );
}
