import type { World } from './world.ts';

/**
 * The in-process app mails into the dev mailbox table. Refusing every insert there makes the
 * transport fail the way an SMTP server's refusal would: the outbox retries on its own schedule,
 * then gives up, and invitations show "Mail failed". A fixture on the database; no rule changes.
 */
export async function failAllMail(world: World): Promise<void> {
  await world.server.pglite.exec(`
    create or replace function roster_mock_refuse_mail() returns trigger language plpgsql as $$
    begin
      raise exception '550 mailbox unavailable (mock mode: mail-failure scenario)';
    end $$;
    create trigger roster_mock_refuse_mail before insert on dev_mailbox
      for each row execute function roster_mock_refuse_mail();
  `);
}
