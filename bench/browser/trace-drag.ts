/**
 * Diagnosis, not a benchmark: a Chrome trace of one 2 s drag, with the renderer main thread's time
 * summed per trace event (script, style, layout, paint, layerize...) so a slow canvas can be
 * pinned on a pipeline stage. Uses the builds `pnpm bench` left in .tmp/bench.
 *
 *   npx tsx bench/browser/trace-drag.ts app 300
 *   npx tsx bench/browser/trace-drag.ts bare 300
 *   npx tsx bench/browser/trace-drag.ts app 300 '.service-icon{overflow:visible!important}'
 *
 * The optional third argument is CSS injected before the drag, to test a hypothesis.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, resolveChromium } from '../../e2e/browser.ts';
import { syntheticDesign } from '../synthetic.ts';
import { round } from '../stats.ts';
import { appTarget, bareTarget, dragNode, openPage, serve, waitForInteractive } from './run.ts';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  args?: { name?: string };
}

const [page = 'app', nodesArg = '300', css] = process.argv.slice(2);
const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const design = syntheticDesign(Number(nodesArg));
const server =
  page === 'app'
    ? await serve(
        join(workspaceRoot, 'vite.config.ts'),
        undefined,
        join(workspaceRoot, '.tmp/bench/app'),
        4393,
      )
    : await serve(
        join(workspaceRoot, 'bench/browser/vite.config.ts'),
        undefined,
        join(workspaceRoot, '.tmp/bench/bare'),
        4394,
      );
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
try {
  const baseUrl = server.resolvedUrls!.local[0]!;
  const target = page === 'app' ? appTarget(baseUrl, design) : bareTarget(baseUrl, design);
  const opened = await openPage(browser, target);
  await waitForInteractive(opened.page, target.readySelector);
  if (css) await opened.page.addStyleTag({ content: css });
  await browser.startTracing(opened.page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8'],
  });
  const drag = await dragNode(opened.page);
  const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] })
    .traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const byName = new Map<string, number>();
  for (const e of events)
    if (e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
      byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  console.log(`${page}, ${design.nodes.length} nodes${css ? `, with ${css}` : ''}:`, drag);
  console.log('Renderer main thread during the drag (ms; events nest, so parents include children):');
  for (const [name, ms] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`${String(round(ms)).padStart(8)}  ${name}`);
  await opened.close();
} finally {
  await browser.close();
  server.httpServer.close();
}
