import { beforeEach, describe, expect, it } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PresencePerson } from '@roster/contracts';
import { TooltipProvider } from '../../components/ui/tooltip.tsx';
import { PresenceHint } from './presence-hint.tsx';
import { PresenceTitle } from './presence-title.tsx';
import { usePresenceStore } from './presence-store.ts';

const person = (name: string, extra: Partial<PresencePerson> = {}): PresencePerson => ({
  userId: `usr_${name.split(' ')[0]!.toLowerCase()}`,
  name,
  editing: null,
  away: false,
  ...extra,
});
const ada = person('Ada Lovelace');

function showOthers(people: PresencePerson[]) {
  act(() => {
    usePresenceStore.getState().enter({ orgId: 'org_acme', view: 'members', selfId: ada.userId });
    usePresenceStore.getState().receive({ orgId: 'org_acme', view: 'members', people: [ada, ...people] });
  });
}

const renderWithTooltips = (ui: React.ReactNode) => render(<TooltipProvider delayDuration={0}>{ui}</TooltipProvider>);

describe('who else is on the page', () => {
  beforeEach(() => {
    usePresenceStore.setState({ orgId: null, view: null, selfId: null, editing: null, away: false, others: [] });
  });

  it('shows nothing beside the title when you are alone', () => {
    renderWithTooltips(<PresenceTitle>Members</PresenceTitle>);
    showOthers([]);
    expect(screen.getByRole('heading', { name: 'Members' })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Also on this page' })).not.toBeInTheDocument();
  });

  it('lists the others by name, you never, and someone away as away', async () => {
    renderWithTooltips(<PresenceTitle>Members</PresenceTitle>);
    showOthers([person('Grace Hopper'), person('Linus Torvalds', { away: true })]);
    const group = await screen.findByRole('group', { name: 'Also on this page' });
    expect(group).toHaveTextContent('GH');
    expect(screen.getByRole('img', { name: 'Grace Hopper' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'Linus Torvalds (away)' })).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: /Ada/ })).not.toBeInTheDocument();
    await userEvent.hover(screen.getByRole('img', { name: 'Grace Hopper' }));
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Grace Hopper');
  });

  it('folds everyone past the fourth into “+N”, named on hover', async () => {
    renderWithTooltips(<PresenceTitle>Members</PresenceTitle>);
    showOthers(
      ['Barbara Liskov', 'Edsger Dijkstra', 'Grace Hopper', 'Linus Torvalds', 'Margaret Hamilton'].map((n) =>
        person(n),
      ),
    );
    expect(await screen.findByRole('img', { name: '2 more: Linus Torvalds, Margaret Hamilton' })).toHaveTextContent(
      '+2',
    );
    expect(screen.getAllByRole('img')).toHaveLength(4);
  });
});

describe('the hint beside what someone is editing', () => {
  beforeEach(() => {
    usePresenceStore.setState({ orgId: null, view: null, selfId: null, editing: null, away: false, others: [] });
  });

  it('names who is changing a row, only on that row', async () => {
    renderWithTooltips(
      <>
        <PresenceHint kind="member" id="usr_linus" />
        <PresenceHint kind="member" id="usr_barbara" />
      </>,
    );
    showOthers([person('Grace Hopper', { editing: { kind: 'member', id: 'usr_linus' } })]);
    expect(await screen.findByRole('img', { name: 'Grace is changing this member' })).toHaveTextContent('GH');
    expect(screen.getAllByRole('img')).toHaveLength(1);
  });

  it('names the part being changed when the page says which', async () => {
    renderWithTooltips(<PresenceHint kind="member" id="usr_linus" />);
    showOthers([person('Grace Hopper', { editing: { kind: 'member', id: 'usr_linus', field: 'role' } })]);
    expect(await screen.findByRole('img', { name: 'Grace is changing this role' })).toBeInTheDocument();
    showOthers([
      person('Grace Hopper', { editing: { kind: 'member', id: 'usr_linus', field: 'role' } }),
      person('Alan Turing', { editing: { kind: 'member', id: 'usr_linus', field: 'access' } }),
    ]);
    expect(await screen.findByRole('img', { name: 'Grace and Alan are changing this member' })).toBeInTheDocument();
  });

  it('says who is editing a settings field in words, and nothing once they stop', async () => {
    renderWithTooltips(<PresenceHint kind="setting" id="memberCap-on" labelled />);
    showOthers([person('Grace Hopper', { editing: { kind: 'setting', id: 'memberCap-on' } })]);
    expect(await screen.findByText('Grace is editing')).toBeInTheDocument();
    showOthers([person('Grace Hopper')]);
    expect(screen.queryByText('Grace is editing')).not.toBeInTheDocument();
  });
});
