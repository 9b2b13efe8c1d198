import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect, DesignerPage } from '../fixtures/designer.ts';

/**
 * The exported zip is the same bytes in every time zone and locale (issue 11, items 1-2): zip
 * entries carry a local-time date, which west of UTC once fell before 1980 ("Export failed") and
 * east of UTC changed the bytes; a locale-aware sort reordered files under sv-SE.
 */
const SETTINGS = [
  { timezoneId: 'America/Los_Angeles', locale: 'en-US' },
  { timezoneId: 'Asia/Tokyo', locale: 'ja-JP' },
  { timezoneId: 'Europe/Stockholm', locale: 'sv-SE' },
] as const;

test('Export -> Download zip gives byte-identical zips in Los Angeles, Tokyo and sv-SE', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // Every zone is tried before anything is asserted, so a failure names all that went wrong.
  const digests: Record<string, string> = {};
  const failures: string[] = [];
  for (const settings of SETTINGS) {
    const where = `${settings.timezoneId} ${settings.locale}`;
    const context = await browser.newContext({ ...settings, acceptDownloads: true });
    try {
      const page = await context.newPage();
      const designer = new DesignerPage(page);
      await designer.goto();
      // Check the emulation took: the page's clock reads in the chosen zone.
      expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
        settings.timezoneId,
      );
      await designer.openTemplate('Three-tier web app');
      await designer.exportDialog.open();
      const downloading = page.waitForEvent('download', { timeout: 60_000 });
      await designer.exportDialog.dialog.getByRole('button', { name: 'Download zip' }).click();
      // A failure shows in the dialog instead of a download; record its text rather than time out.
      const failed = designer.exportDialog.dialog.getByText(/Export failed/);
      const outcome = await Promise.race([
        downloading.then((d) => ({ download: d })),
        failed.waitFor({ timeout: 60_000 }).then(async () => ({ error: await failed.innerText() })),
      ]);
      if ('error' in outcome) {
        failures.push(`${where}: ${outcome.error}`);
        continue;
      }
      await expect(page.getByText(/Export failed/)).toHaveCount(0);
      const bytes = readFileSync(await outcome.download.path());
      expect(bytes.length).toBeGreaterThan(1000);
      digests[where] = createHash('sha256').update(bytes).digest('hex');
    } finally {
      await context.close();
    }
  }
  expect.soft(failures).toEqual([]);
  // One distinct digest: the same bytes everywhere.
  expect(new Set(Object.values(digests)).size, JSON.stringify(digests, null, 2)).toBe(1);
});
