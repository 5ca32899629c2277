import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests are server code; the marker package would otherwise throw outside a React server build.
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
  },
  test: {
    environment: "node",
    include: ["**/*.test.ts"],
    exclude: ["node_modules/**", ".next/**", "e2e/**"],
    globalSetup: ["test/setup/global-setup.ts"],
    // Each test file gets its own module registry, hence its own Prisma client and database file.
    isolate: true,
    // Two files at a time, even on two cores (Vitest's default there is one): the slowest files spend
    // most of their time waiting on a command's child process or on SQLite's disk writes, and every
    // file works on its own temporary files, so two files never share anything they write.
    maxWorkers: 2,
    // Time limits only catch a hang: tests that import or spawn processes take many times longer on a
    // loaded 2-core machine than on a quiet one, and no test may depend on the machine's speed.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
