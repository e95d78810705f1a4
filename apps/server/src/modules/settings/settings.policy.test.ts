import { expect, it } from 'vitest';
import { assertMayRequireTwoFactor } from './settings.policy.ts';

it('lets only an admin with two-factor sign-in turn the requirement on; turning it off or keeping it is free', () => {
  const off = { requireTwoFactor: false };
  const on = { requireTwoFactor: true };
  expect(() => assertMayRequireTwoFactor({ before: off, after: on, actorHasTwoFactor: false })).toThrow(
    expect.objectContaining({ code: 'VALIDATION_FAILED' }),
  );
  expect(() => assertMayRequireTwoFactor({ before: off, after: on, actorHasTwoFactor: true })).not.toThrow();
  expect(() => assertMayRequireTwoFactor({ before: on, after: off, actorHasTwoFactor: false })).not.toThrow();
  expect(() => assertMayRequireTwoFactor({ before: on, after: on, actorHasTwoFactor: false })).not.toThrow();
  expect(() => assertMayRequireTwoFactor({ before: off, after: off, actorHasTwoFactor: false })).not.toThrow();
});
