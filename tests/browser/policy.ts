// The strict Content-Security-Policy the README names, for the browser tests that load a built
// page under it (csp.test.ts, scrolly.test.ts).
import type { Frame, Page } from 'playwright-core';

/** The policy the README says the build runs under. */
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; worker-src 'self' blob:; connect-src 'self'";

/** Serves every HTML page of the build with the policy, and records every violation. */
export async function withPolicy(page: Page): Promise<void> {
  await page.route('**/*.html*', async (route) => {
    const response = await route.fetch();
    await route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': CSP },
    });
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
}
export const violations = (page: Page | Frame) =>
  page.evaluate(() => (window as unknown as { violations: string[] }).violations);
