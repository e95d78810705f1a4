import { Hono, type Context } from 'hono';
import type { AppEnv } from '../context.ts';
import { asyncApiDocument } from '../asyncapi/document.ts';
import { openApiDocument } from './document.ts';

/** The document changes only with a deploy; an hour of caching spares nobody a fix for long. */
const CACHE = 'public, max-age=3600';

/**
 * `GET /api/openapi.json` (the HTTP API, OpenAPI 3.1) and `GET /api/asyncapi.json` (the live
 * protocol, AsyncAPI 3.0): public, each written once per process.
 */
export function openApiRoutes() {
  const served = (document: unknown) => {
    const body = JSON.stringify(document);
    return (c: Context<AppEnv>) =>
      c.body(body, 200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': CACHE });
  };
  return new Hono<AppEnv>()
    .get('/openapi.json', served(openApiDocument()))
    .get('/asyncapi.json', served(asyncApiDocument()));
}
