import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumePoint, rateLimited, sharedLimiter, type LimitStores } from './shared-limiter.ts';

/** The account actions that are limited per client address and per account (R19). */
export type AuthAction = 'sign-in' | 'sign-up' | 'reset' | 'resend' | 'two-factor';

const WINDOW_S = 15 * 60;
/** Per address and action: a whole office behind one NAT still signs in. */
export const PER_IP = 100;
/** Per account: failed sign-ins, or sign-ups, resets and resends asked for it. */
export const PER_ACCOUNT = 10;
/** Codes tried against one two-factor challenge (one sign-in that got the password right). */
export const PER_CHALLENGE = 5;

export interface AuthLimits {
  /** Counts an attempt at `action` from `ip` for `account`; RATE_LIMITED once either is past its limit. */
  attempt(action: AuthAction, ip: string, account: string | null): Promise<void>;
  /** Sign-in answers 429 while an account has failed too often, even with the right password. */
  assertSignInOpen(account: string): Promise<void>;
  /** Counts a failed sign-in; true exactly when this failure locked the account. */
  recordSignInFailure(account: string): Promise<boolean>;
  /**
   * Counts a code tried against one pending two-factor sign-in; RATE_LIMITED past a few. With
   * each challenge counted against the account as an unfinished sign-in, guessing a code is
   * bounded per account, whatever the addresses it comes from.
   */
  attemptTwoFactor(challenge: string): Promise<void>;
  /** A sign-in that finished (the code was right) takes back the point its challenge cost. */
  forgiveSignIn(account: string): Promise<void>;
  /** A verification mail on a refused sign-in: at most a few an hour per address. */
  allowVerificationMail(account: string): Promise<boolean>;
}

export function createAuthLimits(stores: LimitStores): AuthLimits {
  const limiter = (keyPrefix: string, points: number, duration = WINDOW_S): RateLimiterAbstract =>
    sharedLimiter(stores, { keyPrefix, points, duration });
  const perIp = new Map<AuthAction, RateLimiterAbstract>();
  const perAccount = new Map<AuthAction, RateLimiterAbstract>();
  for (const action of ['sign-in', 'sign-up', 'reset', 'resend', 'two-factor'] as const) {
    perIp.set(action, limiter(`auth:${action}:ip`, PER_IP));
    perAccount.set(action, limiter(`auth:${action}:account`, PER_ACCOUNT));
  }
  const verificationMail = limiter('auth:verification-mail', 3, 60 * 60);
  const perChallenge = limiter('auth:two-factor:challenge', PER_CHALLENGE);
  // Null when neither store answered: the database is down too, and sign-in with it.
  const consume = (limit: RateLimiterAbstract, key: string) => consumePoint(limit, key, stores.logger);
  const refuse = (res: RateLimiterRes | null, points: number) => {
    if (res && res.consumedPoints > points) throw rateLimited(res.msBeforeNext);
  };
  return {
    async attempt(action, ip, account) {
      refuse(await consume(perIp.get(action)!, ip), PER_IP);
      // Failed sign-ins are what counts per account; the rest counts every request.
      if (account && action !== 'sign-in') refuse(await consume(perAccount.get(action)!, account), PER_ACCOUNT);
    },
    async assertSignInOpen(account) {
      const res = await perAccount
        .get('sign-in')!
        .get(account)
        .catch(() => null);
      if (res && res.consumedPoints >= PER_ACCOUNT) throw rateLimited(res.msBeforeNext);
    },
    async recordSignInFailure(account) {
      const res = await consume(perAccount.get('sign-in')!, account);
      return res?.consumedPoints === PER_ACCOUNT;
    },
    async attemptTwoFactor(challenge) {
      refuse(await consume(perChallenge, challenge), PER_CHALLENGE);
    },
    async forgiveSignIn(account) {
      await perAccount
        .get('sign-in')!
        .reward(account, 1)
        .catch(() => undefined);
    },
    async allowVerificationMail(account) {
      const res = await consume(verificationMail, account);
      return res === null || res.consumedPoints <= 3;
    },
  };
}

/** Accounts are counted by their address as people type it: case and spaces do not matter. */
export const accountKey = (email: unknown) =>
  typeof email === 'string' ? email.trim().toLowerCase().slice(0, 320) : null;
