// @ts-check

/** @type {import("next").NextConfig} */
const nextConfig = {
  // Native SQLite driver and the Prisma adapter stay outside the server bundle.
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};

module.exports = nextConfig;
