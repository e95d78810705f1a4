import { writeFile } from 'node:fs/promises';
import { API_REFERENCE_FILE, apiReference } from '../http/api-reference-file.ts';

/** `pnpm docs:api`: writes docs/api-reference.md from the documents the server serves. */
await writeFile(API_REFERENCE_FILE, await apiReference());
console.log(`Wrote ${API_REFERENCE_FILE}`);
