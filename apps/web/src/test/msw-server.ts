import { setupServer } from 'msw/node';

/**
 * The component tests' request interceptor. It answers nothing on its own: `withServerApp()`
 * puts the server's own app behind it, and any other request fails the test.
 */
export const server = setupServer();
