/**
 * Section 4, in real Chromium: the app's production build (served by `vite preview`) with the
 * 300- and 500-node synthetic designs against a bare React Flow page with as many default nodes
 * and edges, a node dragged for two seconds on each; time to interactive; first-load JavaScript.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serializeDesign, type Design } from '@archgen/model';
import { CHROMIUM_ARGS, resolveChromium } from '../../e2e/browser.ts';
import { median, percentile, round } from '../stats.ts';
import { syntheticDesign } from '../synthetic.ts';
import { printTable } from '../table.ts';

export const CANVAS_SIZES = [300, 500] as const;
const DRAG_MS = 2000;
/** Each page is dragged this many times (fresh load each), alternating app and bare. */
const DRAG_REPEATS = 2;
const LONG_TASK_MS = 50;
/** The main thread counts as idle after this long without a long task. */
const QUIET_WINDOW_MS = 1000;
const VIEWPORT = { width: 1600, height: 1000 };
/** Must match app/src/persistence/autosave.ts: the app opens the design saved under this key. */
const AUTOSAVE_KEY = 'archgen.autosave.design';

export interface DragResult {
  frames: number;
  p50FrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longTasks: number;
  longestTaskMs: number;
}

export interface CanvasRow {
  nodes: number;
  edges: number;
  app: DragResult;
  bare: DragResult;
  /** app p95 frame / bare p95 frame. */
  p95Ratio: number;
}

export interface LoadRow {
  page: string;
  /** Navigation start to the first node (or the empty canvas) rendered with the main thread idle after. */
  timeToInteractiveMs: number;
  readyMs: number;
  longTasksDuringLoad: number;
}

export interface BundleResult {
  firstLoadFiles: string[];
  firstLoadJsGzipKb: number;
  firstLoadCssGzipKb: number;
  /** JavaScript the browser actually fetched while loading a design, before any interaction. */
  fetchedDuringLoad: string[];
  monacoChunk: string;
  monacoChunkGzipKb: number;
  monacoWorkerGzipKb: number;
}

export interface BrowserResult {
  chromium: string;
  chromiumVersion: string;
  canvas: CanvasRow[];
  load: LoadRow[];
  bundle: BundleResult;
}

// ---------------------------------------------------------------- in-page instrumentation

/** Installed before any page script: long tasks (buffered from navigation) and when the canvas appeared. */
function instrument(readySelector: string): void {
  const bench = {
    longTasks: [] as { start: number; duration: number }[],
    readyAt: null as number | null,
    frames: [] as number[],
    recording: false,
  };
  (window as unknown as { __bench: typeof bench }).__bench = bench;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (bench.readyAt === null && document.querySelector(readySelector)) {
      bench.readyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

interface PageBench {
  longTasks: { start: number; duration: number }[];
  readyAt: number | null;
  frames: number[];
  recording: boolean;
}

/** Resolves once the main thread has had QUIET_WINDOW_MS without a long task after the canvas appeared. */
export async function waitForInteractive(page: Page, readySelector: string): Promise<Omit<LoadRow, 'page'>> {
  await page.waitForSelector(readySelector, { timeout: 60_000 });
  return page.evaluate(
    ({ quietMs }) =>
      new Promise<Omit<LoadRow, 'page'>>((resolve) => {
        const bench = (window as unknown as { __bench: PageBench }).__bench;
        const check = () => {
          const readyAt = bench.readyAt ?? performance.now();
          const lastEnd = Math.max(readyAt, ...bench.longTasks.map((t) => t.start + t.duration));
          if (performance.now() - lastEnd >= quietMs)
            resolve({
              timeToInteractiveMs: lastEnd,
              readyMs: readyAt,
              longTasksDuringLoad: bench.longTasks.filter((t) => t.start < lastEnd).length,
            });
          else setTimeout(check, 100);
        };
        check();
      }),
    { quietMs: QUIET_WINDOW_MS },
  );
}

/** The centre of the draggable node nearest the middle of the viewport (not a VPC or subnet band). */
async function pickNode(page: Page): Promise<{ id: string; x: number; y: number }> {
  return page.evaluate(() => {
    const candidates = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].filter(
      (el) => !el.matches('.react-flow__node-vpc, .react-flow__node-tier, .react-flow__node-group'),
    );
    const cx = window.innerWidth / 2;
    const cy = window.innerHeight / 2;
    let best: { id: string; x: number; y: number; distance: number } | null = null;
    for (const el of candidates) {
      const r = el.getBoundingClientRect();
      if (
        r.width < 8 ||
        r.left < 0 ||
        r.top < 0 ||
        r.right > window.innerWidth ||
        r.bottom > window.innerHeight
      )
        continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      const distance = Math.hypot(x - cx, y - cy);
      if (!best || distance < best.distance) best = { id: el.dataset.id ?? '?', x, y, distance };
    }
    if (!best) throw new Error('no draggable node is visible');
    return { id: best.id, x: best.x, y: best.y };
  });
}

/** Presses on a node and moves it along a Lissajous curve in small steps for DRAG_MS, recording frames. */
export async function dragNode(page: Page): Promise<DragResult> {
  const start = await pickNode(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: PageBench }).__bench;
    bench.frames = [];
    bench.recording = true;
    const tick = (at: number) => {
      if (!bench.recording) return;
      bench.frames.push(at);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const dragStart = await page.evaluate(() => performance.now());
  const began = Date.now();
  for (let step = 1; Date.now() - began < DRAG_MS; step++) {
    // ~4 px per step, staying within 140 px of where the node started.
    await page.mouse.move(start.x + 140 * Math.sin(step / 30), start.y + 90 * Math.sin(step / 47));
    await page.waitForTimeout(8);
  }
  await page.mouse.up();
  const { frames, longTasks } = await page.evaluate((since) => {
    const bench = (window as unknown as { __bench: PageBench }).__bench;
    bench.recording = false;
    return {
      frames: bench.frames,
      longTasks: bench.longTasks.filter((t) => t.start >= since).map((t) => t.duration),
    };
  }, dragStart);
  const deltas = frames.slice(1).map((at, i) => at - frames[i]!);
  return {
    frames: deltas.length,
    p50FrameMs: median(deltas),
    p95FrameMs: percentile(deltas, 95),
    maxFrameMs: Math.max(...deltas),
    longTasks: longTasks.filter((d) => d > LONG_TASK_MS).length,
    longestTaskMs: Math.max(0, ...longTasks),
  };
}

/** Pools the frame deltas' order statistics of repeated drags by taking their medians (and worst long tasks). */
function combine(runs: DragResult[]): DragResult {
  return {
    frames: runs.reduce((sum, r) => sum + r.frames, 0),
    p50FrameMs: round(median(runs.map((r) => r.p50FrameMs))),
    p95FrameMs: round(median(runs.map((r) => r.p95FrameMs))),
    maxFrameMs: round(Math.max(...runs.map((r) => r.maxFrameMs))),
    longTasks: runs.reduce((sum, r) => sum + r.longTasks, 0),
    longestTaskMs: round(Math.max(...runs.map((r) => r.longestTaskMs))),
  };
}

// ---------------------------------------------------------------- pages

export interface Target {
  url: string;
  readySelector: string;
  /** localStorage entries to seed before the app's scripts run. */
  storage?: Record<string, string>;
}

export async function openPage(
  browser: Browser,
  target: Target,
  onScript?: (url: string) => void,
): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  // tsx compiles with esbuild's keepNames, which wraps functions in __name(); the functions this
  // file hands to the page are serialized with those calls, so the page needs the helper too.
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  if (target.storage)
    await context.addInitScript((entries) => {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    }, target.storage);
  await context.addInitScript(instrument, target.readySelector);
  const page = await context.newPage();
  if (onScript)
    page.on('request', (request) => request.resourceType() === 'script' && onScript(request.url()));
  await page.goto(target.url);
  return { page, close: () => context.close() };
}

export function appTarget(baseUrl: string, design: Design | null): Target {
  return design
    ? {
        url: baseUrl,
        readySelector: '.react-flow__node-service',
        storage: { [AUTOSAVE_KEY]: serializeDesign(design) },
      }
    : { url: baseUrl, readySelector: '.react-flow__pane' };
}

export function bareTarget(baseUrl: string, design: Design): Target {
  return {
    url: `${baseUrl}?nodes=${design.nodes.length}&edges=${design.connections.length}`,
    readySelector: '.react-flow__node',
  };
}

async function measureDrag(browser: Browser, target: Target): Promise<DragResult> {
  const { page, close } = await openPage(browser, target);
  try {
    await waitForInteractive(page, target.readySelector);
    return await dragNode(page);
  } finally {
    await close();
  }
}

async function measureLoad(
  browser: Browser,
  name: string,
  target: Target,
  onScript?: (url: string) => void,
): Promise<LoadRow> {
  const { page, close } = await openPage(browser, target, onScript);
  try {
    const load = await waitForInteractive(page, target.readySelector);
    return {
      page: name,
      timeToInteractiveMs: round(load.timeToInteractiveMs),
      readyMs: round(load.readyMs),
      longTasksDuringLoad: load.longTasksDuringLoad,
    };
  } finally {
    await close();
  }
}

// ---------------------------------------------------------------- bundle sizes

const gzipKb = (path: string) => round(gzipSync(readFileSync(path), { level: 9 }).length / 1024);

/** First-load files: the entry script and modulepreloads that index.html names (lazy chunks are not there). */
function bundleSizes(distDir: string, fetchedDuringLoad: string[]): BundleResult {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+)"/g)]
    .map((m) => m[1]!)
    .filter((ref) => !ref.startsWith('data:'));
  const js = refs.filter((ref) => ref.endsWith('.js'));
  const css = refs.filter((ref) => ref.endsWith('.css'));
  const assets = readdirSync(join(distDir, 'assets'));
  const firstLoad = new Set(js.map((ref) => ref.replace(/^\.?\//, '')));
  const lazy = assets.filter((name) => name.endsWith('.js') && !firstLoad.has(`assets/${name}`));
  const monacoChunk = lazy.find(
    (name) =>
      !name.includes('worker') &&
      readFileSync(join(distDir, 'assets', name), 'utf8').includes('MonacoEnvironment'),
  );
  const monacoWorker = lazy.find((name) => name.startsWith('editor.worker'));
  if (!monacoChunk || !monacoWorker)
    throw new Error(`no lazy Monaco chunk or editor worker among ${lazy.join(', ')}`);
  const sum = (files: string[]) => round(files.reduce((total, ref) => total + gzipKb(join(distDir, ref)), 0));
  return {
    firstLoadFiles: [...firstLoad],
    firstLoadJsGzipKb: sum(js),
    firstLoadCssGzipKb: sum(css),
    fetchedDuringLoad,
    monacoChunk: `assets/${monacoChunk}`,
    monacoChunkGzipKb: gzipKb(join(distDir, 'assets', monacoChunk)),
    monacoWorkerGzipKb: gzipKb(join(distDir, 'assets', monacoWorker)),
  };
}

// ---------------------------------------------------------------- section

export async function serve(
  configFile: string | false,
  root: string | undefined,
  outDir: string,
  port: number,
): Promise<PreviewServer> {
  return preview({
    configFile,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, host: '127.0.0.1', strictPort: false },
  });
}

export async function benchBrowser(workspaceRoot: string): Promise<BrowserResult> {
  const appDir = join(workspaceRoot, '.tmp/bench/app');
  const bareDir = join(workspaceRoot, '.tmp/bench/bare');
  const appConfig = join(workspaceRoot, 'vite.config.ts');
  const bareConfig = join(workspaceRoot, 'bench/browser/vite.config.ts');
  console.log('\nBuilding the app and the bare React Flow page (production)...');
  await build({ configFile: appConfig, logLevel: 'warn', build: { outDir: appDir, emptyOutDir: true } });
  await build({ configFile: bareConfig, logLevel: 'warn' });
  for (const dir of [appDir, bareDir])
    if (!readFileSync(join(dir, 'index.html'), 'utf8').includes('<script'))
      throw new Error(`the build in ${dir} has no entry script`);

  const appServer = await serve(appConfig, undefined, appDir, 4391);
  const bareServer = await serve(bareConfig, undefined, bareDir, 4392);
  const executablePath = resolveChromium();
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const appUrl = appServer.resolvedUrls!.local[0]!;
    const bareUrl = bareServer.resolvedUrls!.local[0]!;

    const fetched = new Set<string>();
    const load: LoadRow[] = [
      await measureLoad(browser, 'app, first visit (empty canvas)', appTarget(appUrl, null)),
    ];
    const canvas: CanvasRow[] = [];
    for (const size of CANVAS_SIZES) {
      const design = syntheticDesign(size);
      load.push(
        await measureLoad(browser, `app, ${size}-node design`, appTarget(appUrl, design), (url) =>
          fetched.add(new URL(url).pathname.replace(/^\//, '')),
        ),
      );
      load.push(await measureLoad(browser, `bare React Flow, ${size} nodes`, bareTarget(bareUrl, design)));
      const appRuns: DragResult[] = [];
      const bareRuns: DragResult[] = [];
      for (let repeat = 0; repeat < DRAG_REPEATS; repeat++) {
        appRuns.push(await measureDrag(browser, appTarget(appUrl, design)));
        bareRuns.push(await measureDrag(browser, bareTarget(bareUrl, design)));
      }
      const app = combine(appRuns);
      const bare = combine(bareRuns);
      canvas.push({
        nodes: size,
        edges: design.connections.length,
        app,
        bare,
        p95Ratio: round(app.p95FrameMs / bare.p95FrameMs),
      });
    }
    const bundle = bundleSizes(appDir, [...fetched].sort());
    const result: BrowserResult = {
      chromium: executablePath,
      chromiumVersion: browser.version(),
      canvas,
      load,
      bundle,
    };
    report(result);
    return result;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => appServer.httpServer.close(() => resolve()));
    await new Promise<void>((resolve) => bareServer.httpServer.close(() => resolve()));
  }
}

function report(result: BrowserResult): void {
  printTable(
    `4a. Dragging a node for ${DRAG_MS / 1000} s in Chromium (${DRAG_REPEATS} drags each; median of per-drag p50/p95, ms)`,
    [
      'nodes',
      'edges',
      'app p50',
      'app p95',
      'app max',
      'app long tasks',
      'bare p50',
      'bare p95',
      'bare long tasks',
      'p95 app/bare',
    ],
    result.canvas.map((r) => [
      r.nodes,
      r.edges,
      r.app.p50FrameMs,
      r.app.p95FrameMs,
      r.app.maxFrameMs,
      `${r.app.longTasks} (max ${r.app.longestTaskMs})`,
      r.bare.p50FrameMs,
      r.bare.p95FrameMs,
      `${r.bare.longTasks} (max ${r.bare.longestTaskMs})`,
      `${r.p95Ratio}x`,
    ]),
  );
  printTable(
    '4b. Time to interactive (navigation start to canvas rendered + 1 s without long tasks; ms)',
    ['page', 'TTI', 'canvas rendered', 'long tasks before'],
    result.load.map((r) => [r.page, r.timeToInteractiveMs, r.readyMs, r.longTasksDuringLoad]),
  );
  const b = result.bundle;
  printTable(
    '4c. JavaScript size (gzip -9, kB)',
    ['what', 'kB gzip'],
    [
      [`first load JS (${b.firstLoadFiles.length} files from index.html)`, b.firstLoadJsGzipKb],
      ['first load CSS', b.firstLoadCssGzipKb],
      [`Monaco lazy chunk (${b.monacoChunk})`, b.monacoChunkGzipKb],
      ['Monaco editor worker (lazy)', b.monacoWorkerGzipKb],
    ],
  );
  console.log(`JS fetched while loading a design: ${b.fetchedDuringLoad.join(', ')}`);
}
