/** @type {import('next').NextConfig} */
module.exports = {
  // dockerode and better-sqlite3 load native/optional modules at run time; bundling them breaks that.
  serverExternalPackages: ['dockerode', 'docker-modem', 'ssh2', 'cpu-features', 'better-sqlite3'],
  poweredByHeader: false,
};
