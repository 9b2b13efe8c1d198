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
  const digests: string[] = [];
  for (const settings of SETTINGS) {
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
      // A failure shows in the dialog instead of a download; fail with its text, not a timeout.
      const failed = designer.exportDialog.dialog.getByText(/Export failed/);
      const outcome = await Promise.race([
        downloading.then((d) => ({ download: d })),
        failed.waitFor({ timeout: 60_000 }).then(async () => ({ error: await failed.innerText() })),
      ]);
      if ('error' in outcome) throw new Error(`${settings.timezoneId} ${settings.locale}: ${outcome.error}`);
      await expect(page.getByText(/Export failed/)).toHaveCount(0);
      const bytes = readFileSync(await outcome.download.path());
      expect(bytes.length).toBeGreaterThan(1000);
      digests.push(createHash('sha256').update(bytes).digest('hex'));
    } finally {
      await context.close();
    }
  }
  expect(digests[1], 'Tokyo vs Los Angeles').toBe(digests[0]);
  expect(digests[2], 'sv-SE Stockholm vs Los Angeles').toBe(digests[0]);
});
