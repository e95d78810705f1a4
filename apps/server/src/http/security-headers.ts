import { secureHeaders } from 'hono/secure-headers';

/**
 * Headers on every response, the SPA's included. The built SPA loads only its own files (no
 * inline script, no eval), so scripts are 'self' alone. Styles also allow inline: the dialog
 * and select primitives inject small <style> elements (scroll locking) and style attributes,
 * which cannot run code. The live socket connects to the origins the handshake accepts.
 * HSTS only when the app is served over https: over http a browser ignores it anyway, and a
 * local newcomer must never be pinned to https.
 */
export function securityHeaders(options: { publicUrl: string; trustedOrigins: string[] }) {
  const sockets = options.trustedOrigins.map((origin) => origin.replace(/^http/, 'ws'));
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...sockets],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    crossOriginEmbedderPolicy: false,
    // Invitation and reset links carry their token in the URL: no page ever sends it onward.
    referrerPolicy: 'no-referrer',
    xFrameOptions: 'DENY',
    strictTransportSecurity: options.publicUrl.startsWith('https:') ? 'max-age=31536000; includeSubDomains' : false,
    permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [] },
  });
}
