import { useEffect, useEffectEvent, useRef, useState } from 'react';
import { Icon } from '../../../components/ui/icon.tsx';
import { pageSearchProps } from '../../../lib/keyboard-shortcuts.ts';

const DEBOUNCE_MS = 250;

/**
 * Types freely, filters after a pause. The URL's value flows back in (back button, "Clear
 * filters") unless the box has focus, where only the person's own typing counts.
 */
export function AuditSearch({ value, onSearch }: { value: string; onSearch: (q: string) => void }) {
  const [text, setText] = useState(value);
  const pushed = useRef(value);
  const input = useRef<HTMLInputElement>(null);
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
    <div className="audit-search">
      <Icon name="search" className="audit-search__icon" />
      <input
        ref={input}
        type="search"
        className="input audit-search__input"
        aria-label="Search the audit log"
        {...pageSearchProps}
        placeholder="Search names and emails"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && text && (e.preventDefault(), setText(''))}
        autoComplete="off"
        spellCheck={false}
      />
    </div>
  );
}
