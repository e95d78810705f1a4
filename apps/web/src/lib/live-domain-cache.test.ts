import { describe, expect, it } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import type { ListOrgDomainsResponse, OrgDomain, OrgEvent } from '@roster/contracts';
import { applyDomainEvents } from './live-domain-cache.ts';

const ORG = 'org_acme';
const cache = { domainsKey: (orgId: string) => ['domains', orgId], suggestedKey: ['suggested-orgs'] };
const pending: OrgDomain = {
  id: 'dom_1',
  domain: 'acme.test',
  status: 'pending',
  enrollment: 'off',
  verifyEmail: 'it@acme.test',
  createdAt: '2026-12-01T10:00:00.000Z',
  verifiedAt: null,
  version: 1,
};
const verified: OrgDomain = { ...pending, status: 'verified', verifiedAt: '2026-12-01T11:00:00.000Z', version: 2 };

let seq = 10;
const event = (type: `domain.${'added' | 'verified' | 'updated' | 'removed'}`, domain: OrgDomain) =>
  ({
    orgId: ORG,
    seq: seq++,
    at: new Date().toISOString(),
    actor: { id: 'usr_grace', name: 'Grace Hopper' },
    type,
    data: { domain },
  }) as OrgEvent;

function withList(items: OrgDomain[]) {
  const queryClient = new QueryClient();
  queryClient.setQueryData<ListOrgDomainsResponse>(cache.domainsKey(ORG), { items });
  const list = () => queryClient.getQueryData<ListOrgDomainsResponse>(cache.domainsKey(ORG))?.items;
  return { queryClient, list };
}

describe('applyDomainEvents', () => {
  it('appends an added domain and replaces it when it is verified', () => {
    const { queryClient, list } = withList([]);
    applyDomainEvents(queryClient, cache, [event('domain.added', pending), event('domain.verified', verified)]);
    expect(list()).toEqual([verified]);
  });

  it('keeps a newer domain than the event’s (the page’s own answer came first)', () => {
    const { queryClient, list } = withList([verified]);
    applyDomainEvents(queryClient, cache, [event('domain.added', pending)]);
    expect(list()).toEqual([verified]);
  });

  it('drops a removed domain and leaves other orgs’ lists and events alone', () => {
    const { queryClient, list } = withList([pending]);
    applyDomainEvents(queryClient, cache, [
      event('domain.removed', pending),
      { ...event('domain.added', verified), orgId: 'org_other' },
    ]);
    expect(list()).toEqual([]);
    expect(queryClient.getQueryData(cache.domainsKey('org_other'))).toBeUndefined();
  });
});
