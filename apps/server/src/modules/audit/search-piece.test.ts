import { describe, expect, it } from 'vitest';
import { rarestPiece } from './search-piece.ts';

const sample = [
  'ada lovelace {"member": {"name": "person 000012 hopper", "email": "person12.k1@load.test"}}',
  'ada lovelace {"member": {"name": "person 000345 turing", "email": "person345.k1@load.test"}}',
  'grace hopper {"member": {"name": "person 004021 liskov", "email": "person4021.k1@load.test"}}',
];

describe('rarestPiece', () => {
  it('asks the index about a piece of the term that no sampled entry holds', () => {
    const piece = rarestPiece('person1234.k1@load.test', sample);
    expect(piece).not.toBeNull();
    expect('person1234.k1@load.test').toContain(piece);
    expect(sample.some((text) => text.includes(piece!.toLowerCase()))).toBe(false);
  });

  it('takes pieces from within words, in the case the term was typed', () => {
    const piece = rarestPiece('Person 001234', sample)!;
    expect('Person 001234').toContain(piece);
    expect(piece).toMatch(/^[\p{L}\p{N}]{3,6}$/u);
  });

  it('leaves out pieces whose case folding could depend on what follows them', () => {
    expect(rarestPiece('ΟΔΟΣΑ', [])).toBeNull();
    expect(rarestPiece('οδοσα', [])).not.toBeNull();
  });

  it('asks about the whole term when every piece is common or the term is too short', () => {
    expect(rarestPiece('hopper', sample)).toBeNull();
    expect(rarestPiece('ad', sample)).toBeNull();
    expect(rarestPiece('a.b', sample)).toBeNull();
  });
});
