import { setupServer } from 'msw/node';
import { httpHandlers } from '../mocks/handlers/http-handlers.ts';

/** The component tests' request interceptor: `withServerApp()` puts the server's own app behind it. */
export const server = setupServer(...httpHandlers);
