import { setupServer } from 'msw/node';
import { httpHandlers } from './handlers/http-handlers.ts';

/** Component tests run against the same handlers as mock mode. */
export const server = setupServer(...httpHandlers);
