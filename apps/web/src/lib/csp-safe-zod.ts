import { z } from 'zod';

// The page's Content-Security-Policy forbids eval. Zod would probe for it with `Function('')`
// (a CSP violation in the console on every load) and then fall back to this mode anyway.
z.config({ jitless: true });
