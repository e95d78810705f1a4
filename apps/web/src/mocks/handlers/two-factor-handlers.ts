import { http, HttpResponse } from 'msw';
import { TwoFactorCodeSchema, TwoFactorPasswordSchema } from '@roster/contracts';
import { MOCK_TOTP_CODE, mockBackupCodes } from '../account-db.ts';
import { assertPassword, syncMemberTwoFactor } from '../account-rules.ts';
import { db, findPerson, setSession } from '../db.ts';
import { MockRefusal, refusalsAsResponses } from '../mock-errors.ts';
import { body } from './request-body.ts';
import { requireSession } from './session.ts';

const path = '/api/auth/two-factor';
const wrongCode = () => new MockRefusal('UNAUTHENTICATED', 'Invalid code', { reason: 'INVALID_CODE' });
/** What the mocks put in the authenticator URI (the secret designers can type by hand). */
const MOCK_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

/** The second sign-in step, and setting two-factor up or down from the account page. */
export const twoFactorHandlers = [
  http.post(`${path}/verify-totp`, ({ request }) =>
    refusalsAsResponses(async () => {
      const { code } = await body(request, TwoFactorCodeSchema);
      const pending = findPerson(db.auth.pendingTwoFactorUserId);
      if (pending) {
        if (code !== MOCK_TOTP_CODE) throw wrongCode();
        db.auth.pendingTwoFactorUserId = null;
        setSession(pending.id);
        return HttpResponse.json({ token: 'mock-session' });
      }
      // Signed in: the first code after "enable" turns two-factor on.
      const person = requireSession();
      if (code !== MOCK_TOTP_CODE) throw wrongCode();
      if (db.auth.enrolling.delete(person.id)) {
        person.twoFactorEnabled = true;
        person.version += 1;
        syncMemberTwoFactor(person);
      }
      return HttpResponse.json({ token: 'mock-session' });
    }),
  ),
  http.post(`${path}/verify-backup-code`, ({ request }) =>
    refusalsAsResponses(async () => {
      const { code } = await body(request, TwoFactorCodeSchema);
      const pending = findPerson(db.auth.pendingTwoFactorUserId);
      if (!pending || !pending.backupCodes.includes(code)) throw wrongCode();
      pending.backupCodes = pending.backupCodes.filter((c) => c !== code);
      db.auth.pendingTwoFactorUserId = null;
      setSession(pending.id);
      return HttpResponse.json({ token: 'mock-session' });
    }),
  ),
  http.post(`${path}/enable`, ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      assertPassword(person, (await body(request, TwoFactorPasswordSchema)).password);
      person.backupCodes = mockBackupCodes();
      db.auth.enrolling.add(person.id);
      const label = encodeURIComponent(`Roster:${person.email}`);
      return HttpResponse.json({
        totpURI: `otpauth://totp/${label}?secret=${MOCK_SECRET}&issuer=Roster&digits=6&period=30`,
        backupCodes: person.backupCodes,
      });
    }),
  ),
  http.post(`${path}/disable`, ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      assertPassword(person, (await body(request, TwoFactorPasswordSchema)).password);
      person.twoFactorEnabled = false;
      person.backupCodes = [];
      person.version += 1;
      syncMemberTwoFactor(person);
      return HttpResponse.json({ status: true });
    }),
  ),
  http.post(`${path}/generate-backup-codes`, ({ request }) =>
    refusalsAsResponses(async () => {
      const person = requireSession();
      assertPassword(person, (await body(request, TwoFactorPasswordSchema)).password);
      if (!person.twoFactorEnabled) throw new MockRefusal('VALIDATION_FAILED', 'Two-factor is not on');
      person.backupCodes = mockBackupCodes().reverse();
      return HttpResponse.json({ status: true, backupCodes: person.backupCodes });
    }),
  ),
];
