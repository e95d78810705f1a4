import { z } from 'zod';
import { IdSchema, TimestampSchema, VersionSchema } from './common.ts';
import { emailText, text } from './text.ts';

/** A person's display name: trimmed, 1–100 characters, no control characters. */
export const DisplayNameSchema = text({ min: 1, max: 100, trim: true, tooShort: 'Enter a name' });

/** An email address as accounts hold it (RFC 5321 caps a path at 254 characters). */
export const AccountEmailSchema = emailText(254);

/** A link back into this app that the auth library puts in a mail (a path or our own URL). */
export const CallbackUrlSchema = text({ max: 2048 });

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/** A password as typed: never stored, but still bounded and free of what no keyboard types. */
export const PasswordSchema = text({ min: 1, max: PASSWORD_MAX_LENGTH });

/**
 * The shape of a new password. Strength (common and guessable passwords) is judged by the
 * server, which answers `WEAK_PASSWORD` with a reason a person understands.
 */
export const NewPasswordSchema = text({ min: PASSWORD_MIN_LENGTH, max: PASSWORD_MAX_LENGTH });

/** The signed-in person as `GET /api/me` tells it. */
export const MeUserSchema = z.object({
  id: IdSchema,
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  twoFactorEnabled: z.boolean(),
  /** Carried by `PATCH /api/me`: a stale one gets `VERSION_CONFLICT`. */
  version: VersionSchema,
});
export type MeUser = z.infer<typeof MeUserSchema>;

/** `PATCH /api/me`: the display name, versioned, audited in every org as `member.updated`. */
export const UpdateMeSchema = z.object({ name: DisplayNameSchema, version: VersionSchema }).strict();
export type UpdateMe = z.infer<typeof UpdateMeSchema>;

/** One signed-in device of `GET /api/me/sessions`. */
export const SessionInfoSchema = z.object({
  id: IdSchema,
  /** The session this request came from. */
  current: z.boolean(),
  /** Read from the user agent, e.g. "Firefox on Linux"; "Unknown device" when it says nothing. */
  device: z.string(),
  ip: z.string().nullable(),
  createdAt: TimestampSchema,
  lastActiveAt: TimestampSchema,
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionsResponseSchema = z.object({ items: z.array(SessionInfoSchema) });
export type SessionsResponse = z.infer<typeof SessionsResponseSchema>;

/** `POST /api/me/sessions/revoke-others`: how many sessions were signed out. */
export const RevokeOtherSessionsResponseSchema = z.object({ revoked: z.number().int().nonnegative() });

/** `POST /api/me/delete`: the password confirms it is really you. */
export const DeleteAccountSchema = z.object({ password: PasswordSchema }).strict();
export type DeleteAccount = z.infer<typeof DeleteAccountSchema>;
/** The answer of `POST /api/me/delete`: the account is gone and the session cookies are cleared. */
export const DeleteAccountResponseSchema = z.object({ deleted: z.literal(true) });

/** Details of a refused account deletion: the orgs that still need you (creator or last admin). */
export const DeleteAccountRefusalSchema = z.object({
  orgs: z.array(z.object({ id: IdSchema, name: z.string(), reason: z.enum(['creator', 'last_admin']) })),
});

/** `POST /api/invitations/:token/sign-up`: the address is the invitation's, which the link proves. */
export const InvitationSignUpSchema = z.object({ name: DisplayNameSchema, password: NewPasswordSchema }).strict();
export type InvitationSignUp = z.infer<typeof InvitationSignUpSchema>;
/** The answer of the invitation sign-up: the new account, signed in by the session cookie it sets. */
export const InvitationSignUpResponseSchema = z.object({
  user: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
});
export type InvitationSignUpResponse = z.infer<typeof InvitationSignUpResponseSchema>;

/** Bodies of the auth library's account routes that the web calls (under `/api/auth`). */
export const ResendVerificationSchema = z.object({
  email: AccountEmailSchema,
  callbackURL: CallbackUrlSchema.optional(),
});
export const RequestPasswordResetSchema = z.object({
  email: AccountEmailSchema,
  redirectTo: CallbackUrlSchema.optional(),
});
export const ResetPasswordSchema = z.object({ token: text({ min: 1, max: 512 }), newPassword: NewPasswordSchema });
export const ChangePasswordSchema = z.object({
  currentPassword: PasswordSchema,
  newPassword: NewPasswordSchema,
  revokeOtherSessions: z.boolean().optional(),
});
export const ChangeEmailSchema = z.object({
  newEmail: AccountEmailSchema,
  callbackURL: CallbackUrlSchema.optional(),
});
/** A TOTP code from an authenticator app, or a recovery code. */
export const TwoFactorCodeSchema = z.object({
  code: text({ min: 6, max: 32, trim: true }),
  trustDevice: z.boolean().optional(),
});
export const TwoFactorPasswordSchema = z.object({ password: PasswordSchema });
/** What `POST /api/auth/two-factor/enable` answers: scan the URI, keep the recovery codes. */
export const TwoFactorEnableResponseSchema = z.object({ totpURI: z.string(), backupCodes: z.array(z.string()) });
/** What `POST /api/auth/sign-in/email` answers when the account has two-factor on. */
export const TwoFactorRedirectSchema = z.object({ twoFactorRedirect: z.literal(true) });
/**
 * The auth library's own answer to a route under `/api/auth`. Roster's clients read only its
 * status (and the session cookie it sets), never its fields, which the library may change.
 */
export const AuthLibraryResponseSchema = z.looseObject({});
/** `POST /api/auth/sign-in/email`: signed in, or the second step (a code) comes first. */
export const SignInResponseSchema = z.union([TwoFactorRedirectSchema, AuthLibraryResponseSchema]);
