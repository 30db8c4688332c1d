// Shared end-to-end harness: serves the built dist/ on a free loopback port and launches
// Debian's Chromium through playwright-core. Tests use the page as a person does: roles, names
// and the live region's text.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createHash } from "node:crypto";
import { chromium } from "playwright-core";
import { before, after } from "node:test";

export const ROOT = resolve(import.meta.dirname, "..", "..");
/** The build under test: dist/, or another folder named by KX_DIST (parallel work, benchmarks). */
export const DIST = process.env.KX_DIST || join(ROOT, "dist");
export const SHOTS = join(ROOT, "tests", "screenshots");

/** The English content, as the widget has it (read fresh, so tests follow content edits). */
export const CONTENT = JSON.parse(readFileSync(join(ROOT, "content", "en.json"), "utf8"));
/** Step titles, in order. */
export const TITLES = CONTENT.steps.map((s) => s.title);
/** "Step 3 of 10: A hollow needle goes in" for the step at `index` (0-based). */
export function announcement(index) {
  const count = CONTENT.ui.step_of.replace("{n}", String(index + 1)).replace("{total}", String(TITLES.length));
  return `${count}: ${TITLES[index]}`;
}
export const HEADING = CONTENT.ui.heading;

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/**
 * Serves a snapshot of `dir` (copied to a temporary folder, so a rebuild during the run cannot
 * pull files away) on 127.0.0.1; returns { url, origin, close }.
 */
export async function serve(dir = DIST) {
  if (!existsSync(join(dir, "index.html"))) {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release\` first`);
  }
  const snapshot = mkdtempSync(join(tmpdir(), "kx-dist-"));
  cpSync(dir, snapshot, { recursive: true });
  const port = await freePort();
  const child = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", snapshot], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  // http.server logs every request to stderr: drain it, or the pipe fills and the server stalls.
  let log = "";
  child.stderr.on("data", (d) => {
    log = (log + d).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}/`;
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    try {
      up = (await fetch(url)).ok;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const close = () => {
    child.kill();
    rmSync(snapshot, { recursive: true, force: true });
  };
  if (!up) {
    close();
    throw new Error(`the test server did not start on ${url}:\n${log}`);
  }
  return { url, origin: new URL(url).origin, close };
}

/** Launches headless Chromium with flags that keep it off the network. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** The server and browser a test file shares (live bindings, set by `useBrowser`). */
export let server, browser;

/** Serves the build and launches the browser before this file's tests; stops both after them. */
export function useBrowser() {
  before(async () => {
    server = await serve();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    server?.close();
  });
}

/**
 * A new page in its own context. `clock: true` installs Playwright's fake clock, paused, so
 * requestAnimationFrame and timers move only with `page.clock.runFor(ms)`.
 */
export async function openPage(browser, { width = 1280, height = 900, clock = false, ...options } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, ...options });
  const page = await context.newPage();
  if (clock) {
    await page.clock.install({ time: new Date("2026-01-01T09:00:00Z") });
    await page.clock.pauseAt(new Date("2026-01-01T09:00:01Z"));
  }
  return page;
}

/** The first widget on the page (a Locator that pierces its open shadow root). */
export function widget(page, n = 0) {
  return page.locator("kyphoplasty-explainer").nth(n);
}

/** Waits until widget `n` has started (its shadow root holds the region). */
export async function started(page, n = 0) {
  await widget(page, n).getByRole("region", { name: HEADING }).waitFor();
}

/** Scrolls widget `n` into view (it loads lazily) and waits until it has started. */
export async function bringUp(page, n = 0) {
  await widget(page, n).scrollIntoViewIfNeeded();
  await started(page, n);
}

/**
 * A new page on `url` with its first widget started, and the console warnings it logs from the
 * start: `{ page, warnings }`.
 */
export async function startedWithWarnings(browser, url) {
  const page = await openPage(browser);
  const warnings = [];
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  await page.goto(url);
  await bringUp(page);
  return { page, warnings };
}

/**
 * Opens `url` (the demo page) with its first widget switched to consult mode, and waits until the
 * consult panel ("This patient") is there. `options` go to `openPage` (size, reduced motion, ...).
 */
export async function openConsult(browser, url, options = {}) {
  const page = await openPage(browser, { width: 1280, height: 1000, ...options });
  await page.goto(url);
  await bringUp(page);
  await widget(page).evaluate((e) => e.setAttribute("mode", "consult"));
  await widget(page).getByRole("group", { name: CONTENT.ui.patient_settings }).waitFor();
  return page;
}

/** The live region's text of widget `n`. */
export function liveText(page, n = 0) {
  return widget(page, n).locator("[aria-live]").textContent();
}

/** Waits (up to `timeout` ms) until widget `n`'s live region reads `text`; throws otherwise. */
export async function expectLive(page, text, n = 0, timeout = 5000) {
  // Polled from Node, not in the page: a paused fake clock would freeze in-page polling.
  const region = widget(page, n).locator("[aria-live]");
  const end = Date.now() + timeout;
  let got;
  while ((got = await region.textContent()) !== text && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
  }
  if (got !== text) {
    throw new Error(`live region of widget ${n}: expected ${JSON.stringify(text)}, got ${JSON.stringify(got)}`);
  }
}

/** The diagram's current markup (outerHTML of the SVG) in widget `n`. */
export function svgMarkup(page, n = 0) {
  return widget(page, n).locator("svg.diagram").evaluate((el) => el.outerHTML);
}

/** A short hash of the diagram's markup. */
export async function svgHash(page, n = 0) {
  return createHash("sha1").update(await svgMarkup(page, n)).digest("hex").slice(0, 12);
}

/**
 * Waits until widget `n`'s diagram stops changing: the markup is the same across `quiet` ms.
 * With a paused fake clock (`openPage(..., { clock: true })`) time is advanced by the clock;
 * otherwise it is real time. Returns the settled markup.
 */
export async function untilStill(page, n = 0, { clock = false, quiet = 400, max = 12000 } = {}) {
  let last = await svgMarkup(page, n);
  for (let t = 0; t < max; t += quiet) {
    if (clock) await page.clock.runFor(quiet);
    else await page.waitForTimeout(quiet);
    const now = await svgMarkup(page, n);
    if (now === last) return now;
    last = now;
  }
  throw new Error(`the diagram of widget ${n} was still changing after ${max} ms`);
}

/** Waits until the widget's current step has finished animating (kept for scripts/shoot.mjs). */
export async function settle(page, ms = 6000) {
  await page.waitForTimeout(50);
  await page.clock?.runFor?.(0).catch(() => {});
  await page.waitForTimeout(ms);
}

/**
 * Records console messages and page errors. `problems()` lists errors (and warnings from the
 * widget itself), leaving out the browser's own 404 for /favicon.ico, which the demo page does
 * not provide.
 */
export function watchConsole(page) {
  const seen = [];
  page.on("console", (m) => seen.push({ type: m.type(), text: m.text(), url: m.location()?.url ?? "" }));
  page.on("pageerror", (e) => seen.push({ type: "pageerror", text: String(e?.stack || e), url: "" }));
  const isFavicon404 = (m) => m.type === "error" && new URL(m.url || "about:blank").pathname === "/favicon.ico";
  return {
    all: seen,
    problems: () =>
      seen.filter(
        (m) =>
          !isFavicon404(m) &&
          (m.type === "error" || m.type === "pageerror" || (m.type === "warning" && /kyphoplasty/i.test(m.text))),
      ),
  };
}

/** Where focus really is: the active element, followed into shadow roots. */
export function deepActive(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    const path = [];
    while (a) {
      path.push(a.tagName.toLowerCase() + (a.className && typeof a.className === "string" ? "." + a.className.split(" ").join(".") : ""));
      a = a.shadowRoot?.activeElement ?? null;
    }
    return path.join(" > ");
  });
}

export function shotsDir(...sub) {
  const d = join(SHOTS, ...sub);
  mkdirSync(d, { recursive: true });
  return d;
}

// ---- Helpers for diagram.test.mjs and storyboard.test.mjs ----

/** The top-down diagram's current markup (outerHTML of svg.axial-diagram) in widget `n`. */
export function axialMarkup(page, n = 0) {
  return widget(page, n).locator("svg.axial-diagram").evaluate((el) => el.outerHTML);
}

/** A diagram's markup without its names (<title>, <desc>, aria-label): the drawing only. */
export function drawingOf(markup) {
  return markup
    .replace(/<title[^>]*>[\s\S]*?<\/title>/g, "")
    .replace(/<desc[^>]*>[\s\S]*?<\/desc>/g, "")
    .replace(/ aria-label="[^"]*"/g, "");
}

/**
 * Counts calls to requestAnimationFrame from page start (an init script wrapping the function
 * the wasm glue looks up on window at each call). Call before `page.goto`; read with `frameCount`.
 *
 * It also hands out small frame ids, as a browser does. Playwright's fake clock numbers frames
 * from 10^12, which does not fit the i32 that web-sys gives `request_animation_frame`, so the
 * widget's `cancel_animation_frame` would cancel nothing on the fake clock alone.
 */
export async function countFrames(page) {
  await page.addInitScript(() => {
    const raf = window.requestAnimationFrame.bind(window);
    const caf = window.cancelAnimationFrame.bind(window);
    const ids = new Map();
    let last = 0;
    window.__kxFrames = 0;
    window.requestAnimationFrame = (cb) => {
      window.__kxFrames++;
      const id = ++last;
      ids.set(id, raf((t) => {
        ids.delete(id);
        cb(t);
      }));
      return id;
    };
    window.cancelAnimationFrame = (id) => {
      if (ids.has(id)) caf(ids.get(id));
      ids.delete(id);
    };
  });
}

/** requestAnimationFrame calls counted so far (see `countFrames`). */
export function frameCount(page) {
  return page.evaluate(() => window.__kxFrames);
}

/**
 * Hides (`hidden` true) or shows the page's tab, so that `document.hidden` is true and a
 * `visibilitychange` event fires. The real way is tried first: another page of the same context
 * brought to the front. Headless Chromium keeps every page "visible" whatever is in front (also
 * with a minimized window, a second target in the same window or a frozen lifecycle state), so
 * when that does not hide the page, `document.hidden` / `document.visibilityState` are
 * overridden on the document and `visibilitychange` is dispatched, as the browser would.
 * Returns "real" or "emulated"; throws unless `document.visibilityState` then reads as wanted.
 */
export async function setPageHidden(page, hidden) {
  const state = () => page.evaluate(() => document.visibilityState);
  let how = "real";
  if (hidden) {
    const other = await page.context().newPage();
    await other.bringToFront();
    page.__kxCover = other;
    if ((await state()) !== "hidden") {
      how = "emulated";
      await page.evaluate(() => {
        Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
        Object.defineProperty(document, "hidden", { configurable: true, get: () => true });
        document.dispatchEvent(new Event("visibilitychange"));
      });
    }
  } else {
    const emulated = await page.evaluate(() => Object.getOwnPropertyDescriptor(document, "hidden") !== undefined);
    await page.__kxCover?.close();
    page.__kxCover = undefined;
    await page.bringToFront();
    if (emulated) {
      how = "emulated";
      await page.evaluate(() => {
        delete document.visibilityState;
        delete document.hidden;
        document.dispatchEvent(new Event("visibilitychange"));
      });
    }
  }
  const want = hidden ? "hidden" : "visible";
  const got = await state();
  if (got !== want) throw new Error(`document.visibilityState is ${got}, wanted ${want}`);
  return how;
}

/** "BalloonPlaced" -> "balloon-placed" (the content files' names of diagram states). */
function kebab(name) {
  return name.replace(/[A-Z]/g, (c, i) => (i ? "-" : "") + c.toLowerCase());
}

/**
 * Each step's animation, read from src/model/timeline.rs (so tests follow edits there):
 * [{ id, title, state, durationMs, end, still }] in step order. `end` names the keyframe's end
 * scene; `still` is true when a step ends on the same scene it starts from (its picture does
 * not move, e.g. recovery and risks).
 */
export function stepAnimations() {
  const src = readFileSync(join(ROOT, "src", "model", "timeline.rs"), "utf8");
  const body = src.slice(src.indexOf("pub fn keyframe(self)"));
  const byState = new Map();
  const arm = /((?:DiagramState::\w+\s*\|?\s*)+)=>\s*Keyframe\s*\{([\s\S]*?)duration_ms:\s*([\d.]+)/g;
  for (const m of body.matchAll(arm)) {
    const end = /end:\s*(\w+)/.exec(m[2])?.[1];
    for (const s of m[1].matchAll(/DiagramState::(\w+)/g)) {
      byState.set(kebab(s[1]), { durationMs: Number(m[3]), end });
    }
  }
  let previousEnd = "HEALTHY";
  return CONTENT.steps.map((s) => {
    const k = byState.get(s.diagram);
    if (!k) throw new Error(`no keyframe for diagram state ${s.diagram} in timeline.rs`);
    const still = k.end === previousEnd;
    previousEnd = k.end;
    return { id: s.id, title: s.title, state: s.diagram, durationMs: k.durationMs, end: k.end, still };
  });
}

/** The glide to a newly chosen step (TWEEN_MS in src/model/player.rs), in milliseconds. */
export function glideMs() {
  const src = readFileSync(join(ROOT, "src", "model", "player.rs"), "utf8");
  const m = /pub const TWEEN_MS:\s*f32\s*=\s*([\d.]+)/.exec(src);
  if (!m) throw new Error("TWEEN_MS not found in src/model/player.rs");
  return Number(m[1]);
}

/**
 * Run in the page with `locator.evaluate(labelProblems, options)` on an SVG picture: what is wrong
 * with its labels, in words. A label's text outside the picture, over a level's name or over
 * another label's text; with `leaders`, a leader that points outside the picture; with `needles`,
 * a label's text across a needle's shaft. A picture that is not shown (no width: the other view on
 * a phone) has none.
 */
export function labelProblems(svg, { leaders = false, needles = false } = {}) {
  const box = (e) => e.getBoundingClientRect();
  const pic = box(svg);
  if (!pic.width) return [];
  const inPic = (r) => r.left >= pic.left - 1 && r.right <= pic.right + 1 && r.top >= pic.top - 1 && r.bottom <= pic.bottom + 1;
  const meet = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  const out = [];
  const names = [...svg.querySelectorAll(".level-text")].map((e) => [e.textContent, box(e)]);
  const texts = [...svg.querySelectorAll(".label-text")].map((t) => [t.textContent, box(t)]);
  texts.forEach(([t, r], i) => {
    if (!inPic(r)) out.push(`"${t}" outside the picture`);
    for (const [n, nr] of names) if (meet(r, nr)) out.push(`"${t}" covers ${n}`);
    for (const [u, ur] of texts.slice(i + 1)) if (meet(r, ur)) out.push(`"${t}" overlaps "${u}"`);
  });
  if (leaders) for (const d of svg.querySelectorAll(".leader-dot")) if (!inPic(box(d))) out.push("a leader points outside the picture");
  if (needles) {
    // Each needle's shaft on the screen, as a segment (its element's own transform applied).
    const shafts = [...svg.querySelectorAll(".needle-shaft")].map((l) => {
      const m = l.getScreenCTM();
      const at = (x, y) => new DOMPoint(x, y).matrixTransform(m);
      const v = (n) => l[n].baseVal.value;
      return [at(v("x1"), v("y1")), at(v("x2"), v("y2"))];
    });
    // Whether the segment p-q passes through the rectangle r (sampled finely along it).
    const crosses = (r, p, q) => {
      for (let i = 0; i <= 200; i++) {
        const x = p.x + ((q.x - p.x) * i) / 200, y = p.y + ((q.y - p.y) * i) / 200;
        if (x > r.left && x < r.right && y > r.top && y < r.bottom) return true;
      }
      return false;
    };
    for (const [t, r] of texts) if (shafts.some(([p, q]) => crosses(r, p, q))) out.push(`"${t}" lies across a needle`);
  }
  return out;
}
