import { Toast } from 'radix-ui';
import { useToastStore, type ToastItem } from './toast-store.ts';
import { Icon } from './icon.tsx';
import './toaster.css';

const icons = { info: 'info', success: 'check', warning: 'alert', error: 'alert' } as const;

/** Renders the toast queue with Radix Toast: announced politely, swipe and Escape to dismiss. */
export function Toaster() {
  const toasts = useToastStore((s) => s.toasts);
  return (
    <Toast.Provider swipeDirection="right" duration={6_000}>
      {toasts.map((t) => (
        <ToastCard key={t.id} item={t} />
      ))}
      <Toast.Viewport className="toast-viewport" />
    </Toast.Provider>
  );
}

/**
 * One toast. An action (Undo) is a real button: F8 moves focus to the toasts, Tab reaches it, and
 * the timer pauses while the toast is hovered or focused.
 */
function ToastCard({ item }: { item: ToastItem }) {
  const dismiss = useToastStore((s) => s.dismiss);
  const urgent = item.tone === 'error' || item.tone === 'warning';
  return (
    <Toast.Root
      className={`toast toast--${item.tone}`}
      type={urgent ? 'foreground' : 'background'}
      duration={item.duration ?? (urgent ? 9_000 : 5_000)}
      onOpenChange={(open) => !open && dismiss(item.id)}
    >
      <Icon name={icons[item.tone]} className="toast__icon" />
      <div className="toast__body">
        <Toast.Title className="toast__title">{item.title}</Toast.Title>
        {item.description && <Toast.Description className="toast__description">{item.description}</Toast.Description>}
      </div>
      {item.action && (
        <Toast.Action altText={item.action.altText} asChild>
          <button type="button" className="button button--secondary toast__action" onClick={item.action.onAction}>
            {item.action.label}
          </button>
        </Toast.Action>
      )}
      <Toast.Close className="icon-button icon-button--sm toast__close" aria-label="Dismiss">
        <Icon name="x" />
      </Toast.Close>
    </Toast.Root>
  );
}
