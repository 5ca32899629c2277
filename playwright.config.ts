import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's Chromium where it is installed (CI installs it: Playwright's own browser download is not
// reachable there); elsewhere Playwright's own browser, installed with `npx playwright install chromium`.
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  // Room for a loaded two-core machine (CI's): a wait that passes passes as soon as it holds, so a
  // longer limit only changes how long a real failure takes to report. No test asserts a duration.
  timeout: 90_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  outputDir: "test-results/e2e",
  use: {
    baseURL,
    trace: "retain-on-failure",
    // No fades or animated zooms: what a test reads or clicks is the settled drawing, whatever the
    // machine's speed (the explorer honours the setting; see fadeMs in NetworkGraph).
    reducedMotion: "reduce",
    launchOptions: {
      executablePath: systemChromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  // The real built app (npm run build first) on its own database, migrated and seeded afresh.
  webServer: {
    command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && prisma migrate deploy && tsx --conditions=react-server seed/load.ts && next start -p ${port} -H 127.0.0.1`,
    url: `${baseURL}/api/timeline`,
    // Browser tests sign several accounts in within a minute from one address (the sign-in limit is 5).
    env: { DATABASE_URL: "file:./data/e2e.db", NEXT_TELEMETRY_DISABLED: "1", AUTH_SIGN_IN_MAX: "100" },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
