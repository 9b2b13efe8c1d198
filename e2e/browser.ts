/**
 * Which Chromium to drive: $ARCHGEN_CHROMIUM, then Playwright's own downloaded browser (developer
 * laptops), then Debian's /usr/bin/chromium (CI and these machines). Fails with the install command.
 */
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';

export function resolveChromium(): string {
  const candidates: string[] = [];
  if (process.env.ARCHGEN_CHROMIUM) candidates.push(process.env.ARCHGEN_CHROMIUM);
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own installed.
  }
  candidates.push('/usr/bin/chromium', '/usr/bin/chromium-browser');
  const found = candidates.find((path) => path && existsSync(path));
  if (!found)
    throw new Error(
      'No Chromium found for the E2E tests. Install one: `apt-get install -y chromium` (Debian/Ubuntu), ' +
        'or `npx playwright install chromium`, or set ARCHGEN_CHROMIUM=/path/to/chrome.',
    );
  return found;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Records the page's long tasks (`[start ms, duration ms]`) from now on; read them with
 * `longTasks`. Shared by the import responsiveness test and bench/browser/profile-import.ts.
 */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const tasks: Array<[number, number]> = [];
    (window as unknown as { longTasks: Array<[number, number]> }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([Math.round(entry.startTime), entry.duration]);
    }).observe({ type: 'longtask' });
  });
}

export async function longTasks(page: Page): Promise<Array<[number, number]>> {
  return page.evaluate(() => (window as unknown as { longTasks: Array<[number, number]> }).longTasks);
}

/**
 * Waits for a dialog holding `text` by polling a plain DOM query. Not getByRole: Playwright
 * computes ARIA roles and labels over the whole page on its main thread while it polls, long
 * tasks that are the test's, not the app's.
 */
export async function waitForDialogText(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    (wanted) =>
      [...document.querySelectorAll('[role="dialog"]')].some((d) => d.textContent?.includes(wanted)),
    text,
    { polling: 250, timeout },
  );
}
