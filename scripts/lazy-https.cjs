// docker-modem requires https at load time (its redirect wrapper) even for unix sockets;
// loading TLS costs milliseconds at every start. Resolve node:https on first use instead.
let real;
const load = () => (real ??= require('node:https'));
module.exports = new Proxy({}, {
  get: (_, key) => load()[key],
  has: (_, key) => key in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, key) => Object.getOwnPropertyDescriptor(load(), key),
  getPrototypeOf: () => Object.getPrototypeOf(load()),
});
