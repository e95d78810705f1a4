import { useEffect, useEffectEvent, useRef, useState, type ComponentProps } from 'react';
import { pageSearchProps } from '../../lib/keyboard-shortcuts.ts';
import { Icon } from './icon.tsx';
import './search-field.css';

const DEBOUNCE_MS = 250;

interface SearchFieldProps {
  /** The search in the URL. */
  value: string;
  onSearch: (q: string) => void;
  label: string;
  placeholder: string;
  className?: string;
}

/**
 * A page's search box (the one `/` focuses): types freely, searches after a pause. The URL value
 * flows back in (back button, "Clear filters") unless it is just the echo of what was typed,
 * which would clobber newer keystrokes. Navigation is asynchronous, so an echo can arrive late,
 * after newer text was pushed: while the box has focus the person is typing, and only their text
 * counts.
 */
export function SearchField({ value, onSearch, label, placeholder, className }: SearchFieldProps) {
  const [text, setText] = useState(value);
  const pushed = useRef(value);
  const input = useRef<HTMLInputElement>(null);
  // Parents re-render on every live event; the pending search must not restart with them.
  const search = useEffectEvent((q: string) => onSearch(q));
  useEffect(() => {
    if (value !== pushed.current && document.activeElement !== input.current) {
      pushed.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const q = text.trim();
    if (q === pushed.current) return;
    const timer = setTimeout(() => {
      pushed.current = q;
      search(q);
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return (
    <SearchBox
      ref={input}
      className={className}
      aria-label={label}
      {...pageSearchProps}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && text && (e.preventDefault(), setText(''))}
      autoComplete="off"
      spellCheck={false}
    />
  );
}

/** A search input with its icon inside; `className` goes to the box, which its place sizes. */
export function SearchBox({ className, ...input }: Omit<ComponentProps<'input'>, 'type'>) {
  return (
    <div className={['search-field', className].filter(Boolean).join(' ')}>
      <Icon name="search" className="search-field__icon" />
      <input type="search" {...input} className="input search-field__input" />
    </div>
  );
}
