// Stands in for gRPC/protobuf modules that dockerode only uses for BuildKit sessions.
module.exports = {};
