import { describe, expect, it } from 'vitest';
import { peopleSearchTerms, shownPerson } from './people-search.policy.ts';

const person = {
  userId: 'u1',
  name: 'Linus Tester',
  email: 'linus@example.test',
  role: 'MEMBER' as const,
  lite: false,
};

describe('people search terms (R1)', () => {
  it('gives admins what they asked for, uncounted, with roles', () => {
    const terms = peopleSearchTerms('ADMIN', 'l', 50);
    expect(terms).toEqual({ limit: 50, showAccess: true, limited: false });
    expect(shownPerson(person, terms)).toEqual(person);
  });

  it('holds non-admins to two characters, 20 rows, counted, and who each person is only', () => {
    expect(() => peopleSearchTerms('MEMBER', 'l', 8)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    const terms = peopleSearchTerms('MEMBER', 'li', 50);
    expect(terms).toEqual({ limit: 20, showAccess: false, limited: true });
    expect(peopleSearchTerms('MEMBER', 'li', 8).limit).toBe(8);
    expect(shownPerson(person, terms)).toEqual({ userId: 'u1', name: 'Linus Tester', email: 'linus@example.test' });
  });
});
