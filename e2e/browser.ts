/**
 * Which Chromium to drive: $ARCHGEN_CHROMIUM, then Playwright's own downloaded browser (developer
 * laptops), then Debian's /usr/bin/chromium (CI and these machines). Fails with the install command.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

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
