/**
 * Diagnosis, not a benchmark: which main-thread tasks an import makes, each with its wall time
 * AND its CPU time. On a loaded 2-core machine a task's wall time is several times its CPU time
 * (other processes hold the cores), so a long task is only ours to fix when its CPU time is long.
 * Imports the largest corpus template through the Open input, as e2e/tests/import.spec.ts does,
 * under a Chrome trace with the V8 sampler, and prints per task over MINCPU ms of CPU: when it
 * started, wall and CPU ms, the browser's phases in it (script, style, layout, paint) and the
 * app's functions with the most samples. Builds the app unminified into .tmp/profile-app.
 *
 *   npx tsx bench/browser/trace-import.ts [template relative to ../shared/corpora]
 *   env: RUNS (fresh pages, default 3), MINCPU (ms, default 8), NOBUILD=1 (reuse the build)
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

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- trace args vary by event
  args?: any;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

/** Browser phases worth naming in a task (their CPU time is summed). */
const PHASES = [
  'HandlePostMessage',
  'TimerFire',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'FunctionCall',
  'UpdateLayoutTree',
  'Layout',
  'Paint',
  'MinorGC',
  'MajorGC',
];
/** React's and the browser's own frames: the app's functions are what is left. */
const FRAMEWORK =
  /^(recursively|commit|flush|perform|render|update|begin|complete|reconcile|exports|use[A-Z]|read|set[A-Z]|create|attempt|bailout|check|memoized|jsx|work|process|\(|mount|finish|get|push|pop|schedule|dispatch|enqueue|is[A-Z]|insert|append|detach|safely|hide|disappear|apply|prepare|clone|validate|propagate|markUpdate|Object|resolve|run|call|invoke|batched|selection_|forceStore|subscribe|emit|then|listen|add[A-Z])/;

const workspaceRoot = fileURLToPath(new URL('../..', import.meta.url));
const relativeTemplate =
  process.argv[2] ?? 'cloudformation/Solutions/ADConnector/templates/ADCONNECTOR.cfn.yaml';
const template = readFileSync(join(workspaceRoot, '..', 'shared', 'corpora', relativeTemplate), 'utf8');
const runs = Number(process.env.RUNS ?? 3);
const minCpuMs = Number(process.env.MINCPU ?? 8);
const outDir = join(workspaceRoot, '.tmp/profile-app');
if (!process.env.NOBUILD)
  await build({
    configFile: join(workspaceRoot, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, minify: false },
  });
const server = await serve(join(workspaceRoot, 'vite.config.ts'), undefined, outDir, 4396);
const browser = await chromium.launch({ executablePath: resolveChromium(), args: CHROMIUM_ARGS });
try {
  for (let run = 0; run < runs; run++) {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.locator('.react-flow__node').first().waitFor();
    const input = (await page.$('#open-design-file'))!;
    await observeLongTasks(page);
    await browser.startTracing(page, {
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-v8.cpu_profiler',
        'toplevel',
      ],
    });
    await input.setInputFiles({
      name: relativeTemplate.split('/').pop()!,
      mimeType: 'application/yaml',
      buffer: Buffer.from(template, 'utf8'),
    });
    await waitForDialogText(page, 'Import report', 30_000);
    await page.waitForTimeout(1000);
    const events = (
      JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] }
    ).traceEvents;
    const tasks = await longTasks(page);
    console.log(
      `run ${run}: long tasks [start, ms] ${JSON.stringify(tasks.map(([t, d]) => [t, Math.round(d)]))}`,
    );

    const mainThreads = new Set(
      events
        .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const main = events.filter((e) => mainThreads.has(`${e.pid}:${e.tid}`));
    // The main thread's CPU samples (ProfileChunk events of its Profile), on the trace's clock.
    const mainProfiles = new Set(main.filter((e) => e.name === 'Profile').map((e) => `${e.pid}:${e.id}`));
    const nodes = new Map<number, { name: string; parent?: number }>();
    const samples: Array<{ ts: number; node: number }> = [];
    const clock = new Map<string, number>();
    for (const e of events
      .filter((e) => e.name === 'Profile' || e.name === 'ProfileChunk')
      .sort((a, b) => a.ts - b.ts)) {
      const profile = `${e.pid}:${e.id}`;
      if (!mainProfiles.has(profile)) continue;
      if (e.name === 'Profile') {
        clock.set(profile, e.args.data.startTime);
        continue;
      }
      const cpuProfile = (e.args.data.cpuProfile ?? {}) as { nodes?: ProfileNode[]; samples?: number[] };
      for (const n of cpuProfile.nodes ?? [])
        nodes.set(n.id, { name: n.callFrame.functionName || '(anonymous)', parent: n.parent });
      const deltas: number[] = e.args.data.timeDeltas ?? [];
      let at = clock.get(profile) ?? 0;
      (cpuProfile.samples ?? []).forEach((node, i) => {
        at += deltas[i] ?? 0;
        samples.push({ ts: at, node });
      });
      clock.set(profile, at);
    }
    const stackOf = (id: number) => {
      const names = new Set<string>();
      for (let n: number | undefined = id; n !== undefined; n = nodes.get(n)?.parent)
        names.add(nodes.get(n)?.name ?? '?');
      return names;
    };

    const topTasks = main.filter(
      (e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && (e.tdur ?? 0) > minCpuMs * 1000,
    );
    const start = topTasks[0]?.ts ?? 0;
    for (const task of topTasks) {
      const end = task.ts + task.dur!;
      const inTask = (e: { ts: number }) => e.ts >= task.ts && e.ts < end;
      const phases = new Map<string, number>();
      for (const e of main)
        if (e.ph === 'X' && PHASES.includes(e.name) && inTask(e))
          phases.set(e.name, (phases.get(e.name) ?? 0) + (e.tdur ?? 0) / 1000);
      const taskSamples = samples.filter(inTask);
      const byFunction = new Map<string, number>();
      for (const { node } of taskSamples)
        for (const name of stackOf(node))
          if (!FRAMEWORK.test(name)) byFunction.set(name, (byFunction.get(name) ?? 0) + 1);
      const functions = [...byFunction]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 8)
        .map(([name, n]) => `${name} ${Math.round((100 * n) / Math.max(1, taskSamples.length))}%`);
      console.log(
        `  +${Math.round((task.ts - start) / 1000)} ms: ${Math.round(task.dur! / 1000)} wall, ` +
          `${Math.round(task.tdur! / 1000)} cpu | ${[...phases].map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}` +
          ` | ${functions.join(', ')}`,
      );
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.httpServer.close();
}
