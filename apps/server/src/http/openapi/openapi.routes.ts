import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { openApiDocument } from './document.ts';

/** The document changes only with a deploy; an hour of caching spares nobody a fix for long. */
const CACHE = 'public, max-age=3600';

/** `GET /api/openapi.json`: the API's OpenAPI 3.1 document, public, written once per process. */
export function openApiRoutes() {
  const body = JSON.stringify(openApiDocument());
  return new Hono<AppEnv>().get('/openapi.json', (c) =>
    c.body(body, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE }),
  );
}
