import { z } from 'zod';

/** `GET /api/health`, answered once the database is migrated and ready. */
export const HealthSchema = z.object({ ok: z.literal(true) });
