import type { z } from 'zod';
import {
  AddWorkspaceMembersSchema,
  ApproveInviteRequestSchema,
  BulkMembersActionSchema,
  ChangeEmailSchema,
  ChangePasswordSchema,
  CreateAccessRequestSchema,
  CreateApiKeySchema,
  CreateInvitationsSchema,
  CreateOrgSchema,
  CreateWorkspaceSchema,
  DeleteAccountSchema,
  AddOrgDomainSchema,
  CreateWebhookSchema,
  UpdateWebhookSchema,
  ListWebhookDeliveriesQuerySchema,
  DeleteOrgSchema,
  UpdateOrgDomainSchema,
  VerifyOrgDomainSchema,
  DeleteWorkspaceQuerySchema,
  InvitationSignUpSchema,
  InvitationVersionSchema,
  ListEventsQuerySchema,
  ListAuditQuerySchema,
  ExportAuditQuerySchema,
  RevertAuditEntrySchema,
  ExportMembersQuerySchema,
  ListInvitationsQuerySchema,
  ListInviteRequestsQuerySchema,
  ListMembersQuerySchema,
  ListMyInviteRequestsQuerySchema,
  RejectInviteRequestSchema,
  RemoveMemberQuerySchema,
  RemoveWorkspaceMemberQuerySchema,
  RenameWorkspaceSchema,
  RequestPasswordResetSchema,
  ResendVerificationSchema,
  ResetPasswordSchema,
  TransferOrgSchema,
  SignInSchema,
  SignUpSchema,
  TwoFactorCodeSchema,
  TwoFactorPasswordSchema,
  UndoMemberChangeSchema,
  UpdateInvitationSchema,
  UpdateMeSchema,
  UpdateMemberRoleSchema,
  UpdateOrgSchema,
  UpdateOrgSettingsSchema,
  UpdateWorkspaceMemberSchema,
  WorkspacePeopleQuerySchema,
  boundedText,
} from '@roster/contracts';

/** What the fuzzer sends to one route: the schemas of its body and query, if it reads them. */
export interface FuzzRoute {
  body?: z.ZodType;
  query?: z.ZodType;
  /** For a wildcard route: the concrete paths under it, each with its body schema. */
  under?: Record<string, z.ZodType | undefined>;
}

/**
 * Every route of the app, by `METHOD path` exactly as Hono lists it in `app.routes`. A test
 * fails when a route is missing here, so a new endpoint is fuzzed from the day it exists.
 */
export const fuzzRoutes: Record<string, FuzzRoute> = {
  'GET /api/health': {},
  'GET /api/openapi.json': {},
  'GET /api/asyncapi.json': {},
  'GET /api/docs': {},
  'GET /api/docs/:file': {},
  'POST /api/auth/sign-out': {},
  'GET /api/auth/*': {
    under: {
      'get-session': undefined,
      'list-sessions': undefined,
      'verify-email': undefined,
      'reset-password/x': undefined,
      'two-factor/get-totp-uri': undefined,
      ok: undefined,
      'no-such-thing': undefined,
    },
  },
  'POST /api/auth/*': {
    under: {
      'sign-in/email': SignInSchema,
      'sign-up/email': SignUpSchema,
      'request-password-reset': RequestPasswordResetSchema,
      'reset-password': ResetPasswordSchema,
      'change-password': ChangePasswordSchema,
      'change-email': ChangeEmailSchema,
      'send-verification-email': ResendVerificationSchema,
      'two-factor/verify-totp': TwoFactorCodeSchema,
      'two-factor/verify-backup-code': TwoFactorCodeSchema,
      'two-factor/enable': TwoFactorPasswordSchema,
      'two-factor/disable': TwoFactorPasswordSchema,
      'two-factor/generate-backup-codes': TwoFactorPasswordSchema,
      'update-user': UpdateMeSchema,
      'revoke-sessions': undefined,
      'no-such-thing': undefined,
    },
  },
  'GET /api/me/invitations': {},
  'POST /api/me/invitations/:id/accept': {},
  'POST /api/me/invitations/:id/decline': {},
  'GET /api/me/invite-requests': { query: ListMyInviteRequestsQuerySchema },
  'GET /api/me/sessions': {},
  'GET /api/me/suggested-orgs': {},
  'POST /api/me/suggested-orgs/:orgId/join': {},
  'POST /api/me/sessions/revoke-others': {},
  'DELETE /api/me/sessions/:id': {},
  'POST /api/me/delete': { body: DeleteAccountSchema },
  'GET /api/me': {},
  'PATCH /api/me': { body: UpdateMeSchema },
  'POST /api/orgs': { body: CreateOrgSchema },
  'GET /api/orgs/by-slug/:slug': {},
  'GET /api/orgs/:orgId': {},
  'PATCH /api/orgs/:orgId': { body: UpdateOrgSchema },
  'POST /api/orgs/:orgId/transfer': { body: TransferOrgSchema },
  'DELETE /api/orgs/:orgId': { body: DeleteOrgSchema },
  'POST /api/orgs/:orgId/restore': {},
  'GET /api/orgs/:orgId/domains': {},
  'POST /api/orgs/:orgId/domains': { body: AddOrgDomainSchema },
  'POST /api/orgs/:orgId/domains/:id/verify': { body: VerifyOrgDomainSchema },
  'PATCH /api/orgs/:orgId/domains/:id': { body: UpdateOrgDomainSchema },
  'DELETE /api/orgs/:orgId/domains/:id': {},
  'GET /api/orgs/:orgId/api-keys': {},
  'POST /api/orgs/:orgId/api-keys': { body: CreateApiKeySchema },
  'DELETE /api/orgs/:orgId/api-keys/:id': {},
  'GET /api/orgs/:orgId/webhooks': {},
  'POST /api/orgs/:orgId/webhooks': { body: CreateWebhookSchema },
  'PATCH /api/orgs/:orgId/webhooks/:id': { body: UpdateWebhookSchema },
  'DELETE /api/orgs/:orgId/webhooks/:id': {},
  'POST /api/orgs/:orgId/webhooks/:id/rotate-secret': {},
  'GET /api/orgs/:orgId/webhooks/:id/deliveries': { query: ListWebhookDeliveriesQuerySchema },
  'POST /api/orgs/:orgId/webhooks/:id/deliveries/:deliveryId/redeliver': {},
  'GET /api/orgs/:orgId/members': { query: ListMembersQuerySchema },
  'POST /api/orgs/:orgId/members/bulk': { body: BulkMembersActionSchema },
  'POST /api/orgs/:orgId/members/undo': { body: UndoMemberChangeSchema },
  'GET /api/orgs/:orgId/members/:userId/access': {},
  'PATCH /api/orgs/:orgId/members/:userId': { body: UpdateMemberRoleSchema },
  'DELETE /api/orgs/:orgId/members/:userId': { query: RemoveMemberQuerySchema },
  'GET /api/orgs/:orgId/invitations': { query: ListInvitationsQuerySchema },
  'POST /api/orgs/:orgId/invitations': { body: CreateInvitationsSchema },
  'PATCH /api/orgs/:orgId/invitations/:id': { body: UpdateInvitationSchema },
  'POST /api/orgs/:orgId/invitations/:id/resend': { body: InvitationVersionSchema },
  'POST /api/orgs/:orgId/invitations/:id/renew': { body: InvitationVersionSchema },
  'POST /api/orgs/:orgId/invitations/:id/revoke': { body: InvitationVersionSchema },
  'POST /api/orgs/:orgId/invitations/:id/link': {},
  'GET /api/orgs/:orgId/invite-requests': { query: ListInviteRequestsQuerySchema },
  'POST /api/orgs/:orgId/invite-requests/:id/approve': { body: ApproveInviteRequestSchema },
  'POST /api/orgs/:orgId/invite-requests/:id/reject': { body: RejectInviteRequestSchema },
  'GET /api/orgs/:orgId/workspaces': {},
  'POST /api/orgs/:orgId/workspaces': { body: CreateWorkspaceSchema },
  'PATCH /api/orgs/:orgId/workspaces/:wsId': { body: RenameWorkspaceSchema },
  'DELETE /api/orgs/:orgId/workspaces/:wsId': { query: DeleteWorkspaceQuerySchema },
  'GET /api/orgs/:orgId/workspaces/:wsId/deletion-impact': {},
  'GET /api/orgs/:orgId/workspaces/:wsId/members': {},
  'GET /api/orgs/:orgId/workspaces/:wsId/people': { query: WorkspacePeopleQuerySchema },
  'POST /api/orgs/:orgId/workspaces/:wsId/members': { body: AddWorkspaceMembersSchema },
  'PATCH /api/orgs/:orgId/workspaces/:wsId/members/:userId': { body: UpdateWorkspaceMemberSchema },
  'DELETE /api/orgs/:orgId/workspaces/:wsId/members/:userId': { query: RemoveWorkspaceMemberQuerySchema },
  'GET /api/orgs/:orgId/settings': {},
  'PATCH /api/orgs/:orgId/settings': { body: UpdateOrgSettingsSchema },
  'POST /api/orgs/:orgId/leave': {},
  'GET /api/orgs/:orgId/admins': {},
  'POST /api/orgs/:orgId/access-requests': { body: CreateAccessRequestSchema },
  'POST /api/invitations/:token/sign-up': { body: InvitationSignUpSchema },
  'GET /api/invitations/:token': {},
  'POST /api/invitations/:token/accept': {},
  'POST /api/invitations/:token/decline': {},
  'GET /api/dev/mailbox': {},
  'GET /api/orgs/:orgId/events': { query: ListEventsQuerySchema },
  'GET /api/orgs/:orgId/audit': { query: ListAuditQuerySchema },
  'GET /api/orgs/:orgId/audit/export': { query: ExportAuditQuerySchema },
  'POST /api/orgs/:orgId/audit/:entryId/revert': { body: RevertAuditEntrySchema },
  'GET /api/orgs/:orgId/members/export': { query: ExportMembersQuerySchema },
};

/** The routes the app serves, as `METHOD path`, without middleware and the catch-all 404. */
export function servedRoutes(app: { routes: Array<{ method: string; path: string }> }): string[] {
  const served = app.routes.filter((route) => route.method !== 'ALL').map((route) => `${route.method} ${route.path}`);
  return [...new Set(served)].sort();
}

/**
 * Paths inside a request schema to strings that are not bounded text (`text()`/`emailText()`
 * of the contracts): each is a field a client could fill with megabytes or NUL.
 */
export function unboundedStrings(schema: z.ZodType, path = ''): string[] {
  const def = (schema as unknown as { _zod: { def: SchemaDef } })._zod.def;
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'nullable':
      return unboundedStrings(def.innerType!, path);
    case 'object':
      return Object.entries(def.shape!).flatMap(([key, value]) => unboundedStrings(value, `${path}.${key}`));
    case 'array':
      return unboundedStrings(def.element!, `${path}[]`);
    case 'union':
      return def.options!.flatMap((option) => unboundedStrings(option, path));
    case 'string':
      return boundedText.has(schema) ? [] : [path || '(root)'];
    default:
      return [];
  }
}

interface SchemaDef {
  type: string;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
}
