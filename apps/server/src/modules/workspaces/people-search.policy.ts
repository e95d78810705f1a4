import { PEOPLE_SEARCH_MAX_ROWS, PEOPLE_SEARCH_MIN_QUERY, type OrgPerson, type OrgRole } from '@roster/contracts';
import { DomainError } from '../../lib/domain-error.ts';

export interface PeopleSearchTerms {
  limit: number;
  /** Org admins see the directory anyway; everyone else gets who a person is, nothing more. */
  showAccess: boolean;
  /** Counted against the person's searches a minute (people-search-limit.ts). */
  limited: boolean;
}

/**
 * Workspace owners search the org's people to add them, but the search must not become the
 * member directory the org keeps closed to them (R1): a real query, a short page, no roles.
 */
export function peopleSearchTerms(actorRole: OrgRole | null, q: string, limit: number): PeopleSearchTerms {
  if (actorRole === 'ADMIN') return { limit, showAccess: true, limited: false };
  if ([...q].length < PEOPLE_SEARCH_MIN_QUERY) {
    throw new DomainError('VALIDATION_FAILED', `Type at least ${PEOPLE_SEARCH_MIN_QUERY} characters to search`, {
      fields: [{ path: 'q', message: `At least ${PEOPLE_SEARCH_MIN_QUERY} characters` }],
    });
  }
  return { limit: Math.min(limit, PEOPLE_SEARCH_MAX_ROWS), showAccess: false, limited: true };
}

/** Only who the person is: no org role, no lite flag, for those who may not see the directory. */
export function shownPerson(person: Required<OrgPerson>, terms: PeopleSearchTerms): OrgPerson {
  if (terms.showAccess) return person;
  const { userId, name, email } = person;
  return { userId, name, email };
}
