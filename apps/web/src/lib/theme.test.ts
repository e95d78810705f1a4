import { afterEach, describe, expect, it } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { applyThemeChoice, readThemeChoice, setThemeChoice, THEME_STORAGE_KEY, useThemeChoice } from './theme.ts';

const root = document.documentElement;

afterEach(() => {
  localStorage.clear();
  root.removeAttribute('data-theme');
});

describe('theme choice', () => {
  it('reads a saved choice, and falls back to the system for anything else', () => {
    expect(readThemeChoice(localStorage)).toBe('system');
    localStorage.setItem(THEME_STORAGE_KEY, 'dark');
    expect(readThemeChoice(localStorage)).toBe('dark');
    localStorage.setItem(THEME_STORAGE_KEY, 'sepia');
    expect(readThemeChoice(localStorage)).toBe('system');
    const blocked = {
      getItem: () => {
        throw new Error('storage disabled');
      },
    };
    expect(readThemeChoice(blocked)).toBe('system');
  });

  it('pins light or dark on <html>, and leaves the system choice to CSS', () => {
    applyThemeChoice('dark', root);
    expect(root).toHaveAttribute('data-theme', 'dark');
    applyThemeChoice('light', root);
    expect(root).toHaveAttribute('data-theme', 'light');
    applyThemeChoice('system', root);
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('saves, applies and announces a new choice', () => {
    const { result } = renderHook(() => useThemeChoice());
    act(() => setThemeChoice('dark'));
    expect(result.current).toBe('dark');
    expect(localStorage.getItem(THEME_STORAGE_KEY)).toBe('dark');
    expect(root).toHaveAttribute('data-theme', 'dark');
    act(() => setThemeChoice('system'));
    expect(result.current).toBe('system');
    expect(root).not.toHaveAttribute('data-theme');
  });

  it('follows a choice made in another tab', () => {
    const { result } = renderHook(() => useThemeChoice());
    act(() => {
      localStorage.setItem(THEME_STORAGE_KEY, 'light');
      window.dispatchEvent(new StorageEvent('storage', { key: THEME_STORAGE_KEY, newValue: 'light' }));
    });
    expect(result.current).toBe('light');
    expect(root).toHaveAttribute('data-theme', 'light');
  });

  it('keeps working for this tab when storage refuses to save', () => {
    const full = {
      setItem: () => {
        throw new Error('quota');
      },
    };
    act(() => setThemeChoice('dark', full));
    expect(root).toHaveAttribute('data-theme', 'dark');
  });
});
