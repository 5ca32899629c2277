import { test as base, expect } from "@playwright/test";

/**
 * Every page fails its test on a console error, an uncaught exception, or anything the
 * Content-Security-Policy blocked: the `securitypolicyviolation` events the page fires (reported
 * through a binding, which CSP does not govern) and Chromium's console lines about the policy.
 */
export const test = base.extend<{ consoleErrors: string[]; cspViolations: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (m) => {
        if (m.type() === "error") errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "console errors on the page").toEqual([]);
    },
    { auto: true },
  ],
  cspViolations: [
    async ({ page }, use) => {
      const violations: string[] = [];
      await page.exposeBinding("__reportCspViolation", (_source, text: string) => {
        violations.push(text);
      });
      await page.addInitScript(() => {
        document.addEventListener(
          "securitypolicyviolation",
          (e) => {
            const report = (window as unknown as { __reportCspViolation: (text: string) => void }).__reportCspViolation;
            report(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`);
          },
          true,
        );
      });
      page.on("console", (m) => {
        if (/content security policy/i.test(m.text())) violations.push(m.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations on the page").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
