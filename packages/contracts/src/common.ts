import { z } from 'zod';
import { MAX_INT4, text } from './text.ts';

/** Ids are opaque strings. */
export const IdSchema = text({ min: 1, max: 64 });

/** Timestamps travel as ISO 8601 strings. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Who did something, as shown next to a change. */
export const ActorSchema = z.object({ id: IdSchema, name: z.string() });
export type Actor = z.infer<typeof ActorSchema>;

/** Optimistic-concurrency version carried by every mutable row. */
export const VersionSchema = z.number().int().positive().max(MAX_INT4);

/**
 * A list's keyset cursor, opaque to clients: pass back the `nextCursor` of the previous page.
 * One the server did not issue is refused with `INVALID_CURSOR`.
 */
export const CursorSchema = text({ max: 1024 });
