/**
 * Issue 14, palette search: synonyms and abbreviations from the catalog, results ranked (name,
 * abbreviation, synonym, then words being typed and descriptions), and an honest message naming
 * a service the catalog does not have yet, with the closest ones it has.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../fixtures/designer.ts';

const results = (page: Page): Locator => page.getByRole('region', { name: 'Search results' });
const closest = (page: Page): Locator => page.getByRole('region', { name: 'Closest match' });
const notice = (page: Page): Locator =>
  page.getByRole('status').filter({ hasText: 'not in the catalog yet' });

/** Clears the search box and types `text` key by key, as a person does. */
async function type(search: Locator, text: string): Promise<void> {
  await search.clear();
  await search.pressSequentially(text);
}

test('palette search ranks names, then abbreviations, then synonyms, and shows the word it matched', async ({
  designer,
  page,
}) => {
  const { palette } = designer;
  await palette.search.click();

  // "rds": RDS's own name first, Aurora (whose synonyms include "rds") second.
  await type(palette.search, 'rds');
  const items = results(page).getByRole('button');
  await expect(items.nth(0)).toHaveAccessibleName('RDS database');
  await expect(items.nth(1)).toHaveAccessibleName('Aurora cluster');
  await expect(items.nth(1)).toContainText('rds');

  // "cache": ElastiCache's synonym beats CloudFront's "edge cache".
  await type(palette.search, 'cache');
  await expect(items.nth(0)).toHaveAccessibleName('ElastiCache cluster');
  await expect(items.nth(1)).toHaveAccessibleName('CloudFront distribution');
  await expect(items.nth(1)).toContainText('edge cache');
  await designer.screenshot('palette-search-ranked');

  // Abbreviations find their service and say so; nothing claims to be missing.
  for (const [query, name] of [
    ['k8s', 'EKS cluster'],
    ['elb', 'Application Load Balancer'],
    ['sfn', 'Step Functions state machine'],
    ['cron', 'EventBridge rule'],
  ] as const) {
    await type(palette.search, query);
    await expect(items.first(), query).toHaveAccessibleName(name);
    await expect(items.first(), query).toContainText(query);
    await expect(notice(page)).toHaveCount(0);
  }

  // A typed item adds like any other: Enter puts the top result on the canvas.
  await type(palette.search, 'k8s');
  await items.first().press('Enter');
  await expect(designer.canvas.node('EKS cluster')).toBeVisible();

  // Clearing the search brings back the categories.
  await palette.search.clear();
  await expect(page.getByRole('region', { name: 'Containers' })).toBeVisible();
  await expect(results(page)).toHaveCount(0);
});

test('palette search names a service the catalog does not have yet and offers the closest ones', async ({
  designer,
  page,
}) => {
  const { palette } = designer;
  // ACM was missing until issue 14 added it: "acm" and "certificate" now find it, no notice.
  for (const query of ['acm', 'certificate']) {
    await type(palette.search, query);
    await expect(notice(page), query).toHaveCount(0);
    await expect(results(page).getByRole('button').first(), query).toHaveAccessibleName('ACM certificate');
  }

  // So does AWS Backup: "backup" finds the plan first.
  await type(palette.search, 'backup');
  await expect(notice(page)).toHaveCount(0);
  await expect(results(page).getByRole('button').first()).toHaveAccessibleName('Backup plan');

  await type(palette.search, 'ebs');
  await expect(notice(page)).toContainText('Amazon EBS volumes is not in the catalog yet.');
  const offered = closest(page).getByRole('button');
  await expect(offered).toHaveCount(1);
  await expect(offered.first()).toHaveAccessibleName('EC2 Auto Scaling group');
  await designer.screenshot('palette-search-missing-ebs');

  await type(palette.search, 'fsx');
  await expect(notice(page)).toContainText('Amazon FSx is not in the catalog yet.');
  await expect(offered).toHaveCount(1);
  await expect(offered.first()).toHaveAccessibleName('S3 bucket');
  await expect(results(page)).toHaveCount(0);

  // A closest service is a real palette item: Enter adds it.
  await offered.first().press('Enter');
  await expect(designer.canvas.node('S3 bucket')).toBeVisible();

  // A typo is not a missing service: it is quoted as typed, with the nearest name.
  await type(palette.search, 'lamda');
  await expect(notice(page)).toContainText('“lamda” is not in the catalog yet.');
  await expect(offered.first()).toHaveAccessibleName('Lambda function');
  await designer.screenshot('palette-search-typo');

  // The counterpart: a service the catalog has gives results and no message.
  await type(palette.search, 'kinesis');
  await expect(notice(page)).toHaveCount(0);
  await expect(results(page).getByRole('button').first()).toHaveAccessibleName('Kinesis data stream');
});
