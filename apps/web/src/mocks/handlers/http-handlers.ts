import { authHandlers } from './auth-handlers.ts';
import { eventsHandlers } from './events-handlers.ts';
import { meHandlers } from './me-handlers.ts';
import { membersHandlers } from './members-handlers.ts';

/** Every HTTP endpoint, for the browser worker and for component tests alike. */
export const httpHandlers = [...authHandlers, ...meHandlers, ...membersHandlers, ...eventsHandlers];
