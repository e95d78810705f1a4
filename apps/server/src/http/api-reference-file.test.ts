import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_REFERENCE_FILE, apiReference } from './api-reference-file.ts';

describe('docs/api-reference.md', () => {
  it('is the page the documents make: run `pnpm docs:api` after changing an operation or a contract', async () => {
    const committed = await readFile(API_REFERENCE_FILE, 'utf8');
    expect(committed === (await apiReference()), 'docs/api-reference.md is stale: run `pnpm docs:api`').toBe(true);
  });
});
