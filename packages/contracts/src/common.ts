import { z } from 'zod';

/** Ids are opaque strings. */
export const IdSchema = z.string().min(1).max(64);

/** Timestamps travel as ISO 8601 strings. */
export const TimestampSchema = z.iso.datetime({ offset: true });

/** Who did something, as shown next to a change. */
export const ActorSchema = z.object({ id: IdSchema, name: z.string() });
export type Actor = z.infer<typeof ActorSchema>;

/** Optimistic-concurrency version carried by every mutable row. */
export const VersionSchema = z.number().int().positive();
