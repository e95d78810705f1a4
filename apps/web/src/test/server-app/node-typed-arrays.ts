import { Buffer } from 'node:buffer';

/**
 * jsdom puts its own Uint8Array on the global object, while Node's crypto and TextEncoder keep
 * returning Node's: the server's crypto libraries (the auth library's JWTs, the mail's nonces)
 * check `instanceof Uint8Array` and refuse their own bytes. The server runs in this process, so
 * the global is Node's again; browser code only ever sees ordinary typed arrays either way.
 */
const NodeUint8Array = Object.getPrototypeOf(Buffer.prototype).constructor as Uint8ArrayConstructor;
globalThis.Uint8Array = NodeUint8Array;
