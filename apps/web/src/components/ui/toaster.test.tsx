import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Toaster } from './toaster.tsx';
import { toast } from './toast-store.ts';

afterEach(() => vi.useRealTimers());

function pushUndoToast(onAction = vi.fn()) {
  act(() => {
    toast({
      tone: 'success',
      title: 'Grace Hopper is now Admin',
      duration: 10_000,
      action: { label: 'Undo', altText: 'Undo, or set her role back in the list', onAction },
    });
  });
  return onAction;
}

describe('Toaster', () => {
  it('shows an action as a button that runs it and closes the toast', async () => {
    const user = userEvent.setup();
    render(<Toaster />);
    const onAction = pushUndoToast();

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    expect(onAction).toHaveBeenCalledOnce();
    expect(screen.queryByText('Grace Hopper is now Admin')).not.toBeInTheDocument();
  });

  it('announces the toast with its action in a status region, and lets the keyboard reach the action', async () => {
    const user = userEvent.setup();
    render(<Toaster />);
    const onAction = pushUndoToast();

    const status = await screen.findByRole('status');
    // Radix fills the live region a frame later, so screen readers notice the change.
    await waitFor(() => expect(status).toHaveTextContent('Grace Hopper is now Admin'));
    expect(status).toHaveTextContent('Undo, or set her role back in the list');
    expect(status).toHaveAttribute('aria-live', 'polite');
    // F8 jumps to the toasts (Radix's hotkey), Tab walks into the toast to its button.
    await user.keyboard('[F8]');
    expect(screen.getByRole('region', { name: /Notifications/ })).toContainElement(
      document.activeElement as HTMLElement,
    );
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onAction).toHaveBeenCalledOnce();
  });

  it('keeps a toast for the duration it asks for, then lets it go', () => {
    vi.useFakeTimers();
    render(<Toaster />);
    pushUndoToast();

    act(() => {
      vi.advanceTimersByTime(9_900);
    });
    expect(
      within(screen.getByRole('region', { name: /Notifications/ })).getByText('Grace Hopper is now Admin'),
    ).toBeVisible();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByText('Grace Hopper is now Admin')).not.toBeInTheDocument();
  });
});
