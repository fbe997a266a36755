/**
 * Preloaded into the server (NODE_OPTIONS=--require) by the safety test: every way Node opens a
 * network connection or resolves a name records the attempt to $CK_NETWORK_LOG and throws.
 */
// The modules themselves, not the read-only namespace copies an `import * as` would give.
import dns = require('dns');
import fs = require('fs');
import http = require('http');
import https = require('https');
import net = require('net');
import tls = require('tls');

const log = process.env.CK_NETWORK_LOG ?? '';

function tripwire(name: string): () => never {
  return () => {
    if (log) fs.appendFileSync(log, `${name}\n${new Error().stack}\n`);
    throw new Error(`network access (${name}) is forbidden in this test`);
  };
}

const patch = (target: object, key: string, name: string): void => {
  Object.defineProperty(target, key, { value: tripwire(name), writable: true, configurable: true });
};

patch(net.Socket.prototype, 'connect', 'net.Socket.connect');
patch(net, 'connect', 'net.connect');
patch(net, 'createConnection', 'net.createConnection');
patch(tls, 'connect', 'tls.connect');
for (const [module, name] of [[http, 'http'], [https, 'https']] as const) {
  patch(module, 'request', `${name}.request`);
  patch(module, 'get', `${name}.get`);
}
for (const key of ['lookup', 'resolve', 'resolve4', 'resolve6']) patch(dns, key, `dns.${key}`);
patch(dns.promises, 'lookup', 'dns.promises.lookup');
patch(globalThis, 'fetch', 'fetch');
