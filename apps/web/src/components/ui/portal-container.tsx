import { createContext, useContext, useState, type ReactNode } from 'react';

const PortalContainerContext = createContext<HTMLElement | null>(null);

/**
 * Where popovers, selects, menus and tooltips portal to: the dialog or drawer that holds them, or
 * the body outside any. Inside the dialog's own element they belong to its focus trap and its
 * stacking context, where the layering tokens put them above its content and overlay.
 */
export function usePortalContainer(): HTMLElement | undefined {
  return useContext(PortalContainerContext) ?? undefined;
}

/** A dialog's content element as a state, so its children can portal into it once it exists. */
export function usePortalHost() {
  return useState<HTMLElement | null>(null);
}

export function PortalContainerProvider({ value, children }: { value: HTMLElement | null; children: ReactNode }) {
  return <PortalContainerContext.Provider value={value}>{children}</PortalContainerContext.Provider>;
}
