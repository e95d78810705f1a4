import type { z } from 'zod';
import { COMPONENTS, componentsOf, contractNames, reachable, type JsonSchema } from '../openapi/json-schema.ts';
import { SESSION_COOKIE } from '../openapi/operation-object.ts';
import { liveMessages, type LiveMessage } from './live-messages.ts';

export interface AsyncApiDocument {
  asyncapi: string;
  info: { title: string; version: string; description: string };
  channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
  operations: Record<string, AsyncApiOperation>;
  components: {
    messages: Record<string, AsyncApiMessage>;
    schemas: Record<string, JsonSchema>;
    securitySchemes?: Record<string, unknown>;
  };
  [key: string]: unknown;
}

export interface AsyncApiMessage {
  name: string;
  title: string;
  summary: string;
  description?: string;
  payload: JsonSchema;
}

export interface AsyncApiOperation {
  /** From the server's side: it `send`s what reaches the tabs and `receive`s what they emit. */
  action: 'send' | 'receive';
  channel: { $ref: string };
  summary: string;
  messages: Array<{ $ref: string }>;
  reply?: { channel: { $ref: string }; messages: Array<{ $ref: string }> };
}

const CHANNEL = 'live';
const channelRef = { $ref: `#/channels/${CHANNEL}` };

/** `roster:event` → `rosterEvent`: a name AsyncAPI accepts as a key. */
const keyOf = (event: string) => event.replace(/[:._-](\w)/g, (_, c: string) => c.toUpperCase());

/**
 * The live protocol as an AsyncAPI 3.0 document, from the messages table and the contracts, the
 * way the OpenAPI document is built: a payload the contracts export becomes a shared schema.
 * What tabs send is written as the server reads it (`input`), what they receive as the server
 * writes it (`output`); a schema used both ways is refused, as in the OpenAPI document.
 */
export function buildAsyncApiDocument(messages: readonly LiveMessage[] = liveMessages): AsyncApiDocument {
  const names = contractNames();
  const used = { input: new Map<z.ZodType, string>(), output: new Map<z.ZodType, string>() };
  const payloadOf = (schema: z.ZodType, io: 'input' | 'output') => {
    const name = names.get(schema);
    if (!name) throw new Error('Every live payload must be a schema exported from the contracts');
    used[io].set(schema, name);
    return { $ref: `${COMPONENTS}${name}` };
  };

  const components: Pick<AsyncApiDocument['components'], 'messages' | 'schemas'> = { messages: {}, schemas: {} };
  const channelMessages: Record<string, { $ref: string }> = {};
  const operations: Record<string, AsyncApiOperation> = {};
  const addMessage = (key: string, message: AsyncApiMessage) => {
    components.messages[key] = message;
    channelMessages[key] = { $ref: `#/components/messages/${key}` };
    return { $ref: `#/channels/${CHANNEL}/messages/${key}` };
  };

  for (const m of messages) {
    const key = keyOf(m.event);
    const io = m.direction === 'toServer' ? 'input' : 'output';
    const message = addMessage(key, {
      name: m.event,
      title: m.event,
      summary: m.summary,
      description: m.description,
      payload: payloadOf(m.payload, io),
    });
    operations[key] = {
      action: m.direction === 'toClient' ? 'send' : 'receive',
      channel: channelRef,
      summary: m.summary,
      messages: [message],
      ...(m.reply && {
        reply: {
          channel: channelRef,
          messages: [
            addMessage(`${key}Ack`, {
              name: `${m.event} acknowledgement`,
              title: `${m.event} acknowledgement`,
              summary: `The server's answer to ${m.event}, through the Socket.IO acknowledgement callback`,
              payload: payloadOf(m.reply, 'output'),
            }),
          ],
        },
      }),
    };
  }

  const inputs = reachable([...used.input.values()].map(ref), componentsOf(used.input, 'input'));
  const outputs = reachable([...used.output.values()].map(ref), componentsOf(names, 'output'));
  const clash = Object.keys(inputs).find((name) => name in outputs);
  if (clash) throw new Error(`${clash} is both sent and received`);
  components.schemas = Object.fromEntries(
    Object.entries({ ...outputs, ...inputs }).sort(([a], [b]) => a.localeCompare(b)),
  );

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Roster live protocol',
      version: '1',
      description:
        "Socket.IO 4 on the app's own origin, signed in by the session cookie like the pages. Changes reach the org's admins the moment they commit, each org's events numbered by `seq`; a tab that sees a gap, reconnects or hears a heartbeat ahead of it syncs. Generated from the zod contracts the server and the SPA parse with.",
    },
    defaultContentType: 'application/json',
    servers: {
      app: {
        host: '{origin}',
        protocol: 'ws',
        pathname: '/socket.io/',
        description: 'Socket.IO (Engine.IO 4) over WebSocket, with HTTP long-polling when WebSocket is not available.',
        variables: { origin: { default: 'localhost:3000', description: "The app's own host and port" } },
        security: [{ $ref: '#/components/securitySchemes/session' }],
      },
    },
    channels: { [CHANNEL]: { address: '/socket.io/', messages: channelMessages } },
    operations,
    components: {
      ...components,
      securitySchemes: {
        session: {
          type: 'httpApiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `The session cookie signing in sets (\`__Secure-${SESSION_COOKIE}\` over https); the handshake must come from the app's own Origin. API keys do not open sockets.`,
        },
      },
    },
  };
}

const ref = (name: string) => ({ $ref: `${COMPONENTS}${name}` });

let built: AsyncApiDocument | undefined;

/** The document as served: built once, then the same for the process's life. */
export function asyncApiDocument(): AsyncApiDocument {
  return (built ??= buildAsyncApiDocument());
}
