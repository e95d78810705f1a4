import { create } from 'zustand';

export type ToastTone = 'info' | 'success' | 'warning' | 'error';

/** One button on a toast, e.g. Undo. */
export interface ToastAction {
  label: string;
  /**
   * Tells screen reader users how else to reach the action, read with the toast (a toast may be
   * gone before they get to it).
   */
  altText: string;
  onAction: () => void;
}

export interface ToastItem {
  id: number;
  title: string;
  description?: string;
  tone: ToastTone;
  action?: ToastAction;
  /** How long it stays, in ms (paused while hovered or focused); by default it follows the tone. */
  duration?: number;
}

interface ToastState {
  toasts: ToastItem[];
  push: (toast: Omit<ToastItem, 'id'>) => number;
  dismiss: (id: number) => void;
}

let nextId = 1;
/** Older toasts give way: a burst of refusals must not bury the page. */
const MAX_VISIBLE = 4;

export const useToastStore = create<ToastState>()((set) => ({
  toasts: [],
  push: (toast) => {
    const id = nextId++;
    set((s) => ({ toasts: [...s.toasts, { ...toast, id }].slice(-MAX_VISIBLE) }));
    return id;
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
}));

/** Shows a toast from anywhere, including mutation callbacks that outlive their component. */
export function toast(item: Omit<ToastItem, 'id' | 'tone'> & { tone?: ToastTone }): number {
  return useToastStore.getState().push({ tone: 'info', ...item });
}
