/**
 * Diagnosis, not a benchmark: imports the largest corpus CloudFormation template through the
 * app's Open input (as e2e/tests/import.spec.ts does) with the page's long tasks observed and a
 * V8 CPU profile of the main thread, then prints the long tasks and the functions with the most
 * self time. Builds the app unminified into .tmp/profile-app so names are readable.
 * bench/browser/trace-import.ts splits the same import per task, with each task's CPU time.
 *
 *   npx tsx bench/browser/profile-import.ts [template relative to ../shared/corpora]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import {
  CHROMIUM_ARGS,
  longTasks,
  observeLongTasks,
  resolveChromium,
  waitForDialogText,
} from '../../e2e/browser.ts';
import { serve } from './run.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const relativeTemplate =
  process.argv[2] ?? 'cloudformation/Solutions/ADConnector/templates/ADCONNECTOR.cfn.yaml';
const template = readFileSync(join(workspaceRoot, '..', 'shared', 'corpora', relativeTemplate), 'utf8');
const outDir = join(workspaceRoot, '.tmp/profile-app');
await build({
  configFile: join(workspaceRoot, 'vite.config.ts'),
  logLevel: 'warn',
  build: { outDir, minify: false },
});
const server = await serve(join(workspaceRoot, 'vite.config.ts'), undefined, outDir, 4395);
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.locator('.react-flow__pane').waitFor();
  await page.waitForTimeout(1500);
  // Resolved before observing: a getByLabel locator computes every element's label on the page's
  // main thread, a long task of the test's, not of the app's.
  const input = (await page.$('#open-design-file'))!;
  await observeLongTasks(page);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await input.setInputFiles({
    name: relativeTemplate.split('/').pop()!,
    mimeType: 'application/yaml',
    buffer: Buffer.from(template, 'utf8'),
  });
  await waitForDialogText(page, 'Import report', 30_000);
  await page.waitForTimeout(1000);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  const tasks = await longTasks(page);
  console.log(
    `long tasks [start ms, duration ms]: ${JSON.stringify(tasks.map(([t, d]) => [t, Math.round(d)]))}`,
  );
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) =>
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000),
  );
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (selfMs.get(node.id) ?? 0));
  }
  for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`${ms.toFixed(1).padStart(8)} ms  ${name}`);
} finally {
  await browser.close();
  server.httpServer.close();
}
