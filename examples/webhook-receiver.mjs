// Receives Roster's webhooks and checks each is Roster's before trusting it, with the Standard
// Webhooks library (any other implementation of the specification works the same way).
//   WEBHOOK_SECRET=whsec_… PORT=8787 node examples/webhook-receiver.mjs
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const secret = process.env.WEBHOOK_SECRET;
if (!secret) throw new Error('Set WEBHOOK_SECRET to the endpoint’s signing secret (whsec_…)');
const webhook = new Webhook(secret);
const seen = new Set(); // Deliveries are at least once: the same webhook-id may come twice.

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let event;
    try {
      // Checks the signature over id, timestamp and the raw body, and refuses old timestamps.
      event = webhook.verify(body, request.headers);
    } catch {
      console.error('refused: not signed by Roster');
      return response.writeHead(400).end();
    }
    const id = request.headers['webhook-id'];
    if (!seen.has(id)) {
      seen.add(id);
      console.log(`${event.type}\tseq ${event.data.seq}\tby ${event.data.actor?.name ?? 'Roster'}`);
    }
    // Answer fast with a 2xx; anything else (or 10 s of silence) is retried later.
    response.writeHead(204).end();
  });
});
server.listen(Number(process.env.PORT ?? 8787), '127.0.0.1', () =>
  console.log(`listening on http://127.0.0.1:${server.address().port}`),
);
