// Benchmark (not a test): builds the release into bench/out/dist, serves it with bench/bench.html on
// loopback, measures it in headless Chromium through the DevTools Protocol, prints a table and
// writes every figure to bench/out/bench.json. Budgets are printed as PASS or OVER; the exit code
// is 0 whatever they say (it is non-zero only when the benchmark itself cannot run).
//
//   node scripts/bench.mjs [--no-build] [--dist DIR] [--runs N] [--quick]
//
//   --no-build  measure the build already in bench/out/dist
//   --dist DIR  measure another build folder (e.g. dist/); implies --no-build
//   --runs N    start-up runs per profile (default 7; the median is reported)
//   --quick     3 start-up runs, 200 step changes and 40 mount cycles (a smoke run, not figures)
//   --only LIST only these parts, comma-separated: bytes,startup,frames,memory,idle (bytes always run)
//
// Run it on a quiet machine: every figure is wall-clock time on 2 cores, and the load average at the
// start and the end is printed with the figures.
// What each figure means is written next to the code that measures it, and in the table's notes.
import { spawnSync } from "node:child_process";
import { createServer } from "node:http";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { extname, join, resolve } from "node:path";
import { brotliCompressSync, constants as zc, gzipSync } from "node:zlib";
import { launch } from "../tests/e2e/harness.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = join(ROOT, "bench", "out");
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const QUICK = flag("--quick");
const ONLY = new Set(option("--only", "bytes,startup,frames,memory,idle").split(","));
const RUNS = Number(option("--runs", QUICK ? 3 : 7));
const STEP_CHANGES = QUICK ? 200 : 1000;
// Step changes before the step-change phase's baseline: V8 compiles the hot paths to machine code
// and Chromium fills its bounded performance-entry buffers (seen in heap snapshots: tens of KB of
// InstructionStream/feedback and LayoutShift/LoAF entries, flat afterwards). A one-off, not the
// widget's memory; its growth is shown in its own row.
const WARM_UP_STEPS = QUICK ? 200 : 1000;
const MOUNT_CYCLES = QUICK ? 40 : 200;
const WARM_UP_MOUNTS = QUICK ? 20 : 50;
const IDLE_MS = 5000;
const VIEWPORT = { width: 1280, height: 900 };
const CONTENT = JSON.parse(readFileSync(join(ROOT, "content", "en.json"), "utf8"));
const HOLLOW_NEEDLE = CONTENT.steps.findIndex((s) => s.id === "hollow-needle");

const BUDGET = {
  brotliTotalBytes: 100 * 1024,
  firstDiagramMs: 300,
  firstDiagramThrottledMs: 1500,
  frameP95At4xMs: 4,
  memoryGrowthPct: 1,
  idleCpuMsPer5s: 25, // "near zero": at most 0.5 % of one core over the 5 s window
};
// Lighthouse's "slow 4G" (also Chrome DevTools' "Slow 4G"): 150 ms RTT, 1.6 Mbps down, 750 kbps up.
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
const PROFILES = [
  { name: "unthrottled", cpu: 1, network: null },
  { name: "4x CPU", cpu: 4, network: null },
  { name: "4x CPU + slow 4G (150 ms RTT, 1.6 Mbps)", cpu: 4, network: SLOW_NETWORK },
];

const log = (...a) => console.error("bench:", ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return null;
  // Nearest rank: the smallest value with at least q of the values at or below it.
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}
const round = (x, d = 2) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------------------------------------
// Build

function build(dist) {
  const env = { ...process.env };
  const cargoBin = join(process.env.CARGO_HOME || join(process.env.HOME || "", ".cargo"), "bin");
  env.PATH = [join(ROOT, "node_modules", ".bin"), cargoBin, env.PATH].join(":");
  log(`building the release into ${dist} (scripts/release-build --dist ...)`);
  const t0 = Date.now();
  const r = spawnSync("bash", [join(ROOT, "scripts", "release-build"), "--dist", dist], { cwd: ROOT, env, stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error(`scripts/release-build failed (exit ${r.status})`);
  log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

/** The widget's files in a build, read from the loader that the build wrote: the patients' build
 * (the bench page's widget), and consult mode's for reference. */
function widgetFiles(dist) {
  const loader = readFileSync(join(dist, "embed.js"), "utf8");
  // The files embed.js names (it is minified: the names are found in the build's folder, and each
  // must appear in embed.js).
  const named = (re) => readdirSync(dist).find((n) => re.test(n) && loader.includes(`"${n}"`));
  const glue = named(/^kyphoplasty-explainer-[0-9a-f]+\.js$/);
  const wasm = named(/^kyphoplasty-explainer-[0-9a-f]+_bg\.wasm$/);
  if (!glue || !wasm) throw new Error(`${dist}/embed.js does not name the glue and the wasm`);
  const bytes = readFileSync(join(dist, wasm));
  if (bytes.readUInt32BE(0) !== 0x0061736d) {
    // Seen once when two builds shared target/ at the same moment: a .wasm of the right size, zeros.
    throw new Error(`${dist}/${wasm} is not WebAssembly (bad magic); rebuild`);
  }
  // The words of the bench page's language (English).
  const english = named(/^kyphoplasty-explainer-en-[0-9a-f]+\.txt$/);
  const englishConsult = named(/^kyphoplasty-explainer-en-consult-[0-9a-f]+\.txt$/);
  // A consult widget's files: the consult build, and English with consult mode's texts.
  const consultGlue = named(/^kyphoplasty-explainer-consult-[0-9a-f]+\.js$/);
  const consultWasm = named(/^kyphoplasty-explainer-consult-[0-9a-f]+_bg\.wasm$/);
  const consult = consultGlue && consultWasm && english && englishConsult
    ? ["embed.js", consultGlue, consultWasm, english, englishConsult]
    : null;
  return { loader: "embed.js", glue, wasm, words: english ? [english] : [], consult };
}

// ---------------------------------------------------------------------------------------------
// Bytes

function sizes(buf) {
  return {
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, {
      params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
    }).length,
  };
}

function sumSizes(list) {
  return list.reduce((a, f) => ({ raw: a.raw + f.raw, gzip: a.gzip + f.gzip, brotli: a.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

// ---------------------------------------------------------------------------------------------
// Server: the build folder plus the bench page, on 127.0.0.1. Files are compressed once
// (brotli q11, gzip -9) and sent with Content-Encoding as the browser asks (Chromium asks for br),
// as a static host with precompressed files would; nothing is cached (Cache-Control: no-store).

// The reference animation for the frame cost: one circle, one attribute per frame.
const REFERENCE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>reference animation</title>
<link rel="icon" href="data:,"></head><body><svg width="400" height="100" viewBox="0 0 400 100"><circle id="c" cx="20" cy="50" r="15" fill="#0f5b70"/></svg>
<script>
window.animate = (ms) => new Promise((done) => {
  const c = document.getElementById("c");
  let t0 = null;
  requestAnimationFrame(function frame(t) {
    if (t0 === null) t0 = t;
    c.setAttribute("cx", (20 + ((t - t0) / ms) * 360).toFixed(1));
    if (t - t0 < ms) requestAnimationFrame(frame); else done();
  });
});
</script></body></html>`;

const TYPES = { ".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8", ".wasm": "application/wasm", ".css": "text/css; charset=utf-8", ".json": "application/json" };

async function startServer(dist) {
  const files = new Map();
  for (const name of readdirSync(dist)) {
    if (name.startsWith(".")) continue;
    const body = readFileSync(join(dist, name));
    files.set("/" + name, { body, type: TYPES[extname(name)] || "application/octet-stream" });
  }
  const page = readFileSync(join(ROOT, "bench", "bench.html"));
  files.set("/bench.html", { body: page, type: TYPES[".html"] });
  // The same page without the widget: the idle baseline.
  const empty = page.toString("utf8").replace(/<kyphoplasty-explainer[\s\S]*<\/kyphoplasty-explainer>/, "");
  files.set("/empty.html", { body: Buffer.from(empty), type: TYPES[".html"] });
  files.set("/reference.html", { body: Buffer.from(REFERENCE_PAGE), type: TYPES[".html"] });
  files.set("/blank.html", { body: Buffer.from('<!doctype html><title>blank</title><link rel="icon" href="data:,">'), type: TYPES[".html"] });
  for (const f of files.values()) {
    f.br = brotliCompressSync(f.body, { params: { [zc.BROTLI_PARAM_QUALITY]: 11 } });
    f.gzip = gzipSync(f.body, { level: 9 });
  }
  const requests = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url, "http://x").pathname;
    const f = files.get(path === "/" ? "/bench.html" : path);
    if (!f) {
      res.writeHead(404, { "content-type": "text/plain", "cache-control": "no-store" });
      res.end("not found");
      requests.push({ path, status: 404, encoding: "identity", bytes: 9 });
      return;
    }
    const accept = String(req.headers["accept-encoding"] || "");
    const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : "identity";
    const body = encoding === "br" ? f.br : encoding === "gzip" ? f.gzip : f.body;
    const headers = { "content-type": f.type, "content-length": body.length, "cache-control": "no-store", vary: "accept-encoding" };
    if (encoding !== "identity") headers["content-encoding"] = encoding;
    // The page that sets up the emulation closes its connection, so the measured page opens its own.
    if (path === "/blank.html") headers.connection = "close";
    res.writeHead(200, headers);
    res.end(body);
    requests.push({ path, status: 200, encoding, bytes: body.length });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, close: () => new Promise((ok) => server.close(ok)) };
}

// ---------------------------------------------------------------------------------------------
// In-page instrumentation (an init script, run before any script of the page).
//
// - requestAnimationFrame is wrapped to count calls (window.__kxBench.rafCalls); the wrapper only
//   counts and calls the original.
// - Element.prototype.attachShadow is wrapped so that the widget's shadow root gets a
//   MutationObserver. "First complete diagram" is defined as:
//     diagramAt: performance.now() (ms since the navigation started) in the first mutation callback
//                after which the widget's shadow root holds svg.diagram with at least one
//                g.vertebra in it (the side view, drawn with its vertebrae);
//     paintedAt: the end of the first frame rendered after that (the next animation frame, then a
//                message posted from it: that task runs once the frame has been produced).
//   paintedAt is the figure the budget is checked against.

const INIT = `(() => {
  const B = (window.__kxBench = { rafCalls: 0, diagramAt: null, paintedAt: null, mounts: 0 });
  B.painted = new Promise((ok) => { B.paintedOk = ok; });
  const raf = window.requestAnimationFrame;
  B.raf = raf.bind(window);
  window.requestAnimationFrame = function requestAnimationFrame(cb) {
    B.rafCalls++;
    return raf.call(window, cb);
  };
  const complete = (root) => !!root.querySelector("svg.diagram g.vertebra");
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function attachShadow(init) {
    const root = attach.call(this, init);
    if (this.localName === "kyphoplasty-explainer") {
      const seen = new MutationObserver(() => {
        if (B.diagramAt !== null || !complete(root)) return;
        B.diagramAt = performance.now();
        seen.disconnect();
        B.raf(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => { B.paintedAt = performance.now(); B.paintedOk(); };
          ch.port2.postMessage(0);
        });
      });
      seen.observe(root, { childList: true, subtree: true });
    }
    return root;
  };
})();`;

async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, ...options });
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error" || (m.type() === "warning" && /kyphoplasty/i.test(m.text()))) problems.push(m.text());
  });
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, problems };
}

// Waiting is done inside the page, with one DevTools call that awaits a promise: no polling from
// here while something is measured. (Playwright's waitForFunction would inject its own script
// into the page during start-up, about 70 ms of main-thread time at 4x CPU, and each poll is a
// task on the main thread that would land in some animation frames.)

/** Waits until the widget's first complete diagram has been painted (see INIT). */
async function untilPainted(s, timeout = 30000) {
  const r = await s.cdp.send("Runtime.evaluate", {
    expression: `Promise.race([window.__kxBench.painted.then(() => true), new Promise((ok) => setTimeout(() => ok(false), ${timeout}))])`,
    awaitPromise: true,
    returnByValue: true,
  });
  if (r.result?.value !== true) throw new Error(`no complete diagram was painted within ${timeout} ms`);
}

/**
 * Waits until the page has requested no animation frame for `quiet` ms (the widget is still),
 * checked by a timer inside the page every 100 ms.
 */
async function settle(page, { quiet = 600, max = 20000 } = {}) {
  const still = await page.evaluate(({ quiet, max }) => new Promise((ok) => {
    const B = window.__kxBench;
    let last = B.rafCalls;
    let since = 0;
    let waited = 0;
    const timer = setInterval(() => {
      waited += 100;
      since = B.rafCalls === last ? since + 100 : 0;
      last = B.rafCalls;
      if (since >= quiet || waited >= max) {
        clearInterval(timer);
        ok(since >= quiet);
      }
    }, 100);
  }), { quiet, max });
  if (!still) throw new Error(`the widget was still requesting animation frames after ${max} ms`);
}

async function loadWidget(s, origin) {
  await s.page.goto(`${origin}/bench.html`);
  await untilPainted(s);
  await settle(s.page);
}

// ---------------------------------------------------------------------------------------------
// Start-up

async function startup(browser, server, profile, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const s = await newPage(browser);
    try {
      // Same-origin first, so the emulation below applies to the renderer that loads the page
      // (CPU throttling set on about:blank does not survive the switch to another site's process).
      await s.page.goto(`${server.origin}/blank.html`);
      await s.cdp.send("Network.enable");
      await s.cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
      if (profile.network) await s.cdp.send("Network.emulateNetworkConditions", profile.network);
      await s.cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpu });
      const from = server.requests.length;
      await s.page.goto(`${server.origin}/bench.html`, { waitUntil: "commit" });
      await untilPainted(s, 60000);
      const r = await s.page.evaluate(() => {
        const B = window.__kxBench;
        const res = performance.getEntriesByType("resource").map((e) => ({ name: new URL(e.name).pathname, end: e.responseEnd }));
        const nav = performance.getEntriesByType("navigation")[0];
        const at = (re) => res.find((e) => re.test(e.name))?.end ?? null;
        return {
          diagramMs: B.diagramAt,
          paintedMs: B.paintedAt,
          documentMs: nav?.responseEnd ?? null,
          loaderMs: at(/\/embed\.js$/),
          glueMs: at(/kyphoplasty-explainer-[0-9a-f]+\.js$/),
          wasmMs: at(/\.wasm$/),
        };
      });
      r.transferred = server.requests.slice(from).filter((q) => q.path !== "/bench.html").reduce((a, q) => a + q.bytes, 0);
      if (s.problems.length) r.problems = s.problems;
      results.push(r);
    } finally {
      await s.context.close();
    }
  }
  const pick = (k) => results.map((r) => r[k]).filter((v) => v != null);
  return {
    profile: profile.name,
    cpu: profile.cpu,
    network: profile.network,
    runs: results,
    median: Object.fromEntries(["documentMs", "loaderMs", "glueMs", "wasmMs", "diagramMs", "paintedMs", "transferred"].map((k) => [k, round(median(pick(k)), 1)])),
    min: round(Math.min(...pick("paintedMs")), 1),
    max: round(Math.max(...pick("paintedMs")), 1),
  };
}

// ---------------------------------------------------------------------------------------------
// Frame cost
//
// The widget is put on "Getting ready" and left to finish; then the "Next step" button is clicked
// (a real mouse click through CDP) and the "hollow needle" step animates until the widget stops
// asking for frames. A CDP trace (devtools.timeline) of that animation gives, per animation
// frame, the main thread's busy time: the task that ran the frame (requestAnimationFrame
// callbacks, Yew's render, style, layout, paint, commit) plus every other main-thread task that
// started before the next frame's task. p50/p95/max are over the animation's frames.
// Dropped frames: vsync intervals (16.7 ms) in which no animation frame ran, counted from the gaps
// between consecutive requestAnimationFrame callbacks (the budgeted figure); and, as reported by
// Chromium's frame reporter, frames in STATE_DROPPED. (STATE_PRESENTED_PARTIAL is kept in the
// JSON but not counted: headless Chromium reports it for about 40% of the frames of a trivial
// animation too.)
// The same animation is first run untraced, and Performance.getMetrics' TaskDuration over it,
// divided by its frames, gives a mean per frame without the tracing overhead.
// Reference: the same measurement of a trivial animation (one SVG circle moved by one attribute
// per frame, as long as the widget's) on a page of its own: the floor that the browser and this
// machine cost per frame, and the drops that are not the widget's.

const TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "disabled-by-default-devtools.timeline.frame", "toplevel"];

async function metrics(cdp) {
  const { metrics: m } = await cdp.send("Performance.getMetrics");
  return Object.fromEntries(m.map((x) => [x.name, x.value]));
}

/** Goes to the step before the hollow needle, lets it finish; returns where "Next step" is. */
async function readyForNext(s) {
  await s.page.evaluate((i) => document.querySelector("kyphoplasty-explainer").goTo(i), HOLLOW_NEEDLE - 1);
  await settle(s.page);
  const next = s.page.locator("kyphoplasty-explainer").getByRole("button", { name: CONTENT.ui.next, exact: true });
  // On a wide widget the controls may sit below the fold: bring them into view (the pictures stay
  // on screen, so the animation still runs).
  await next.scrollIntoViewIfNeeded();
  const box = await next.boundingBox();
  if (!box) throw new Error('no "Next step" button');
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** Clicks "Next step" (a real mouse click through CDP) and waits until the animation ends. */
async function clickNext(s, at) {
  const before = await s.page.evaluate(() => window.__kxBench.rafCalls);
  await s.page.mouse.click(at.x, at.y);
  await settle(s.page, { quiet: 400 });
  const step = await s.page.evaluate(() => document.querySelector("kyphoplasty-explainer").currentStep);
  if (step?.index !== HOLLOW_NEEDLE) throw new Error(`"Next step" did not go to the hollow-needle step (at ${JSON.stringify(step)})`);
  return (await s.page.evaluate(() => window.__kxBench.rafCalls)) - before;
}

async function frameCost(browser, server, rate) {
  const s = await newPage(browser);
  try {
    await loadWidget(s, server.origin);
    await s.cdp.send("Performance.enable");
    await s.cdp.send("Emulation.setCPUThrottlingRate", { rate });

    // Untraced run: mean main-thread time per frame.
    let at = await readyForNext(s);
    const m0 = await metrics(s.cdp);
    const untracedFrames = await clickNext(s, at);
    const m1 = await metrics(s.cdp);
    const untraced = { frames: untracedFrames, taskMs: (m1.TaskDuration - m0.TaskDuration) * 1000 };

    // Traced run.
    at = await readyForNext(s);
    const events = await trace(s, () => clickNext(s, at));
    await s.cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
    const traced = analyseTrace(events);
    traced.untraced = {
      frames: untraced.frames,
      meanTaskMsPerFrame: round(untraced.taskMs / Math.max(1, untraced.frames)),
    };
    traced.rate = rate;
    if (s.problems.length) traced.problems = s.problems;
    traced.reference = await referenceFrames(browser, server, rate, traced.animationMs);
    return traced;
  } finally {
    await s.context.close();
  }
}

async function trace(s, action) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  s.cdp.on("Tracing.dataCollected", collect);
  const complete = new Promise((ok) => s.cdp.once("Tracing.tracingComplete", ok));
  await s.cdp.send("Tracing.start", { transferMode: "ReportEvents", traceConfig: { includedCategories: TRACE_CATEGORIES, recordMode: "recordAsMuchAsPossible" } });
  await sleep(100);
  await action();
  await s.cdp.send("Tracing.end");
  await complete;
  s.cdp.off("Tracing.dataCollected", collect);
  return events;
}

async function referenceFrames(browser, server, rate, durationMs) {
  const s = await newPage(browser);
  try {
    await s.page.goto(`${server.origin}/reference.html`);
    await s.cdp.send("Emulation.setCPUThrottlingRate", { rate });
    const events = await trace(s, () => s.page.evaluate((ms) => window.animate(ms), durationMs));
    const r = analyseTrace(events);
    delete r.perFrameMs;
    return r;
  } finally {
    await s.context.close();
  }
}

function analyseTrace(events) {
  const names = new Map(events.filter((e) => e.name === "thread_name").map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const click = events.find((e) => e.name === "EventDispatch" && e.args?.data?.type === "click");
  const after = click ? click.ts : 0;
  const fired = events.filter((e) => e.name === "FireAnimationFrame" && e.ph === "X" && e.ts >= after);
  // The page's main thread: the renderer main thread that ran the animation frames.
  const byThread = new Map();
  for (const e of fired) {
    const k = `${e.pid}:${e.tid}`;
    if (names.get(k) === "CrRendererMain") byThread.set(k, (byThread.get(k) || 0) + 1);
  }
  const main = [...byThread.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) throw new Error("the trace has no animation frame on a renderer main thread");
  const onMain = (e) => `${e.pid}:${e.tid}` === main;
  const taskName = events.some((e) => e.name === "RunTask" && onMain(e)) ? "RunTask" : "ThreadControllerImpl::RunTask";
  const tasks = events.filter((e) => onMain(e) && e.ph === "X" && e.name === taskName).sort((a, b) => a.ts - b.ts);
  const raf = fired.filter(onMain).sort((a, b) => a.ts - b.ts);
  const frameTasks = [];
  for (const f of raf) {
    const t = tasks.find((t) => t.ts <= f.ts && t.ts + t.dur >= f.ts + f.dur);
    if (t && frameTasks.at(-1) !== t) frameTasks.push(t);
  }
  const VSYNC = 1000 / 60;
  const perFrame = frameTasks.map((ft, i) => {
    const until = frameTasks[i + 1]?.ts ?? ft.ts + VSYNC * 1000;
    return tasks.filter((t) => t.ts >= ft.ts && t.ts < until).reduce((a, t) => a + t.dur, 0) / 1000;
  });
  // Where a frame's time goes (mean ms per frame; nested events are counted once, at their top).
  const groups = {
    script: ["FireAnimationFrame", "FunctionCall", "EventDispatch", "RunMicrotasks", "TimerFire", "V8.Execute"],
    styleLayout: ["UpdateLayoutTree", "Layout", "RecalculateStyles"],
    paint: ["PrePaint", "Paint", "Layerize", "UpdateLayer", "PaintImage"],
    commit: ["Commit"],
  };
  const groupOf = new Map(Object.entries(groups).flatMap(([g, ns]) => ns.map((n) => [n, g])));
  const breakdown = { script: 0, styleLayout: 0, paint: 0, commit: 0 };
  const inFrames = events.filter((e) => onMain(e) && e.ph === "X" && groupOf.has(e.name)).sort((a, b) => a.ts - b.ts);
  const scriptPerFrame = [];
  for (const ft of frameTasks) {
    const end = ft.ts + ft.dur;
    let coveredUntil = -Infinity;
    let script = 0;
    for (const e of inFrames) {
      if (e.ts < ft.ts || e.ts + e.dur > end) continue;
      if (e.ts < coveredUntil) continue; // nested in one already counted
      breakdown[groupOf.get(e.name)] += e.dur / 1000;
      if (groupOf.get(e.name) === "script") script += e.dur / 1000;
      coveredUntil = e.ts + e.dur;
    }
    scriptPerFrame.push(script);
  }
  const n = Math.max(1, frameTasks.length);
  const total = perFrame.reduce((a, b) => a + b, 0);
  const other = total - Object.values(breakdown).reduce((a, b) => a + b, 0);
  for (const k of Object.keys(breakdown)) breakdown[k] = round(breakdown[k] / n);
  breakdown.other = round(other / n);
  // Dropped frames.
  let cadenceDropped = 0;
  for (let i = 1; i < raf.length; i++) cadenceDropped += Math.max(0, Math.round((raf[i].ts - raf[i - 1].ts) / 1000 / VSYNC) - 1);
  const first = raf[0]?.ts ?? 0;
  const last = raf.length ? raf.at(-1).ts + raf.at(-1).dur : 0;
  const reporters = events.filter((e) => e.name === "PipelineReporter" && e.ph === "b" && e.ts >= first && e.ts <= last);
  const states = {};
  for (const e of reporters) {
    const st = e.args?.frame_reporter?.state ?? e.args?.chrome_frame_reporter?.state ?? "unknown";
    states[st] = (states[st] || 0) + 1;
  }
  const compositorDropped = states.STATE_DROPPED || 0;
  return {
    frames: frameTasks.length,
    animationMs: round((last - first) / 1000, 0),
    p50: round(quantile(perFrame, 0.5)),
    p95: round(quantile(perFrame, 0.95)),
    max: round(Math.max(...perFrame)),
    mean: round(total / n),
    scriptP50: round(quantile(scriptPerFrame, 0.5)),
    scriptP95: round(quantile(scriptPerFrame, 0.95)),
    breakdown,
    droppedCadence: cadenceDropped,
    droppedCompositor: compositorDropped,
    reporterStates: states,
    perFrameMs: perFrame.map((x) => round(x)),
  };
}

// ---------------------------------------------------------------------------------------------
// Memory
//
// After a forced GC (HeapProfiler.collectGarbage, twice): the JS heap in use
// (Runtime.getHeapUsage usedSize), the WebAssembly memory (the byteLength of the instance's
// exported memory, reached by importing the build's glue module in the page: the same module
// instance the loader started, whose init function returns the instance's exports), and
// Memory.getDOMCounters (nodes, event listeners). Taken after load, after N step changes through
// el.goTo() (one per task, so each renders), and after M remove/re-add cycles of the element, each
// waiting for the widget to mount again and draw its diagram.

async function memorySnapshot(s, glue) {
  await settle(s.page);
  await s.cdp.send("HeapProfiler.collectGarbage");
  await s.cdp.send("HeapProfiler.collectGarbage");
  const heap = await s.cdp.send("Runtime.getHeapUsage");
  const dom = await s.cdp.send("Memory.getDOMCounters");
  const wasm = await s.page.evaluate(async (url) => (await (await import(url)).default()).memory.buffer.byteLength, glue);
  return { jsHeapUsed: heap.usedSize, wasmMemory: wasm, domNodes: dom.nodes, jsEventListeners: dom.jsEventListeners };
}

async function memory(browser, server, files) {
  const s = await newPage(browser);
  try {
    await loadWidget(s, server.origin);
    const glue = `${server.origin}/${files.glue}`;
    const changeSteps = (n) =>
      s.page.evaluate(async (n) => {
        const el = document.querySelector("kyphoplasty-explainer");
        const total = el.currentStep.total;
        const task = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
        for (let i = 0; i < n; i++) {
          el.goTo((i * 7 + 1) % total);
          await task();
        }
        el.goTo(0); // the step shown after load, so that the DOM compares like with like
      }, n);
    const remount = async (n) => {
      const failed = await s.page.evaluate(async (n) => {
        const el = document.querySelector("kyphoplasty-explainer");
        const parent = el.parentNode;
        const frame = () => new Promise((r) => window.__kxBench.raf(r));
        for (let i = 0; i < n; i++) {
          const next = el.nextSibling;
          el.remove();
          parent.insertBefore(el, next);
          const until = performance.now() + 5000;
          while (!(el.currentStep && el.shadowRoot?.querySelector("svg.diagram g.vertebra"))) {
            if (performance.now() > until) return `cycle ${i}: the widget did not mount again within 5 s`;
            await frame();
          }
        }
        return null;
      }, n);
      if (failed) throw new Error(failed);
    };
    // Each phase in two halves, with a snapshot between: growth in the second half too means a
    // leak that goes on; growth in the first half only is a one-off (a high-water mark).
    const half = (n) => Math.floor(n / 2);
    const load = await memorySnapshot(s, glue);
    await changeSteps(WARM_UP_STEPS);
    const warm = await memorySnapshot(s, glue);
    await changeSteps(half(STEP_CHANGES));
    const stepsHalf = await memorySnapshot(s, glue);
    await changeSteps(STEP_CHANGES - half(STEP_CHANGES));
    const steps = await memorySnapshot(s, glue);
    // The first remove/re-add cycles run code nothing ran before (the element's disconnect, the
    // instance's destroy): the engine's compiled code for it is a one-off, as with the steps.
    await remount(WARM_UP_MOUNTS);
    const warmMounts = await memorySnapshot(s, glue);
    await remount(half(MOUNT_CYCLES));
    const mountsHalf = await memorySnapshot(s, glue);
    await remount(MOUNT_CYCLES - half(MOUNT_CYCLES));
    const mounts = await memorySnapshot(s, glue);
    const pct = (a, b) => round(((b - a) / a) * 100, 2);
    const change = (from, to) => Object.fromEntries(Object.keys(from).map((k) => [k, pct(from[k], to[k])]));
    return {
      stepChanges: STEP_CHANGES,
      mountCycles: MOUNT_CYCLES,
      warmUpSteps: WARM_UP_STEPS,
      warmUpMounts: WARM_UP_MOUNTS,
      afterLoad: load,
      afterWarmUp: warm,
      afterHalfSteps: stepsHalf,
      afterSteps: steps,
      afterWarmUpMounts: warmMounts,
      afterHalfMounts: mountsHalf,
      afterMounts: mounts,
      // Each phase against the snapshot before it.
      changePct: {
        afterWarmUp: change(load, warm),
        afterHalfSteps: change(warm, stepsHalf),
        afterSteps: change(warm, steps),
        afterWarmUpMounts: change(steps, warmMounts),
        afterHalfMounts: change(warmMounts, mountsHalf),
        afterMounts: change(warmMounts, mounts),
      },
      problems: s.problems.length ? s.problems : undefined,
    };
  } finally {
    await s.context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Idle
//
// Over 5 s each: animation frames requested (calls to requestAnimationFrame, counted by the init
// script's wrapper) and main-thread CPU (Performance.getMetrics TaskDuration: the renderer main
// thread's task time). Cases: paused with the step finished; playing but scrolled off screen;
// playing with the tab hidden; for reference, playing on screen; and the same page without the
// widget (the floor the browser itself costs).
// Headless Chromium never makes document.hidden true (minimizing the window or bringing another
// tab to front only throttles frames; visibilityState stays "visible"), so unless the real way
// works, "hidden" is emulated (see setHidden).

async function idleWindow(s) {
  await sleep(300);
  const calls0 = await s.page.evaluate(() => window.__kxBench.rafCalls);
  const m0 = await metrics(s.cdp);
  await sleep(IDLE_MS);
  const m1 = await metrics(s.cdp);
  const calls1 = await s.page.evaluate(() => window.__kxBench.rafCalls);
  return { rafCalls: calls1 - calls0, cpuMs: round((m1.TaskDuration - m0.TaskDuration) * 1000, 1), windowMs: IDLE_MS };
}

async function idle(browser, server) {
  const result = {};
  {
    const s = await newPage(browser);
    try {
      await s.page.goto(`${server.origin}/empty.html`);
      await s.cdp.send("Performance.enable");
      await sleep(500);
      result.baselineNoWidget = await idleWindow(s);
    } finally {
      await s.context.close();
    }
  }
  const s = await newPage(browser);
  try {
    await loadWidget(s, server.origin);
    await s.cdp.send("Performance.enable");
    const el = "document.querySelector('kyphoplasty-explainer')";
    result.paused = await idleWindow(s);

    await s.page.evaluate(`${el}.play()`);
    await sleep(200);
    result.playingOnScreen = await idleWindow(s);

    await s.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    result.playingOffScreen = await idleWindow(s);
    await s.page.evaluate(() => window.scrollTo(0, 0));
    result.playingOffScreen.resumes = await resumes(s);

    const how = await setHidden(s, true);
    result.playingHidden = await idleWindow(s);
    result.playingHidden.how = how;
    await setHidden(s, false);
    result.playingHidden.resumes = await resumes(s);
    if (s.problems.length) result.problems = s.problems;
  } finally {
    await s.context.close();
  }
  return result;
}

/**
 * Hides the page (`hidden` true) or shows it again. The real way first: another page of the same
 * context brought to the front. If document.hidden stays false (it does in headless Chromium),
 * that page is closed again and document.hidden / document.visibilityState are overridden on the
 * document, with a visibilitychange event, which is what the widget listens to. Returns "real" or
 * "emulated".
 */
async function setHidden(s, hidden) {
  if (hidden) {
    const cover = await s.context.newPage();
    await cover.bringToFront();
    await sleep(200);
    if (await s.page.evaluate(() => document.hidden)) {
      s.cover = cover;
      return "real";
    }
    await cover.close();
    await s.page.bringToFront();
    await s.page.evaluate(() => {
      Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
      Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
      document.dispatchEvent(new Event("visibilitychange"));
    });
    return "emulated";
  }
  if (s.cover) {
    await s.cover.close();
    s.cover = null;
    await s.page.bringToFront();
    return "real";
  }
  await s.page.evaluate(() => {
    delete document.hidden;
    delete document.visibilityState;
    document.dispatchEvent(new Event("visibilitychange"));
  });
  return "emulated";
}

/** True when the widget asks for frames again within a second (it was playing when it stopped). */
async function resumes(s) {
  const c0 = await s.page.evaluate(() => window.__kxBench.rafCalls);
  await sleep(1000);
  return (await s.page.evaluate(() => window.__kxBench.rafCalls)) > c0;
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (n) => (n / 1024).toFixed(1) + " KB";
const num = (n) => n.toLocaleString("en-US");
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const ms = (x) => (x == null ? "-" : `${x.toFixed(x < 10 ? 2 : 0)} ms`);

function table(r) {
  const out = [];
  const line = (s = "") => out.push(s);
  const e = r.env;
  line(`Kyphoplasty explainer benchmark, ${e.date}${e.quick ? " (--quick: a smoke run)" : ""}`);
  line(`commit ${e.commit}${e.dirty ? " + uncommitted changes" : ""}, ${e.browser}, Node ${e.node}, ${e.cpus} CPUs, load average ${e.loadAverageAtStart} at start, ${e.loadAverageAtEnd} at end`);
  // The load average at the start still counts the build; at the end, mostly other work.
  if (e.loadAverageAtEnd > 1) {
    line("WARNING: other work was running on this machine; time figures are inflated and not comparable.");
  }
  line();
  line("Bytes the page loads for one widget                raw    gzip -9  brotli 11");
  const row = (name, f) => line(`  ${pad(name, 44)}${lpad(num(f.raw), 9)}  ${lpad(num(f.gzip), 9)}  ${lpad(num(f.brotli), 9)}`);
  for (const f of r.bytes.files) row(f.name.replace(/-([0-9a-f]{6})[0-9a-f]+/, "-$1…"), f);
  row("total", r.bytes.total);
  if (r.bytes.consultTotal) row("for reference: a consult widget, total", r.bytes.consultTotal);
  for (const f of r.bytes.lottie.files) row(`lottie-web ${r.bytes.lottie.version} ${f.name}`, f);
  const ratio = r.bytes.ratioToLottieLight;
  line(`  ${pad("ours / lottie_light.min.js", 44)}${lpad(ratio.raw.toFixed(2), 9)}  ${lpad(ratio.gzip.toFixed(2), 9)}  ${lpad(ratio.brotli.toFixed(2), 9)}`);
  line(`  requests for the widget: ${r.bytes.requested.join(", ")}`);
  if (r.startup) {
    line();
    line(`Start-up: navigation to first complete diagram, median of ${r.startup[0].runs.length} (painted: min-max)`);
    line(`  ${pad("profile", 42)}${lpad("wasm in", 9)}${lpad("in DOM", 10)}${lpad("painted", 10)}${lpad("min-max", 16)}  transferred`);
    for (const p of r.startup) {
      const m = p.median;
      line(`  ${pad(p.profile, 42)}${lpad(ms(m.wasmMs), 9)}${lpad(ms(m.diagramMs), 10)}${lpad(ms(m.paintedMs), 10)}${lpad(`${Math.round(p.min)}-${Math.round(p.max)} ms`, 16)}  ${kb(m.transferred)}`);
    }
  }
  if (r.frames) {
    line();
    line(`Frame cost: "Next step" to the hollow-needle step; main-thread time per animation frame (traced)`);
    line(`  CPU               frames     p50      p95      max     mean  untraced mean  script p95  dropped (reporter)`);
    const frow = (name, f, untraced) =>
      line(`  ${pad(name, 18)}${lpad(f.frames, 6)}${lpad(ms(f.p50), 9)}${lpad(ms(f.p95), 9)}${lpad(ms(f.max), 9)}${lpad(ms(f.mean), 9)}${lpad(untraced, 15)}${lpad(ms(f.scriptP95), 13)}${lpad(f.droppedCadence, 9)} (${f.droppedCompositor})`);
    for (const f of r.frames) {
      frow(`${f.rate}x widget`, f, ms(f.untraced.meanTaskMsPerFrame));
      frow(`${f.rate}x reference`, f.reference, "");
    }
    for (const f of r.frames) {
      const b = f.breakdown;
      line(`  ${f.rate}x mean per frame: script ${ms(b.script)}, style+layout ${ms(b.styleLayout)}, paint ${ms(b.paint)}, commit ${ms(b.commit)}, other ${ms(b.other)}`);
    }
  }
  if (r.memory) {
    const m = r.memory;
    line();
    line("Memory after forced GC                      JS heap used       wasm memory     DOM nodes  JS listeners");
    const cell = (v, c, f) => f(v) + (c == null ? "" : ` ${sign(c)}%`);
    const mrow = (name, snap, ch) =>
      line(`  ${pad(name, 36)}${lpad(cell(snap.jsHeapUsed, ch?.jsHeapUsed, kb), 18)}${lpad(cell(snap.wasmMemory, ch?.wasmMemory, kb), 18)}${lpad(cell(snap.domNodes, ch?.domNodes, String), 14)}${lpad(cell(snap.jsEventListeners, ch?.jsEventListeners, String), 14)}`);
    const h = (n) => Math.floor(n / 2);
    mrow("after load", m.afterLoad);
    mrow(`after ${num(m.warmUpSteps)} warm-up step changes`, m.afterWarmUp, m.changePct.afterWarmUp);
    mrow(`  after ${num(h(m.stepChanges))} step changes`, m.afterHalfSteps, m.changePct.afterHalfSteps);
    mrow(`after ${num(m.stepChanges)} step changes`, m.afterSteps, m.changePct.afterSteps);
    mrow(`then ${m.warmUpMounts} warm-up remove/re-add cycles`, m.afterWarmUpMounts, m.changePct.afterWarmUpMounts);
    mrow(`  then ${h(m.mountCycles)} remove/re-add cycles`, m.afterHalfMounts, m.changePct.afterHalfMounts);
    mrow(`then ${m.mountCycles} remove/re-add cycles`, m.afterMounts, m.changePct.afterMounts);
    line("  (% against the row before each phase: after load for the step warm-up, after that warm-up for step changes,");
    line("   after the step changes for the cycle warm-up, after that warm-up for cycles; a warm-up's growth is the");
    line("   engine's compiled code for what runs for the first time, and bounded buffers)");
  }
  if (r.idle) {
    const i = r.idle;
    line();
    line(`Idle, ${IDLE_MS / 1000} s each                               rAF calls  main-thread CPU`);
    const irow = (name, w) => line(`  ${pad(name, 46)}${lpad(w.rafCalls, 9)}${lpad(ms(w.cpuMs), 17)}${w.resumes === undefined ? "" : w.resumes ? "  (frames resume after)" : "  (frames DID NOT resume)"}`);
    irow("paused, step finished", i.paused);
    irow("playing, scrolled off screen", i.playingOffScreen);
    irow(`playing, tab hidden (${i.playingHidden.how})`, i.playingHidden);
    irow("reference: playing, on screen", i.playingOnScreen);
    irow("reference: the page without the widget", i.baselineNoWidget);
  }
  line();
  line("Budgets (reported, never enforced)");
  for (const b of r.budgets) line(`  ${pad(b.pass ? "PASS" : "OVER", 5)} ${pad(b.name, 56)} ${b.value}${b.pass ? "" : `  (over by ${b.over})`}`);
  line();
  line("Notes");
  for (const n of r.notes) line(`  - ${n}`);
  return out.join("\n");
}
const sign = (x) => (x > 0 ? "+" : "") + x.toFixed(1);

function budgets(r) {
  const list = [];
  const add = (name, pass, value, over) => list.push({ name, pass, value, over });
  const br = r.bytes.total.brotli;
  add("total brotli <= 100 KB", br <= BUDGET.brotliTotalBytes, kb(br), kb(br - BUDGET.brotliTotalBytes));
  const light = r.bytes.lottie.files.find((f) => f.name === "lottie_light.min.js").brotli;
  add("goal: total brotli <= lottie_light.min.js brotli", br <= light, `${kb(br)} vs ${kb(light)}`, `${kb(br - light)}, x${(br / light).toFixed(2)}`);
  if (r.startup) {
    const un = r.startup.find((p) => p.cpu === 1 && !p.network).median.paintedMs;
    add("first complete diagram <= 300 ms, unthrottled", un <= BUDGET.firstDiagramMs, ms(un), ms(un - BUDGET.firstDiagramMs));
    // The issue's budget is for 4x CPU throttling; the same budget with a slow network on top is
    // the stricter figure a phone on a poor connection sees, checked too.
    const cpu = r.startup.find((p) => p.cpu === 4 && !p.network).median.paintedMs;
    add("first complete diagram <= 1.5 s, 4x CPU", cpu <= BUDGET.firstDiagramThrottledMs, ms(cpu), ms(cpu - BUDGET.firstDiagramThrottledMs));
    const th = r.startup.find((p) => p.cpu === 4 && p.network).median.paintedMs;
    add("first complete diagram <= 1.5 s, 4x CPU + slow 4G", th <= BUDGET.firstDiagramThrottledMs, ms(th), ms(th - BUDGET.firstDiagramThrottledMs));
  }
  if (r.frames) {
    const f4 = r.frames.find((f) => f.rate === 4);
    add("p95 frame main-thread time <= 4 ms at 4x CPU", f4.p95 <= BUDGET.frameP95At4xMs, ms(f4.p95), ms(f4.p95 - BUDGET.frameP95At4xMs));
    const f1 = r.frames.find((f) => f.rate === 1);
    const d1 = f1.droppedCadence;
    add("no dropped frames at 1x", d1 === 0, `${d1} (reference animation: ${f1.reference.droppedCadence})`, `${d1} frames`);
  }
  if (r.memory) {
    const m = r.memory.changePct;
    for (const [k, label] of [["afterSteps", `${num(r.memory.stepChanges)} step changes`], ["afterMounts", `${r.memory.mountCycles} mount cycles`]]) {
      const worst = Math.max(m[k].jsHeapUsed, m[k].wasmMemory);
      add(`memory within 1% after ${label} (JS heap, wasm)`, worst <= BUDGET.memoryGrowthPct, `JS ${sign(m[k].jsHeapUsed)}%, wasm ${sign(m[k].wasmMemory)}%`, `${(worst - BUDGET.memoryGrowthPct).toFixed(1)} points`);
    }
  }
  if (r.idle) {
    for (const [k, label] of [["paused", "paused"], ["playingOffScreen", "off screen"], ["playingHidden", "hidden"]]) {
      const w = r.idle[k];
      const pass = w.rafCalls === 0 && w.cpuMs <= BUDGET.idleCpuMsPer5s;
      add(`idle ${label}: 0 frames, CPU <= ${BUDGET.idleCpuMsPer5s} ms / 5 s`, pass, `${w.rafCalls} frames, ${ms(w.cpuMs)}`, `${w.rafCalls} frames, ${ms(Math.max(0, w.cpuMs - BUDGET.idleCpuMsPer5s))}`);
    }
  }
  return list;
}

// ---------------------------------------------------------------------------------------------

function git(...a) {
  const r = spawnSync("git", a, { cwd: ROOT, encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : "";
}

async function main() {
  const started = Date.now();
  mkdirSync(OUT, { recursive: true });
  const distArg = option("--dist", null);
  const dist = distArg ? resolve(distArg) : join(OUT, "dist");
  if (!distArg && !flag("--no-build")) build(dist);
  if (!existsSync(join(dist, "embed.js"))) throw new Error(`${dist}/embed.js is missing: build first (or drop --no-build)`);
  const files = widgetFiles(dist);

  // Bytes.
  const ours = [files.loader, files.glue, files.wasm, ...files.words].map((name) => ({ name, ...sizes(readFileSync(join(dist, name))) }));
  const lottieDir = join(ROOT, "node_modules", "lottie-web");
  if (!existsSync(lottieDir)) throw new Error("node_modules/lottie-web is missing: run `make bootstrap` (npm ci)");
  const lottieVersion = JSON.parse(readFileSync(join(lottieDir, "package.json"), "utf8")).version;
  const lottieFiles = ["lottie_light.min.js", "lottie.min.js"].map((name) => ({ name, ...sizes(readFileSync(join(lottieDir, "build", "player", name))) }));
  const total = sumSizes(ours);
  const consultTotal = files.consult ? sumSizes(files.consult.map((name) => sizes(readFileSync(join(dist, name))))) : null;
  const light = lottieFiles[0];

  const server = await startServer(dist);
  const browser = await launch();
  const result = {
    env: {
      date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      commit: git("rev-parse", "--short", "HEAD"),
      dirty: git("status", "--porcelain", "--", "src", "content", "static", "index.html", "Cargo.toml", "Cargo.lock", "Trunk.toml", "build.rs") !== "",
      browser: `Chromium ${browser.version()}`,
      node: process.versions.node,
      cpus: cpus().length,
      loadAverageAtStart: round(loadavg()[0], 2),
      dist,
      quick: QUICK,
    },
  };
  try {
    // Which files does the page really load for the widget? (One plain load, then the list.)
    {
      const s = await newPage(browser);
      const from = server.requests.length;
      await loadWidget(s, server.origin);
      await s.context.close();
      const requested = [...new Set(server.requests.slice(from).map((q) => q.path.slice(1)))].filter((p) => p !== "bench.html");
      const expected = [files.loader, files.glue, files.wasm, ...files.words];
      const extra = requested.filter((p) => !expected.includes(p));
      result.bytes = {
        files: ours,
        total,
        consultTotal,
        requested,
        unexpectedRequests: extra,
        lottie: { version: lottieVersion, files: lottieFiles },
        ratioToLottieLight: { raw: total.raw / light.raw, gzip: total.gzip / light.gzip, brotli: total.brotli / light.brotli },
      };
      if (extra.length) log(`the page also loaded ${extra.join(", ")}: not counted`);
    }
    if (ONLY.has("startup")) {
      log(`start-up, ${RUNS} runs per profile`);
      result.startup = [];
      for (const p of PROFILES) result.startup.push(await startup(browser, server, p, RUNS));
    }
    if (ONLY.has("frames")) {
      log("frame cost at 1x and 4x");
      result.frames = [await frameCost(browser, server, 1), await frameCost(browser, server, 4)];
    }
    if (ONLY.has("memory")) {
      log(`memory: ${STEP_CHANGES} step changes, ${MOUNT_CYCLES} mount cycles`);
      result.memory = await memory(browser, server, files);
    }
    if (ONLY.has("idle")) {
      log("idle");
      result.idle = await idle(browser, server);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  result.env.loadAverageAtEnd = round(loadavg()[0], 2);
  result.budgets = budgets(result);
  result.notes = [
    "Bytes: the files the bench page requested for the widget (loader, wasm-bindgen glue, wasm, the words of its one language), compressed here with gzip -9 and brotli quality 11.",
    "Start-up: performance.now() (from the navigation's start) when the widget's shadow root first holds svg.diagram with its g.vertebra (in DOM), and when the next frame after that has been rendered (painted; the budgeted figure). Each run is a fresh browser context with the cache disabled; files are served with brotli. Throttling: Emulation.setCPUThrottlingRate and Network.emulateNetworkConditions.",
    "Frame cost: per animation frame, main-thread task time from a devtools.timeline trace, from the frame's task to the next frame's task; untraced mean = TaskDuration / frames of the same animation without tracing. Dropped: vsyncs missed between consecutive rAF callbacks; in brackets, frames Chromium's frame reporter marks STATE_DROPPED. Script p95: the frame's JavaScript and WebAssembly alone (animation-frame callbacks, Yew's render), without style, layout, paint and commit. Reference: a one-circle animation of the same length on its own page, measured the same way: the browser's own floor per frame.",
    "Memory: after HeapProfiler.collectGarbage (twice), with the widget still; wasm memory grows in 64 KiB pages and never shrinks. Each phase is compared with the snapshot before it (the step changes and the remove/re-add cycles each after a warm-up of their own), and measured at its half too.",
    "Idle: headless Chromium keeps document.hidden false (a minimized window or another tab in front only throttle its frames), so unless bringing another tab to front hides the page, the hidden case overrides document.hidden/visibilityState and fires visibilitychange.",
  ];
  result.seconds = Math.round((Date.now() - started) / 1000);
  writeFileSync(join(OUT, "bench.json"), JSON.stringify(result, null, 2) + "\n");
  console.log(table(result));
  console.log(`\n(${result.seconds} s; every figure is in bench/out/bench.json)`);
}

main().catch((e) => {
  console.error("bench: error:", e?.stack || e);
  process.exit(1);
});
