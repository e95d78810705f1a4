/** Mock mode has no SMTP_URL: mail lands in the dev mailbox table, as in `pnpm start`. */
export function createTransport(): never {
  throw new Error('SMTP is not available in mock mode');
}
export default { createTransport };
