// docker-modem asks for readable-stream, a copy of Node's own streams: use Node's.
module.exports = require('node:stream');
