import { z } from 'zod';
import type { HeaderSpec } from '../operation.ts';

/** A CSV download: its schema is text; the columns are what a reader needs to know. */
export const csvFile = (columns: readonly string[]) =>
  z.string().describe(`A header row, then one row per item. Columns: ${columns.join(', ')}.`);

export const downloadHeaders: HeaderSpec[] = [
  {
    name: 'Content-Disposition',
    description: 'attachment, with the file name (`<org-slug>-…-<date>.<format>`)',
    schema: z.string(),
  },
];
