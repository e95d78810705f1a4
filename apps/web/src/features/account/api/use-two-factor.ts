import { useMutation } from '@tanstack/react-query';
import { TwoFactorCodeSchema, TwoFactorEnableResponseSchema, TwoFactorPasswordSchema } from '@roster/contracts';
import { z } from 'zod';
import { apiRequest } from '../../../lib/api-client.ts';

const path = '/api/auth/two-factor';
const BackupCodesSchema = z.object({ backupCodes: z.array(z.string()) });

/** Starts setup: the URI to scan and the recovery codes; two-factor is on once a code is confirmed. */
export function enableTwoFactor(password: string) {
  return apiRequest(`${path}/enable`, {
    method: 'POST',
    body: TwoFactorPasswordSchema.parse({ password }),
    schema: TwoFactorEnableResponseSchema,
  });
}

/** The first code from the app proves it was set up right, and turns two-factor on. */
export function confirmTwoFactor(code: string) {
  return apiRequest(`${path}/verify-totp`, { method: 'POST', body: TwoFactorCodeSchema.parse({ code }) });
}

export function disableTwoFactor(password: string) {
  return apiRequest(`${path}/disable`, { method: 'POST', body: TwoFactorPasswordSchema.parse({ password }) });
}

/** New recovery codes; the old ones stop working. */
export function generateBackupCodes(password: string) {
  return apiRequest(`${path}/generate-backup-codes`, {
    method: 'POST',
    body: TwoFactorPasswordSchema.parse({ password }),
    schema: BackupCodesSchema,
  });
}

export const useEnableTwoFactor = () => useMutation({ mutationFn: enableTwoFactor });
export const useConfirmTwoFactor = () => useMutation({ mutationFn: confirmTwoFactor });
export const useDisableTwoFactor = () => useMutation({ mutationFn: disableTwoFactor });
export const useGenerateBackupCodes = () => useMutation({ mutationFn: generateBackupCodes });
