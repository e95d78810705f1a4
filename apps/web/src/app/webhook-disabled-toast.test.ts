import { describe, expect, it, vi } from 'vitest';
import type { WebhookDisabledEvent } from '../lib/live-updates.ts';
import { webhookDisabledToast } from './webhook-disabled-toast.ts';

const at = new Date().toISOString();
const event = (description: string | null): WebhookDisabledEvent => ({
  orgId: 'org_acme',
  seq: 4,
  at,
  actor: { id: 'system', name: 'Roster' },
  type: 'webhook.disabled',
  data: {
    webhook: {
      id: 'whk_1',
      url: 'https://hooks.example.com/roster',
      events: ['*'],
      description,
      enabled: false,
      disabledReason: 'Every attempt of member.added #7 failed (HTTP 500)',
      createdAt: at,
      version: 4,
      lastDelivery: { at, status: 'failed', httpStatus: 500 },
    },
  },
});

describe('webhookDisabledToast', () => {
  it('names the endpoint and why, and leads to the Developers page', () => {
    const open = vi.fn();
    const shown = webhookDisabledToast(event('HR sync'), open);
    expect(shown).toMatchObject({
      tone: 'warning',
      title: 'Webhook HR sync was disabled',
      description:
        'Its deliveries kept failing: Every attempt of member.added #7 failed (HTTP 500). Re-enable it on the Developers page once the receiver is fixed.',
    });
    shown.action!.onAction();
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('names an endpoint with no description by its URL, and offers no way where the org is unknown', () => {
    const shown = webhookDisabledToast(event(null), null);
    expect(shown.title).toBe('Webhook https://hooks.example.com/roster was disabled');
    expect(shown.action).toBeUndefined();
  });
});
