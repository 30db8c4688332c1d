// Accessibility (WCAG 2.2 AA, as the embedding notes ask: axe-core, own contrast checks for SVG):
//  1. axe-core finds nothing inside the widget's shadow root at every step, in both modes and both
//     languages, at 360 and 1280 px, with the disclaimer and a glossary definition open, and
//     once through all steps with the animations running (fake clock).
//  2. Contrast measured by the test itself: every visible text (HTML and SVG labels, whose halo
//     stroke is their background) 4.5:1 (3:1 large); focus rings and control borders 3:1.
//  3. Keyboard only: Tab into the widget, reach every control in order, each with a visible focus
//     indicator (computed outline and a before/after screenshot); all steps by keyboard.
//  4. Targets at least 44 x 44 CSS px (inline glossary words and links: at least 24 px high).
//  5. 200% zoom (640 px viewport, device scale 2) and 400% reflow (320 px): no horizontal
//     scrolling, nothing cut off, every control reachable; forced colours keep controls visible.
//  6. The picture's <title>/<desc> and the live region follow the step (English and Spanish);
//     the picture is named once; every Tab stop has a role; nothing flashes while playing.
// Helpers live in this file (page-side ones are installed with an init script as window.__kx).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { serve, launch, openPage, widget, bringUp, untilStill, svgMarkup, ROOT } from "./harness.mjs";

const AXE_PATH = join(ROOT, "node_modules", "axe-core", "axe.min.js");
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const LANG = {
  en: JSON.parse(readFileSync(join(ROOT, "content", "en.json"), "utf8")),
  es: JSON.parse(readFileSync(join(ROOT, "content", "es.json"), "utf8")),
};
const N = LANG.en.steps.length;
const MODES = ["patient", "consult"];

/** "Step 3 of 10: title" / "Paso 3 de 10: título" for step `i` (0-based) in `lang`; consult mode
 * announces the step's clinical title. */
function announce(lang, i, mode = "patient") {
  const c = LANG[lang];
  const count = c.ui.step_of.replace("{n}", String(i + 1)).replace("{total}", String(c.steps.length));
  return `${count}: ${mode === "consult" ? c.steps[i].consult.title : c.steps[i].title}`;
}

let server, browser, decoder;

before(async () => {
  server = await serve();
  browser = await launch();
  decoder = await browser.newPage(); // decodes screenshots (about:blank, no network)
});
after(async () => {
  await browser?.close();
  server?.close();
});

// ---------------------------------------------------------------------------------------------
// Page-side helpers (window.__kx), installed before the page's own scripts.
// ---------------------------------------------------------------------------------------------
function pageHelpers() {
  const H = (window.__kx = {});
  H.host = (n = 0) => document.querySelectorAll("kyphoplasty-explainer")[n];
  H.root = (n = 0) => H.host(n).shadowRoot;
  H.parse = (c) => {
    const m = /^rgba?\(([^)]*)\)$/.exec(String(c || "").trim());
    if (!m) return null;
    const p = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  H.hex = (c) => (c ? "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("") : "?");
  H.lum = ([r, g, b]) => {
    const ch = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
  };
  H.ratio = (a, b) => {
    const x = H.lum(a);
    const y = H.lum(b);
    return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
  };
  /** `fg` (with alpha, times `alpha`) painted over the opaque `bg`. */
  H.over = (fg, bg, alpha = 1) => {
    const a = fg[3] * alpha;
    return [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a)).concat(1);
  };
  H.parentOf = (el) => el.parentElement || (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
  H.desc = (el) => {
    const cls = typeof el.className === "string" ? el.className : el.getAttribute?.("class") || "";
    return el.tagName.toLowerCase() + (cls.trim() ? "." + cls.trim().split(/\s+/).join(".") : "");
  };
  /** Opaque colours that can be behind `el` (gradients give one per stop), or { unknown }. */
  H.backgrounds = (el) => {
    const layers = [];
    for (let e = el; e; e = H.parentOf(e)) {
      if (e instanceof SVGElement && !(e instanceof SVGSVGElement)) continue;
      const s = getComputedStyle(e);
      const img = s.backgroundImage;
      if (img && img !== "none") {
        if (/url\(/.test(img)) return { unknown: `background image on ${H.desc(e)}` };
        const stops = [...img.matchAll(/rgba?\([^)]*\)/g)].map((m) => H.parse(m[0]));
        if (stops.length) layers.push(stops);
      }
      const c = H.parse(s.backgroundColor);
      if (c && c[3] > 0) {
        layers.push([c]);
        if (c[3] >= 1) break;
      }
    }
    let cands = [[255, 255, 255, 1]];
    for (const layer of layers.reverse()) cands = layer.flatMap((s) => cands.map((b) => H.over(s, b)));
    return { colors: cands };
  };
  H.opacity = (el) => {
    let o = 1;
    for (let e = el; e; e = H.parentOf(e)) o *= parseFloat(getComputedStyle(e).opacity || "1");
    return o;
  };
  /** True when an ancestor clips `el` away (the visually hidden live region). */
  H.clippedAway = (el) => {
    for (let e = el; e; e = H.parentOf(e)) {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      if ((s.overflow !== "visible" || s.clipPath !== "none") && (r.width <= 1 || r.height <= 1)) return true;
    }
    return false;
  };
  H.visible = (el) =>
    el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && !H.clippedAway(el);

  /** Every visible text in widget `n`, with its colours and contrast. */
  H.textReport = (n = 0) => {
    const out = [];
    const seen = new Set();
    const els = (window.__kxTextEls = []);
    const walker = document.createTreeWalker(H.root(n), NodeFilter.SHOW_TEXT);
    for (let t; (t = walker.nextNode()); ) {
      const text = t.data.replace(/\s+/g, " ").trim();
      const el = t.parentElement;
      if (!text || !el || el.closest("title, desc, style, defs")) continue;
      const svgText = el.closest("text");
      if (svgText && seen.has(svgText)) continue;
      if (!H.visible(el)) continue;
      const range = document.createRange();
      range.selectNodeContents(svgText || t);
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      if (!rects.length) continue;
      const s = getComputedStyle(svgText || el);
      const weight = parseInt(s.fontWeight, 10) || 400;
      const alpha = H.opacity(el);
      const box = (svgText || el).getBoundingClientRect();
      els.push(svgText || el);
      const item = {
        el: els.length - 1,
        text: text.slice(0, 48),
        where: H.desc(svgText || el),
        bold: weight >= 700,
        rect: { x: box.x, y: box.y, width: box.width, height: box.height },
      };
      if (svgText) {
        seen.add(svgText);
        const m = svgText.getScreenCTM();
        const scale = Math.hypot(m.a, m.b);
        const font = parseFloat(s.fontSize);
        item.kind = "svg";
        item.px = font * scale;
        const fill = H.parse(s.fill);
        const stroke = H.parse(s.stroke);
        const halo =
          stroke && /^stroke/.test(s.paintOrder) && parseFloat(s.strokeWidth) >= 0.2 * font &&
          parseFloat(s.strokeOpacity) >= 1 && stroke[3] >= 1;
        if (!fill) {
          item.unknown = `fill ${s.fill}`;
        } else if (halo) {
          item.fg = H.over(fill, stroke, parseFloat(s.fillOpacity) * alpha);
          item.bg = [stroke];
          item.via = `halo stroke ${parseFloat(s.strokeWidth)} on ${font} units`;
        } else {
          item.fg = fill;
          item.alpha = parseFloat(s.fillOpacity) * alpha;
          item.unknown = "no halo stroke behind the text";
        }
      } else {
        item.kind = "html";
        item.px = parseFloat(s.fontSize);
        const fg = H.parse(s.color);
        const bgs = H.backgrounds(el);
        if (!fg) item.unknown = `color ${s.color}`;
        else if (bgs.unknown) {
          item.fg = fg;
          item.alpha = alpha;
          item.unknown = bgs.unknown;
        } else {
          item.bg = bgs.colors;
          item.fg = fg;
          item.alpha = alpha;
        }
      }
      item.large = item.px >= 24 || (item.bold && item.px >= 18.66);
      item.need = item.large ? 3 : 4.5;
      if (!item.unknown) {
        const fgs = item.bg.map((b) => (item.kind === "svg" ? item.fg : H.over(item.fg, b, item.alpha)));
        const ratios = item.bg.map((b, i) => H.ratio(fgs[i], b));
        const k = ratios.indexOf(Math.min(...ratios));
        item.ratio = ratios[k];
        item.fgHex = H.hex(fgs[k]);
        item.bgHex = H.hex(item.bg[k]);
      }
      out.push(item);
    }
    return out;
  };

  /** Keyboard-focusable, rendered elements of widget `n`, in document order. */
  H.focusables = (n = 0) =>
    [...H.root(n).querySelectorAll("button, input, select, textarea, a[href], [tabindex]")].filter(
      (e) => e.tabIndex >= 0 && !e.disabled && e.checkVisibility({ visibilityProperty: true }),
    );
  H.deepActive = () => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    return a;
  };
  /** The element's text as a screen reader reads it (aria-label, or text outside aria-hidden). */
  H.name = (e) => {
    let s = e.getAttribute("aria-label") || "";
    if (!s) {
      const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let t; (t = w.nextNode()); ) if (!t.parentElement.closest('[aria-hidden="true"]')) s += t.data;
    }
    return (s || e.getAttribute("href") || "").replace(/\s+/g, " ").trim().slice(0, 44);
  };
  H.label = (e) => `${H.desc(e)} "${H.name(e)}"`;
  /** Where keyboard focus is, relative to widget `n`, with the focused element's ring. */
  H.focusInfo = (n = 0) => {
    const a = H.deepActive();
    const inWidget = !!a && H.root(n).contains(a);
    if (!inWidget) return { inWidget, index: -1, label: a ? H.label(a) : "nothing" };
    window.__kxLast = a;
    const s = getComputedStyle(a);
    const r = a.getBoundingClientRect();
    const outside = H.backgrounds(H.parentOf(a));
    return {
      inWidget,
      index: H.focusables(n).indexOf(a),
      label: H.label(a),
      focusVisible: a.matches(":focus-visible"),
      outline: { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, offset: parseFloat(s.outlineOffset) },
      boxShadow: s.boxShadow,
      rect: { x: r.x, y: r.y, width: r.width, height: r.height },
      outsideBg: outside.colors || null,
    };
  };
  /** Contrast of each control's boundary (border or own background) against what is around it. */
  H.boundaries = (n = 0) =>
    H.focusables(n)
      .filter((e) => e.matches("button, a[href], input") && H.visible(e))
      .map((e) => {
        const s = getComputedStyle(e);
        const outside = H.backgrounds(H.parentOf(e)).colors || [[255, 255, 255, 1]];
        const own = H.parse(s.backgroundColor);
        const border = s.borderTopStyle !== "none" && parseFloat(s.borderTopWidth) >= 1 ? H.parse(s.borderTopColor) : null;
        const hasBg = own && own[3] > 0;
        const min = (c) => Math.min(...outside.map((o) => H.ratio(H.over(c, o), o)));
        return {
          label: H.label(e),
          inline: e.matches(".kx-term") || (e.matches("a") && s.display === "inline"),
          disabled: e.getAttribute("aria-disabled") === "true",
          native: e.matches("input"),
          textOnly: !border && !hasBg,
          border: border && { color: H.hex(border), width: parseFloat(s.borderTopWidth), ratio: min(border) },
          background: hasBg ? { color: H.hex(own), ratio: min(own) } : null,
          outside: H.hex(outside[0]),
        };
      });
  /** The deepest element at viewport point (x, y), through open shadow roots. */
  H.hit = (x, y) => {
    let e = document.elementFromPoint(x, y);
    while (e?.shadowRoot) {
      const inner = e.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === e) break;
      e = inner;
    }
    return e;
  };
}

/** A page (own context) with the helpers installed, the demo loaded and widget 0 started. */
async function ready(options = {}) {
  const page = await openPage(browser, options);
  await page.addInitScript(pageHelpers);
  await page.goto(server.url);
  await bringUp(page, 0);
  return page;
}

/** Polls `check` (async, from Node: works with a paused fake clock) until it returns truthy. */
async function until(check, what, timeout = 10_000) {
  const end = Date.now() + timeout;
  let got;
  while (!(got = await check()) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  if (!got) throw new Error(`timed out waiting for ${what}`);
  return got;
}

const live = (page) => widget(page).locator("[aria-live]").textContent();

/** Sets attributes on widget 0 (the widget re-renders at the same step) and waits for it. */
async function setAttributes(page, attrs) {
  const changed = await page.evaluate((attrs) => {
    const el = __kx.host(0);
    window.__kxOld = el.shadowRoot.querySelector(".kx");
    let changed = false;
    for (const [k, v] of Object.entries(attrs)) {
      if (el.getAttribute(k) !== v) {
        el.setAttribute(k, v);
        changed = true;
      }
    }
    return changed;
  }, attrs);
  if (!changed) return;
  await until(
    () =>
      page.evaluate((lang) => {
        const now = __kx.root(0).querySelector(".kx");
        return !!now && now !== window.__kxOld && now.isConnected && (!lang || now.getAttribute("lang") === lang);
      }, attrs.lang),
    `widget to re-render with ${JSON.stringify(attrs)}`,
  );
}

/** Waits two rendering updates (real clock only). */
const frames = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Goes to step `i` through the element's API and waits for the announcement and a still picture. */
async function goStep(page, lang, i) {
  await page.evaluate((i) => __kx.host(0).goTo(i), i);
  await until(
    async () => [announce(lang, i), announce(lang, i, "consult")].includes(await live(page)),
    `"${announce(lang, i)}" (or its consult-mode title)`,
  );
  let last = await svgMarkup(page);
  for (let k = 0; k < 100; k++) {
    await frames(page);
    const now = await svgMarkup(page);
    if (now === last) return;
    last = now;
  }
  throw new Error(`step ${i + 1}: the picture kept changing with reduced motion`);
}

/** Runs axe on widget `n` (its shadow root included). With a fake clock, pumps the clock. */
async function runAxe(page, { n = 0, clock = false } = {}) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE_PATH });
  const start = (args) => {
    window.__kxAxe = null;
    const pick = (nodes) =>
      nodes.map((x) => ({ target: x.target.flat(Infinity).join(" >>> "), summary: x.failureSummary || "", html: x.html.slice(0, 140) }));
    const done = window.axe
      .run(window.__kx.host(args.n), { runOnly: { type: "tag", values: args.tags }, resultTypes: ["violations"] })
      .then(
        (r) =>
          (window.__kxAxe = {
            violations: r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: pick(v.nodes) })),
            incomplete: r.incomplete.map((v) => ({ id: v.id, help: v.help, nodes: pick(v.nodes).slice(0, 3) })),
          }),
        (e) => (window.__kxAxe = { error: String(e?.stack || e) }),
      );
    return args.detach ? undefined : done;
  };
  if (!clock) {
    await page.evaluate(start, { n, tags: AXE_TAGS });
  } else {
    // axe waits on timers; a paused fake clock would stall it.
    await page.evaluate(start, { n, tags: AXE_TAGS, detach: true });
    await until(async () => {
      if (await page.evaluate(() => !!window.__kxAxe)) return true;
      await page.clock.runFor(50);
      return false;
    }, "axe under the fake clock", 30_000);
  }
  const r = await page.evaluate(() => window.__kxAxe);
  if (r.error) throw new Error(`axe failed: ${r.error}`);
  return r;
}

/**
 * Collects axe results over many states and reports each problem once, with every state it
 * was seen in.
 */
function axeLedger() {
  const problems = new Map();
  const incomplete = new Map();
  return {
    add(where, r) {
      for (const v of r.violations) {
        for (const node of v.nodes) {
          const key = `${v.id} @ ${node.target}`;
          if (!problems.has(key)) problems.set(key, { v, node, where: [] });
          problems.get(key).where.push(where);
        }
      }
      for (const v of r.incomplete) {
        for (const node of v.nodes) {
          const key = `${v.id} @ ${node.target.replace(/\[[xy]="[^"]*"\]/g, "")}`;
          if (!incomplete.has(key)) incomplete.set(key, { v, node, count: 0 });
          incomplete.get(key).count++;
        }
      }
    },
    report() {
      return [...problems.values()]
        .map(
          ({ v, node, where }) =>
            `- ${v.id} [${v.impact}] ${v.help}\n    at ${node.target}\n    ${node.html}\n` +
            `    ${node.summary.replace(/\n/g, "\n    ")}\n    seen in ${where.length} state(s): ${where.slice(0, 6).join("; ")}${where.length > 6 ? "; ..." : ""}`,
        )
        .join("\n");
    },
    size: () => problems.size,
    incompleteSummary: () =>
      [...incomplete.values()].map(({ v, node, count }) => `needs review: ${v.id} (${v.help}) at ${node.target} x${count}`),
  };
}

/** Opens the disclaimer and the first glossary word of the current step; returns what it did. */
async function openExtras(page) {
  await widget(page).locator("button.kx-link").click();
  await widget(page).locator(".kx-about").waitFor();
  const term = widget(page).locator(".kx-term").first();
  if ((await term.count()) === 0) return "disclaimer";
  await term.click();
  await widget(page).locator(".kx-definition p").waitFor();
  return "disclaimer + definition";
}

// ---------------------------------------------------------------------------------------------
// 1. axe-core
// ---------------------------------------------------------------------------------------------
for (const width of [360, 1280]) {
  test(`axe: no violations at every step, both modes and languages, ${width} px (reduced motion)`, async (t) => {
    const page = await ready({ width, height: 900, reducedMotion: "reduce" });
    const ledger = axeLedger();
    let runs = 0;
    try {
      for (const lang of ["en", "es"]) {
        for (const mode of MODES) {
          await setAttributes(page, { lang, mode });
          for (let i = 0; i < N; i++) {
            await goStep(page, lang, i);
            ledger.add(`${width}px ${lang} ${mode} step ${i + 1}`, await runAxe(page));
            runs++;
          }
          // The disclaimer and a definition open (step 1 has glossary words).
          await goStep(page, lang, 0);
          const what = await openExtras(page);
          ledger.add(`${width}px ${lang} ${mode} step 1 with ${what}`, await runAxe(page));
          await goStep(page, lang, N - 1);
          await widget(page).locator(".kx-about").waitFor();
          ledger.add(`${width}px ${lang} ${mode} last step with the disclaimer`, await runAxe(page));
          runs += 2;
          await widget(page).locator("button.kx-link").click(); // close it again
        }
      }
      for (const line of ledger.incompleteSummary()) t.diagnostic(line);
      t.diagnostic(`${runs} axe runs`);
      assert.equal(ledger.size(), 0, `axe violations inside the widget:\n${ledger.report()}`);
    } finally {
      await page.context().close();
    }
  });
}

test("axe: no violations at every step with the animations running (fake clock, 1280 px, English)", async (t) => {
  const page = await ready({ width: 1280, clock: true });
  const ledger = axeLedger();
  try {
    await untilStill(page, 0, { clock: true });
    for (let i = 0; i < N; i++) {
      if (i > 0) {
        await widget(page).getByRole("button", { name: LANG.en.ui.next, exact: true }).click();
        await until(async () => (await live(page)) === announce("en", i), announce("en", i));
        await untilStill(page, 0, { clock: true, quiet: 300 });
      }
      ledger.add(`1280px en, animated, step ${i + 1} settled`, await runAxe(page, { clock: true }));
    }
    // While playing (live region off, Pause button) and mid-animation.
    await widget(page).getByRole("button", { name: LANG.en.ui.play, exact: true }).click(); // restarts at step 1
    await widget(page).getByRole("button", { name: LANG.en.ui.pause, exact: true }).waitFor();
    await page.clock.runFor(1200);
    ledger.add("1280px en, playing, mid-animation", await runAxe(page, { clock: true }));
    for (const line of ledger.incompleteSummary()) t.diagnostic(line);
    assert.equal(ledger.size(), 0, `axe violations inside the widget:\n${ledger.report()}`);
  } finally {
    await page.context().close();
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Contrast, measured
// ---------------------------------------------------------------------------------------------

/** Decodes two PNG screenshots (in a blank page) and counts pixels that differ clearly. */
function pixels(pngs, fn, arg) {
  return decoder.evaluate(
    async ({ pngs, src, arg }) => {
      const load = async (b64) => {
        const img = new Image();
        img.src = "data:image/png;base64," + b64;
        await img.decode();
        const c = new OffscreenCanvas(img.width, img.height);
        const x = c.getContext("2d");
        x.drawImage(img, 0, 0);
        return x.getImageData(0, 0, img.width, img.height);
      };
      const images = [];
      for (const p of pngs) images.push(await load(p));
      return (0, eval)(`(${src})`)(images, arg);
    },
    { pngs: pngs.map((b) => b.toString("base64")), src: fn.toString(), arg },
  );
}

/**
 * For texts whose background the styles cannot tell (no halo, an image): screenshot the text's
 * box with the text hidden and take the worst of the background pixels (5th percentile).
 */
async function measureByPixels(page, item) {
  const rect = await page.evaluate((k) => {
    const el = window.__kxTextEls[k];
    if (!el?.isConnected) return null;
    el.scrollIntoView({ block: "center" });
    window.__kxHiddenEl = el;
    if (el instanceof SVGElement) el.style.visibility = "hidden";
    else el.style.color = "transparent";
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, item.el);
  if (!rect) return NaN;
  const vp = page.viewportSize();
  const x = Math.max(0, rect.x);
  const y = Math.max(0, rect.y);
  const clip = { x, y, width: Math.max(2, Math.min(vp.width, rect.x + rect.width) - x), height: Math.max(2, Math.min(vp.height, rect.y + rect.height) - y) };
  const shot = await page.screenshot({ clip, scale: "css" });
  await page.evaluate(() => {
    const el = window.__kxHiddenEl;
    el.style.visibility = "";
    el.style.color = "";
  });
  return pixels(
    [shot],
    ([img], { fg, alpha }) => {
      const lum = (r, g, b) => {
        const ch = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const ratios = [];
      const d = img.data;
      for (let k = 0; k < d.length; k += 4) {
        const f = [0, 1, 2].map((i) => fg[i] * alpha + d[k + i] * (1 - alpha));
        const a = lum(...f);
        const b = lum(d[k], d[k + 1], d[k + 2]);
        ratios.push((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
      }
      ratios.sort((a, b) => a - b);
      return ratios[Math.floor(ratios.length * 0.05)] ?? 0;
    },
    { fg: item.fg, alpha: item.alpha ?? 1 },
  );
}

/** Measures every visible text of widget 0; returns problem lines ("where: ..."). */
async function textProblems(page, where) {
  const items = await page.evaluate(() => __kx.textReport(0));
  const out = [];
  for (const item of items) {
    if (item.unknown) {
      if (!item.fg) {
        out.push(`${where}: "${item.text}" (${item.where}): colour unknown (${item.unknown})`);
        continue;
      }
      item.ratio = await measureByPixels(page, item);
      if (Number.isNaN(item.ratio)) {
        out.push(`${where}: "${item.text}" (${item.where}): could not be measured (${item.unknown})`);
        continue;
      }
      item.via = `${item.unknown}; measured on screen pixels`;
      item.fgHex = "#" + item.fg.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
      item.bgHex = "(pixels)";
    }
    if (item.ratio < item.need) {
      out.push(
        `${where}: "${item.text}" (${item.kind} ${item.where}, ${item.px.toFixed(1)}px${item.bold ? " bold" : ""}): ` +
          `${item.fgHex} on ${item.bgHex} = ${item.ratio.toFixed(2)}:1, needs ${item.need}:1${item.via ? ` [${item.via}]` : ""}`,
      );
    }
  }
  return { out, count: items.length, svg: items.filter((i) => i.kind === "svg") };
}

test("text contrast: every visible text, HTML and SVG labels, 4.5:1 (3:1 large), at every step", async (t) => {
  const problems = [];
  let texts = 0;
  let smallest = Infinity;
  for (const width of [360, 1280]) {
    const page = await ready({ width, reducedMotion: "reduce" });
    try {
      for (let i = 0; i < N; i++) {
        await goStep(page, "en", i);
        const r = await textProblems(page, `${width}px step ${i + 1}`);
        problems.push(...r.out);
        texts += r.count;
        for (const s of r.svg) smallest = Math.min(smallest, s.px);
      }
      // Other states: disclaimer and a definition open, the Read aloud note, larger text, a
      // pressed tool, the last step's call to action.
      await goStep(page, "en", 0);
      await openExtras(page);
      await widget(page).getByRole("button", { name: LANG.en.ui.read_aloud }).click();
      await widget(page).getByRole("button", { name: LANG.en.ui.larger_text }).click();
      await frames(page);
      problems.push(...(await textProblems(page, `${width}px step 1, disclaimer + definition + larger text + read-aloud note`)).out);
      await goStep(page, "en", N - 1);
      problems.push(...(await textProblems(page, `${width}px last step, larger text`)).out);
      await widget(page).getByRole("button", { name: LANG.en.ui.labels, exact: true }).click();
      problems.push(...(await textProblems(page, `${width}px last step, labels off`)).out);
    } finally {
      await page.context().close();
    }
  }
  t.diagnostic(`${texts} text measurements; smallest SVG label on screen: ${smallest.toFixed(1)} px`);
  assert.equal(problems.length, 0, `text below the contrast minimum:\n${[...new Set(problems)].join("\n")}`);
});

test("non-text contrast: focus ring 3:1 against its surroundings, control boundaries 3:1 against the page", async (t) => {
  const page = await ready({ width: 1280, reducedMotion: "reduce" });
  const found = new Map(); // message -> states
  const problems = { push: (line) => {
    const [state, ...rest] = line.split(": ");
    const msg = rest.join(": ");
    if (!found.has(msg)) found.set(msg, []);
    found.get(msg).push(state);
  } };
  try {
    for (const state of ["step 1", "step 1, disclaimer open", "last step"]) {
      if (state === "step 1, disclaimer open") await openExtras(page);
      if (state === "last step") await goStep(page, "en", N - 1);
      const walk = await tabThrough(page);
      for (const s of walk.stops) {
        const ring = s.outline.style !== "none" ? colorOf(s.outline.color) : colorOf(s.boxShadow);
        if (!ring || !s.outsideBg) {
          problems.push(`${state}: focus on ${s.label}: no ring colour found (outline ${s.outline.style}, box-shadow ${s.boxShadow})`);
          continue;
        }
        const worst = Math.min(...s.outsideBg.map((b) => ratio(ring, b)));
        if (worst < 3) {
          problems.push(`${state}: focus ring of ${s.label}: ${hex(ring)} on ${hex(s.outsideBg[0])} = ${worst.toFixed(2)}:1, needs 3:1`);
        }
      }
      for (const b of await page.evaluate(() => __kx.boundaries(0))) {
        if (b.disabled) continue; // inactive controls are exempt (WCAG 1.4.11)
        if (b.native) continue; // measured on screen below
        // A text-only button (link style) or an underlined word in a sentence is identified by its text.
        if (b.textOnly || b.inline) continue;
        const best = Math.max(b.border?.ratio ?? 0, b.background?.ratio ?? 0);
        if (best < 3) {
          problems.push(
            `${state}: boundary of ${b.label}: ` +
              (b.border ? `border ${b.border.width}px ${b.border.color} = ${b.border.ratio.toFixed(2)}:1` : "no border") +
              (b.background ? `, background ${b.background.color} = ${b.background.ratio.toFixed(2)}:1` : "") +
              ` against ${b.outside}; needs 3:1`,
          );
        }
      }
    }
    // The timeline slider is a native control: measure its drawn track on screen (step 1, so
    // the right part of the track is the unfilled part).
    await goStep(page, "en", 0);
    const range = widget(page).locator("input.kx-range");
    const outside = await range.evaluate((e) => __kx.hex((__kx.backgrounds(__kx.parentOf(e)).colors || [[255, 255, 255, 1]])[0]));
    const track = await pixels([await range.screenshot({ scale: "css" })], ([img], bg) => {
      const lum = (r, g, b) => {
        const ch = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      const n = parseInt(bg.slice(1), 16);
      const lb = lum(n >> 16, (n >> 8) & 255, n & 255);
      const best = [];
      for (let x = Math.floor(img.width * 0.85); x < Math.floor(img.width * 0.95); x++) {
        let top = { ratio: 1, hex: bg };
        for (let y = 0; y < img.height; y++) {
          const k = (y * img.width + x) * 4;
          const [r, g, b] = img.data.slice(k, k + 3);
          const l = lum(r, g, b);
          const ratio = (Math.max(l, lb) + 0.05) / (Math.min(l, lb) + 0.05);
          if (ratio > top.ratio) top = { ratio, hex: "#" + [r, g, b].map((v) => v.toString(16).padStart(2, "0")).join("") };
        }
        best.push(top);
      }
      best.sort((a, b) => a.ratio - b.ratio);
      return best[Math.floor(best.length / 2)];
    }, outside);
    t.diagnostic(`timeline slider, unfilled track: strongest colour ${track.hex} = ${track.ratio.toFixed(2)}:1 against ${outside}`);
    if (track.ratio < 3) {
      problems.push(
        `step 1: the timeline slider's unfilled track (native, drawn by the browser) is at best ${track.hex} on ${outside} = ` +
          `${track.ratio.toFixed(2)}:1; needs 3:1 to show where the slider runs`,
      );
    }
    const lines = [...found].map(([msg, states]) => `${msg}  (${states.join("; ")})`);
    assert.equal(lines.length, 0, `non-text contrast below 3:1:\n${lines.join("\n")}`);
  } finally {
    await page.context().close();
  }
});

/** Node-side colour helpers (the same formulas as the page-side ones). */
function colorOf(css) {
  const m = /rgba?\(([^)]*)\)/.exec(String(css || ""));
  if (!m) return null;
  const p = m[1].split(/[\s,/]+/).filter(Boolean).map(parseFloat);
  return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
}
function ratio(a, b) {
  const lum = ([r, g, bl]) => {
    const ch = (v) => ((v /= 255) <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(bl);
  };
  const x = lum(a);
  const y = lum(b);
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}
const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");

// ---------------------------------------------------------------------------------------------
// 3. Keyboard only
// ---------------------------------------------------------------------------------------------

/**
 * Starts keyboard navigation at `from` in the page (by default the page's <h1>, just before the
 * widget; "a.skip" is the first thing a Tab reaches on the page), then Tabs until focus enters
 * widget 0 and on through it, calling `atStop(info)` at each stop, until focus leaves it.
 * Returns the stops, the Tabs it took to get in, what had focus after the widget, and the
 * widget's focusable elements.
 */
async function tabThrough(page, atStop = null, from = "main h1") {
  await page.evaluate((from) => {
    const a = __kx.deepActive();
    if (a && a !== document.body) a.blur();
    const start = document.querySelector(from);
    if (start.tabIndex >= 0) return start.focus({ preventScroll: true });
    // Focusing and blurring a node moves the sequential focus navigation starting point there.
    start.setAttribute("tabindex", "-1");
    start.focus({ preventScroll: true });
    start.blur();
    start.removeAttribute("tabindex");
  }, from);
  let info;
  let presses = 0;
  do {
    await page.keyboard.press("Tab");
    presses++;
    info = await page.evaluate(() => __kx.focusInfo(0));
  } while (!info.inWidget && presses < 20);
  const stops = [];
  while (info.inWidget && stops.length < 120) {
    if (atStop) await atStop(info);
    stops.push(info);
    await page.keyboard.press("Tab");
    info = await page.evaluate(() => __kx.focusInfo(0));
  }
  const all = await page.evaluate(() => __kx.focusables(0).map(__kx.label));
  return { presses, stops, after: info, all };
}

/** Checks a Tab walk: every control reached once, in document order. Returns problem lines. */
function walkProblems(walk, where) {
  const out = [];
  if (!walk.stops.length) return [`${where}: Tab never reached the widget (${walk.presses} presses)`];
  const reached = new Set(walk.stops.map((s) => s.index));
  walk.all.forEach((label, i) => {
    if (!reached.has(i)) out.push(`${where}: Tab never reached ${label}`);
  });
  for (const s of walk.stops) if (s.index < 0) out.push(`${where}: focus went to ${s.label}, which is not a visible control`);
  const order = walk.stops.map((s) => s.index).filter((i) => i >= 0);
  if (order.some((v, i) => i > 0 && v <= order[i - 1])) {
    out.push(`${where}: focus order differs from the reading order: ${order.join(", ")}`);
  }
  return out;
}

/** Checks that a focused element shows its focus: computed style and a screenshot change. */
function focusChecker(page, problems, where) {
  return async (info) => {
    const { outline, boxShadow } = info;
    const styled = (outline.style !== "none" && outline.width >= 2) || (boxShadow && boxShadow !== "none");
    if (!info.focusVisible) problems.push(`${where}: ${info.label} does not match :focus-visible after Tab`);
    if (!styled) {
      problems.push(`${where}: ${info.label} focused: outline ${outline.style} ${outline.width}px, box-shadow ${boxShadow}: no visible indicator`);
    }
    const vp = page.viewportSize();
    const r = info.rect;
    const pad = Math.max(6, (outline.offset || 0) + (outline.width || 0) + 2);
    const x0 = Math.max(0, Math.floor(r.x - pad));
    const y0 = Math.max(0, Math.floor(r.y - pad));
    const x1 = Math.min(vp.width, Math.ceil(r.x + r.width + pad));
    const y1 = Math.min(vp.height, Math.ceil(r.y + r.height + pad));
    if (x1 - x0 < 4 || y1 - y0 < 4) {
      problems.push(`${where}: ${info.label} is off screen when focused`);
      return;
    }
    const clip = { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
    const focused = await page.screenshot({ clip, scale: "css" });
    await page.evaluate(() => window.__kxLast.blur());
    const plain = await page.screenshot({ clip, scale: "css" });
    await page.evaluate(() => window.__kxLast.focus({ preventScroll: true }));
    const changed = await pixels([focused, plain], ([a, b]) => {
      let n = 0;
      for (let k = 0; k < a.data.length; k += 4) {
        const d = Math.abs(a.data[k] - b.data[k]) + Math.abs(a.data[k + 1] - b.data[k + 1]) + Math.abs(a.data[k + 2] - b.data[k + 2]);
        if (d > 60) n++;
      }
      return n;
    });
    const visW = Math.max(0, Math.min(vp.width, r.x + r.width) - Math.max(0, r.x));
    const visH = Math.max(0, Math.min(vp.height, r.y + r.height) - Math.max(0, r.y));
    const perimeter = 2 * (visW + visH);
    if (changed < perimeter) {
      problems.push(`${where}: ${info.label}: focusing it changes only ${changed} pixels around it (perimeter ${Math.round(perimeter)} px): focus not visible on screen`);
    }
  };
}

for (const width of [360, 1280]) {
  test(`keyboard: Tab reaches every control in order, each with a visible focus indicator (${width} px)`, async (t) => {
    const page = await ready({ width, clock: true });
    const problems = [];
    try {
      // From the skip link (the first Tab stop of the page) through the header's links into the widget.
      const walk = await tabThrough(page, focusChecker(page, problems, `${width}px`), "a.skip");
      t.diagnostic(`${walk.presses} Tab(s) from the skip link into the widget; ${walk.stops.length} stops; then ${walk.after.label}`);
      problems.push(...walkProblems(walk, `${width}px`));
      assert.ok(walk.presses <= 6, `it took ${walk.presses} Tabs from the skip link to reach the widget`);
      // Shift+Tab from after the widget comes back to its last control.
      await page.keyboard.press("Shift+Tab");
      const back = await page.evaluate(() => __kx.focusInfo(0));
      if (back.index !== walk.all.length - 1) problems.push(`${width}px: Shift+Tab after the widget went to ${back.label}, not its last control`);
      assert.equal(problems.length, 0, problems.join("\n"));
    } finally {
      await page.context().close();
    }
  });
}

test("keyboard: every step, Play/Pause, the step list, a glossary word and the timeline, by keyboard only", async () => {
  const page = await ready({ width: 1280, clock: true });
  const ui = LANG.en.ui;
  const active = () => page.evaluate(() => __kx.focusInfo(0).label);
  /** Tab (or Shift+Tab) until the focused control's label matches `re`. */
  const tabTo = async (re, back = false) => {
    for (let k = 0; k < 60; k++) {
      if (re.test(await active())) return;
      await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    }
    throw new Error(`Tab never reached ${re}; focus is on ${await active()}`);
  };
  const esc = (x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const expectLive = (i) => until(async () => (await live(page)) === announce("en", i), `"${announce("en", i)}"`, 3000);
  try {
    await tabThrough(page, null); // lands after the widget; come back in
    await page.keyboard.press("Shift+Tab");
    await tabTo(new RegExp(`kx-btn.*"${esc(ui.next)}"`), true);
    for (let i = 1; i < N; i++) {
      await page.keyboard.press("Enter");
      await expectLive(i);
    }
    await page.keyboard.press("Enter"); // on the last step Next does nothing
    await expectLive(N - 1);
    assert.match(await active(), new RegExp(`"${esc(ui.next)}"`), "focus stays on Next at the last step");
    await tabTo(new RegExp(`kx-btn.*"${esc(ui.previous)}"`), true);
    for (let i = N - 2; i >= 0; i--) {
      await page.keyboard.press("Space");
      await expectLive(i);
    }
    // The step list.
    await tabTo(new RegExp(`kx-step.*"${esc(LANG.en.steps[5].title)}"`));
    await page.keyboard.press("Enter");
    await expectLive(5);
    assert.match(await active(), /kx-step/, "focus stays on the step list button");
    // Arrow keys move between steps from any control.
    await page.keyboard.press("ArrowLeft");
    await expectLive(4);
    await page.keyboard.press("End");
    await expectLive(N - 1);
    await page.keyboard.press("Home");
    await expectLive(0);
    // Play and Pause: the same button keeps focus and says what it will do.
    await tabTo(/kx-play/, true);
    assert.match(await active(), new RegExp(`"${esc(ui.play)}"`));
    await page.keyboard.press("Enter");
    await until(async () => (await active()).includes(`"${ui.pause}"`), "the Pause button to keep focus", 3000);
    await page.keyboard.press("Enter");
    await until(async () => (await active()).includes(`"${ui.play}"`), "the Play button to keep focus", 3000);
    // The timeline slider: End and Home move it (no dragging needed).
    await tabTo(/input\.kx-range/, true);
    await page.keyboard.press("End");
    await expectLive(N - 1);
    await page.keyboard.press("Home");
    await expectLive(0);
    // A glossary word opens and closes its definition.
    await tabTo(/kx-term/, true);
    await page.keyboard.press("Enter");
    await widget(page).locator(".kx-definition p").waitFor({ timeout: 3000 });
    assert.match(await active(), /kx-term/, "focus stays on the glossary word");
    await page.keyboard.press("Enter");
    await until(async () => (await widget(page).locator(".kx-definition p").count()) === 0, "the definition to close", 3000);
    // Space does the same, as on a button: it neither plays the animation nor scrolls the page.
    const scrolled = await page.evaluate(() => scrollY);
    await page.keyboard.press(" ");
    await widget(page).locator(".kx-definition p").waitFor({ timeout: 3000 });
    assert.match(await active(), /kx-term/, "focus stays on the glossary word after Space");
    assert.equal(await page.evaluate(() => scrollY), scrolled, "Space does not scroll the page");
    assert.equal(await widget(page).getByRole("button", { name: ui.play, exact: true }).count(), 1, "Space does not start playing");
    await page.keyboard.press(" ");
    await until(async () => (await widget(page).locator(".kx-definition p").count()) === 0, "the definition to close with Space", 3000);
  } finally {
    await page.context().close();
  }
});

test("keyboard: closing 'About this information' keeps focus in the widget (on the About button)", async () => {
  const page = await ready({ width: 1280, clock: true });
  const ui = LANG.en.ui;
  try {
    await widget(page).getByRole("button", { name: ui.about }).focus();
    await page.keyboard.press("Enter");
    await widget(page).locator(".kx-about").waitFor();
    let k = 0;
    while (!(await page.evaluate(() => __kx.focusInfo(0).label)).includes(`"${ui.close}"`) && k++ < 5) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await until(async () => (await widget(page).locator(".kx-about").count()) === 0, "the disclaimer to close", 3000);
    const now = await page.evaluate(() => __kx.focusInfo(0));
    assert.ok(
      now.inWidget && /kx-link/.test(now.label),
      `after pressing Enter on "${ui.close}", focus is on ${now.label}: the Close button was removed with focus on it, ` +
        `so focus fell back to the page. Move focus to the "${ui.about}" button when the panel closes.`,
    );
  } finally {
    await page.context().close();
  }
});

test("keyboard: every Tab stop has a role and a name (no focusable element with a prohibited aria-label)", async () => {
  const page = await ready({ width: 360, reducedMotion: "reduce" });
  try {
    const cdp = await page.context().newCDPSession(page);
    // Mark the widget's Tab stops, then find them in the browser's accessibility tree.
    const labels = await page.evaluate(() => __kx.focusables(0).map((e, i) => (e.dataset.kxStop = String(i), __kx.label(e))));
    await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const bad = [];
    for (const [i, label] of labels.entries()) {
      const { result } = await cdp.send("Runtime.evaluate", { expression: `__kx.root(0).querySelector('[data-kx-stop="${i}"]')` });
      const { node } = await cdp.send("DOM.describeNode", { objectId: result.objectId });
      const ax = nodes.find((x) => x.backendDOMNodeId === node.backendNodeId);
      const role = ax?.role?.value;
      const name = ax?.name?.value;
      if (!ax || ax.ignored || !role || ["generic", "none", "presentation"].includes(role) || !name) {
        bad.push(`${label}: role ${JSON.stringify(role)}, name ${JSON.stringify(name)}${ax?.ignored ? " (ignored)" : ""}`);
      }
    }
    await page.evaluate(() => __kx.focusables(0).forEach((e) => delete e.dataset.kxStop));
    assert.equal(
      bad.length,
      0,
      `Tab stops without a proper role/name (ARIA prohibits aria-label on a generic element; screen readers may say nothing ` +
        `or only "clickable"):\n${bad.join("\n")}`,
    );
  } finally {
    await page.context().close();
  }
});

// ---------------------------------------------------------------------------------------------
// 4. Target size
// ---------------------------------------------------------------------------------------------
test("targets: every button and the slider at least 44 x 44 px in patient mode (inline words >= 24 px high)", async () => {
  const problems = [];
  for (const width of [360, 1280]) {
    const page = await ready({ width, reducedMotion: "reduce" });
    try {
      for (const state of ["step 1", "step 1, disclaimer + definition open", "last step"]) {
        if (state.includes("disclaimer")) await openExtras(page);
        if (state === "last step") await goStep(page, "en", N - 1);
        const targets = await page.evaluate(() =>
          __kx.focusables(0).map((e) => {
            const r = e.getBoundingClientRect();
            const inline = e.matches(".kx-term") || (e.matches("a") && getComputedStyle(e).display === "inline");
            // A word that wraps is as tall as its shortest line, not as both lines together.
            const height = inline ? Math.min(...[...e.getClientRects()].map((b) => b.height)) : r.height;
            return { label: __kx.label(e), width: r.width, height, inline };
          }),
        );
        for (const x of targets) {
          const size = `${x.width.toFixed(1)} x ${x.height.toFixed(1)} px`;
          if (x.inline ? x.height < 24 : x.width < 44 || x.height < 44) {
            problems.push(`${width}px ${state}: ${x.label} is ${size}, needs ${x.inline ? "24 px high (inline)" : "44 x 44"}`);
          }
        }
      }
    } finally {
      await page.context().close();
    }
  }
  assert.equal(problems.length, 0, `targets too small:\n${[...new Set(problems)].join("\n")}`);
});

// ---------------------------------------------------------------------------------------------
// 5. Zoom, reflow, forced colours
// ---------------------------------------------------------------------------------------------

/** Horizontal overflow of the page and anything cut off at the widget's edges. */
function overflowProblems(page, where) {
  return page.evaluate((where) => {
    const out = [];
    const se = document.scrollingElement;
    if (se.scrollWidth > se.clientWidth + 1) {
      const wide = [...document.querySelectorAll("body *")]
        .filter((e) => e.getBoundingClientRect().right > se.clientWidth + 1)
        .slice(0, 3)
        .map(__kx.desc);
      out.push(`${where}: the page scrolls sideways (${se.scrollWidth} px wide in a ${se.clientWidth} px viewport; ${wide.join(", ")})`);
    }
    const box = __kx.root(0).querySelector(".kx").getBoundingClientRect();
    const els = [...__kx.root(0).querySelectorAll(".kx *")].filter((e) => !e.closest("svg") || e.matches("svg"));
    for (const e of els) {
      if (!e.checkVisibility() || __kx.clippedAway(e)) continue;
      const r = e.getBoundingClientRect();
      if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) {
        out.push(`${where}: ${__kx.label(e)} sticks out of the widget (${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(box.left)}..${Math.round(box.right)})`);
      }
      if (e.matches(".kx-narration, .kx-title, .kx-step, .kx-btn, .kx-tool") && e.scrollWidth > e.clientWidth + 1) {
        out.push(`${where}: ${__kx.label(e)} overflows its box (${e.scrollWidth} > ${e.clientWidth})`);
      }
    }
    return out;
  }, where);
}

test("200% zoom (640 px, scale 2) and 400% reflow (320 px): no sideways scrolling, nothing cut off, all controls reachable", async (t) => {
  const problems = [];
  for (const { width, height, dpr, zoom } of [
    { width: 640, height: 450, dpr: 2, zoom: "200%" },
    { width: 320, height: 450, dpr: 1, zoom: "400%" },
  ]) {
    const page = await ready({ width, height, deviceScaleFactor: dpr, reducedMotion: "reduce" });
    try {
      for (const lang of ["en", "es"]) {
        await setAttributes(page, { lang });
        for (const large of [false, true]) {
          if (large) await widget(page).getByRole("button", { name: LANG[lang].ui.larger_text }).click();
          for (let i = 0; i < N; i++) {
            await goStep(page, lang, i);
            problems.push(...(await overflowProblems(page, `${zoom} ${lang}${large ? " larger text" : ""} step ${i + 1}`)));
          }
        }
      }
      // Every control reachable by keyboard and by pointer (its centre hits it).
      await setAttributes(page, { lang: "en" });
      await goStep(page, "en", 0);
      const walk = await tabThrough(page);
      problems.push(...walkProblems(walk, zoom));
      const missed = await page.evaluate(() =>
        __kx.focusables(0).flatMap((e) => {
          e.scrollIntoView({ block: "center", inline: "center" });
          const r = e.getBoundingClientRect();
          // The middle of each of its boxes: a glossary word is inline text and may wrap onto
          // two lines, where the middle of the whole falls between them.
          const hits = [...e.getClientRects()].map((b) => __kx.hit(b.x + b.width / 2, b.y + b.height / 2));
          const hit = hits.find((h) => h && (h === e || e.contains(h))) || hits[0];
          const ok = hit && (hit === e || e.contains(hit));
          const inView = r.left >= -1 && r.right <= innerWidth + 1;
          return ok && inView ? [] : [`${__kx.label(e)} (hit ${hit ? __kx.desc(hit) : "nothing"}, x ${Math.round(r.left)}..${Math.round(r.right)})`];
        }),
      );
      for (const m of missed) problems.push(`${zoom}: cannot be reached by pointer: ${m}`);
      t.diagnostic(`${zoom}: ${walk.stops.length} controls reached by Tab`);
    } finally {
      await page.context().close();
    }
  }
  assert.equal(problems.length, 0, [...new Set(problems)].join("\n"));
});

test("forced colours: buttons, tools and the step list keep visible borders, the current step stands out, axe passes", async (t) => {
  const page = await ready({ width: 1280, forcedColors: "active", reducedMotion: "reduce" });
  const problems = [];
  const ledger = axeLedger();
  try {
    for (const state of ["step 1", "last step with disclaimer"]) {
      if (state !== "step 1") {
        await goStep(page, "en", N - 1);
        await openExtras(page);
      }
      const rows = await page.evaluate(() =>
        [...__kx.root(0).querySelectorAll(".kx-btn, .kx-tool, .kx-step, .kx-viewtab, .kx-range")]
          .filter((e) => __kx.visible(e))
          .map((e) => {
            const s = getComputedStyle(e);
            const r = e.getBoundingClientRect();
            const outside = (__kx.backgrounds(__kx.parentOf(e)).colors || [[255, 255, 255, 1]])[0];
            const border = __kx.parse(s.borderTopColor);
            return {
              label: __kx.label(e),
              current: e.getAttribute("aria-current") === "step",
              range: e.matches(".kx-range"),
              size: r.width * r.height,
              border: s.borderTopStyle !== "none" && parseFloat(s.borderTopWidth) >= 1 && border ? __kx.ratio(border, outside) : 0,
              borderDesc: `${s.borderTopStyle} ${s.borderTopWidth} ${s.borderTopColor}`,
              outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
              text: __kx.ratio(__kx.parse(s.color), outside),
            };
          }),
      );
      for (const r of rows) {
        if (r.range) {
          if (r.size < 100) problems.push(`${state}: the timeline slider is not rendered (${r.size} px²)`);
          continue;
        }
        if (r.border < 3) problems.push(`${state}: ${r.label}: border ${r.borderDesc} (contrast ${r.border.toFixed(2)}:1) in forced colours`);
        if (r.text < 4.5) problems.push(`${state}: ${r.label}: text contrast ${r.text.toFixed(2)}:1 in forced colours`);
        if (r.current && !r.outline) problems.push(`${state}: the current step ${r.label} has no outline in forced colours`);
      }
      if (!rows.some((r) => r.current)) problems.push(`${state}: no current step found in the list`);
      ledger.add(`forced colours, ${state}`, await runAxe(page));
    }
    for (const line of ledger.incompleteSummary()) t.diagnostic(line);
    if (ledger.size()) problems.push(`axe violations:\n${ledger.report()}`);
    assert.equal(problems.length, 0, problems.join("\n"));
  } finally {
    await page.context().close();
  }
});

// ---------------------------------------------------------------------------------------------
// 6. Words for the picture, announcements, no flashing
// ---------------------------------------------------------------------------------------------
test("the SVG's <title>/<desc> and the live region follow every step, in English and Spanish", async () => {
  const page = await ready({ width: 1280, reducedMotion: "reduce" });
  const problems = [];
  try {
    for (const lang of ["en", "es"]) {
      await setAttributes(page, { lang });
      const c = LANG[lang];
      for (let i = 0; i < N; i++) {
        if (i === 0) await goStep(page, lang, 0);
        else {
          await widget(page).getByRole("button", { name: c.ui.next, exact: true }).click();
          await until(async () => (await live(page)) === announce(lang, i), announce(lang, i), 3000).catch(() => {});
        }
        const got = await page.evaluate(() => {
          const root = __kx.root(0);
          const svg = root.querySelector("svg.diagram");
          const axial = root.querySelector("svg.axial-diagram");
          const region = root.querySelector("[aria-live]");
          const byIds = (el, attr) =>
            (el?.getAttribute(attr) || "").split(/\s+/).filter(Boolean).map((id) => root.getElementById(id)?.textContent ?? `(missing #${id})`);
          return {
            role: svg?.getAttribute("role"),
            title: svg?.querySelector(":scope > title")?.textContent,
            desc: svg?.querySelector(":scope > desc")?.textContent,
            labelledby: byIds(svg, "aria-labelledby"),
            axialRole: axial?.getAttribute("role"),
            axialName: axial?.getAttribute("aria-label") || byIds(axial, "aria-labelledby").join(" ") || axial?.querySelector(":scope > title")?.textContent,
            live: region?.textContent,
            politeness: region?.getAttribute("aria-live"),
            atomic: region?.getAttribute("aria-atomic"),
          };
        });
        const step = c.steps[i];
        const where = `${lang} step ${i + 1}`;
        if (got.live !== announce(lang, i)) problems.push(`${where}: live region says ${JSON.stringify(got.live)}, expected ${JSON.stringify(announce(lang, i))}`);
        if (got.politeness !== "polite") problems.push(`${where}: live region is aria-live=${got.politeness}`);
        if (got.atomic !== "true") problems.push(`${where}: live region is not aria-atomic`);
        if (got.role !== "img") problems.push(`${where}: side view role=${got.role}`);
        if (got.title !== step.title) problems.push(`${where}: <title> is ${JSON.stringify(got.title)}, expected the step title ${JSON.stringify(step.title)}`);
        if (got.desc !== step.picture) problems.push(`${where}: <desc> is ${JSON.stringify(got.desc)}, expected the step's picture text`);
        if (!got.labelledby.includes(step.title)) problems.push(`${where}: the side view is not named by its title (aria-labelledby → ${JSON.stringify(got.labelledby)})`);
        if (got.axialRole !== "img" || !String(got.axialName || "").includes(step.title)) {
          problems.push(`${where}: the top view is role=${got.axialRole} named ${JSON.stringify(got.axialName)}; expected role img named with the step title`);
        }
      }
    }
    assert.equal(problems.length, 0, problems.join("\n"));
  } finally {
    await page.context().close();
  }
});

test("the side picture's words are read once: accessible name = <title>, description = <desc>", async () => {
  const page = await ready({ width: 1280, reducedMotion: "reduce" });
  const cdp = await page.context().newCDPSession(page);
  const wrong = [];
  let checked = 0;
  try {
    for (const lang of ["en", "es"]) {
      await setAttributes(page, { lang });
      for (let i = 0; i < N; i++) {
        await goStep(page, lang, i);
        const step = LANG[lang].steps[i];
        // The browser's computed name and description (what a screen reader reads, in that order).
        const { nodes } = await cdp.send("Accessibility.getFullAXTree");
        const img = nodes.find((x) => x.role?.value === "image" && String(x.name?.value || "").startsWith(step.title));
        checked++;
        const got = img ? { name: img.name?.value, description: img.description?.value } : null;
        if (!got || got.name !== step.title || got.description !== step.picture) wrong.push({ where: `${lang} step ${i + 1}`, step, got });
      }
    }
    const first = wrong[0];
    assert.equal(
      wrong.length,
      0,
      `at ${wrong.length} of ${checked} steps the side view's accessible name is not just its <title> ` +
        `(${wrong.map((w) => w.where).join(", ")}).\nFor example ${first?.where}: name ${JSON.stringify(first?.got?.name)}, ` +
        `description ${JSON.stringify(first?.got?.description)}: the picture's words are read twice, once in the name ` +
        `and again as the description. Use aria-labelledby="k-svg-title" aria-describedby="k-svg-desc".`,
    );
  } finally {
    await page.context().close();
  }
});

test("no flashing while playing: nothing in the pictures changes direction more than 3 times a second (fake clock, 50 ms samples)", async (t) => {
  const page = await ready({ width: 1280, clock: true });
  try {
    // Sample both pictures every 50 ms of fake time, in the page; keep only changes.
    await page.evaluate(() => {
      const ATTRS = ["opacity", "fill-opacity", "stroke-opacity", "fill", "stroke", "stop-color", "stop-opacity", "display", "visibility", "class"];
      const series = (window.__kxSeries = new Map());
      const last = new Map();
      const t0 = Date.now();
      const sample = () => {
        const now = Date.now() - t0;
        const seen = new Set();
        const counts = new Map();
        for (const svg of __kx.root(0).querySelectorAll("svg.diagram, svg.axial-diagram")) {
          for (const el of svg.querySelectorAll("*")) {
            if (el.closest("title, desc, defs")) continue;
            const extra = el.matches("g.label") ? `(${el.textContent})` : el.getAttribute("data-part") || "";
            const sig = `${svg.getAttribute("class")} ${__kx.desc(el)}${extra}`;
            const nth = (counts.get(sig) || 0) + 1;
            counts.set(sig, nth);
            const key = `${sig}#${nth}`;
            const values = { present: "1" };
            for (const a of ATTRS) if (el.hasAttribute(a)) values[a] = el.getAttribute(a);
            for (const [a, v] of Object.entries(values)) {
              const k = `${key} ${a}`;
              seen.add(k);
              if (last.get(k) !== v) {
                last.set(k, v);
                if (!series.has(k)) series.set(k, []);
                series.get(k).push([now, v]);
              }
            }
          }
        }
        for (const [k, v] of last) {
          if (!seen.has(k) && v !== null) {
            last.set(k, null);
            series.get(k).push([now, k.endsWith(" present") ? "0" : null]);
          }
        }
      };
      sample();
      window.__kxSampler = setInterval(sample, 50);
    });
    await widget(page).getByRole("button", { name: LANG.en.ui.play, exact: true }).click();
    let fake = 0;
    const target = 4; // play through steps 1..5
    while (fake < 300_000) {
      await page.clock.runFor(2000);
      fake += 2000;
      const text = await live(page);
      if (text === announce("en", target)) break;
    }
    await page.clock.runFor(6000); // and the start of the next one
    fake += 6000;
    const series = await page.evaluate(() => {
      clearInterval(window.__kxSampler);
      return [...window.__kxSeries.entries()];
    });
    t.diagnostic(`played ${Math.round(fake / 1000)} s of fake time; ${series.length} attribute series; now ${await live(page)}`);

    // Resample each series at 50 ms ticks; count monotone runs of a meaningful size per second.
    const lum = (v) => {
      const m = /^#([0-9a-f]{6})$/i.exec(v || "");
      if (!m) return null;
      const n = parseInt(m[1], 16);
      const ch = (c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * ch(n >> 16) + 0.7152 * ch((n >> 8) & 255) + 0.0722 * ch(n & 255);
    };
    const end = Math.max(...series.flatMap(([, s]) => s.map(([t]) => t)));
    const findings = [];
    let oscillating = 0;
    for (const [key, changes] of series) {
      if (changes.length < 3) continue;
      const samples = [];
      let k = 0;
      for (let tick = 0; tick <= end; tick += 50) {
        while (k + 1 < changes.length && changes[k + 1][0] <= tick) k++;
        samples.push(changes[k][0] <= tick ? changes[k][1] : null);
      }
      const attr = key.split(" ").at(-1);
      const numeric = (v) => (v === null ? 0 : /opacity|present/.test(attr) ? parseFloat(v) : lum(v));
      const transitions = []; // tick indices where a change of >= 0.1 in one direction completes
      if (samples.every((v) => numeric(v) !== null && !Number.isNaN(numeric(v)))) {
        let dir = 0;
        let from = numeric(samples[0]);
        let prev = from;
        for (let i = 1; i < samples.length; i++) {
          const v = numeric(samples[i]);
          const d = Math.sign(v - prev);
          if (d !== 0 && dir !== 0 && d !== dir) {
            if (Math.abs(prev - from) >= 0.1) transitions.push(i - 1);
            from = prev;
          }
          if (d !== 0) dir = d;
          prev = v;
        }
        if (Math.abs(prev - from) >= 0.1) transitions.push(samples.length - 1);
      } else {
        for (let i = 1; i < samples.length; i++) if (samples[i] !== samples[i - 1]) transitions.push(i);
      }
      if (transitions.length > 2) oscillating++;
      // More than 3 flashes (pairs of opposing changes) in any one second = more than 6 changes.
      let worst = 0;
      let at = 0;
      for (let a = 0, b = 0; b < transitions.length; b++) {
        while (transitions[b] - transitions[a] >= 20) a++;
        if (b - a + 1 > worst) [worst, at] = [b - a + 1, transitions[a] * 50];
      }
      if (worst > 6) findings.push(`${key}: ${worst} opposing changes within 1 s around ${at} ms (values ${changes.slice(0, 8).map(([, v]) => v).join(", ")}...)`);
    }
    t.diagnostic(`${oscillating} attribute(s) changed direction more than twice over the whole play`);
    assert.equal(findings.length, 0, `flashing (more than 3 flashes a second):\n${findings.join("\n")}`);
  } finally {
    await page.context().close();
  }
});
