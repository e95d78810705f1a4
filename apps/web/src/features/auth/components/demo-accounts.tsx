import { orgRoleLabel, type OrgRole } from '@roster/contracts';

export interface DemoAccount {
  name: string;
  email: string;
  role: OrgRole;
  password: string;
}

const PASSWORD = 'roster-demo';

/** The accounts the server seeds on first start (and the mocks serve); see the server's seed-demo. */
export const demoAccounts: DemoAccount[] = [
  { name: 'Ada Lovelace', email: 'ada@acme.test', role: 'ADMIN', password: PASSWORD },
  { name: 'Grace Hopper', email: 'grace@acme.test', role: 'ADMIN', password: PASSWORD },
  { name: 'Linus Torvalds', email: 'linus@acme.test', role: 'MEMBER', password: PASSWORD },
  { name: 'Eve External', email: 'ext@partner.test', role: 'EXTERNAL', password: PASSWORD },
];

/** A hint for newcomers: click an account to fill the form; the password is the same for all. */
export function DemoAccounts({ onPick }: { onPick: (account: DemoAccount) => void }) {
  return (
    <aside className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title" className="demo-accounts__title">
        Demo accounts
      </h2>
      <p className="demo-accounts__lead">
        Password <code>{PASSWORD}</code> for all. Pick one to fill the form.
      </p>
      <ul className="demo-accounts__list">
        {demoAccounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="demo-account" onClick={() => onPick(account)}>
              {/* Named by what it shows (voice control users say what they see), "Use" first. */}
              <span className="visually-hidden">Use</span> <span className="demo-account__name">{account.name}</span>{' '}
              <span className="demo-account__email">{account.email}</span>{' '}
              <span className={`demo-account__role demo-account__role--${account.role.toLowerCase()}`}>
                {orgRoleLabel[account.role]}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
