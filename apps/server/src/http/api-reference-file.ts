import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { buildAsyncApiDocument } from './asyncapi/document.ts';
import { buildOpenApiDocument } from './openapi/document.ts';
import { referenceMarkdown } from './reference-markdown.ts';

/** The reference page in the repository's docs. */
export const API_REFERENCE_FILE = fileURLToPath(new URL('../../../../docs/api-reference.md', import.meta.url));

/** The page as `pnpm docs:api` writes it: formatted the way the repository formats Markdown. */
export async function apiReference(): Promise<string> {
  const markdown = referenceMarkdown(buildOpenApiDocument(), buildAsyncApiDocument());
  const options = await resolveConfig(API_REFERENCE_FILE);
  return format(markdown, { ...options, filepath: API_REFERENCE_FILE });
}
