// A hostile host page (global resets such as `* { all: unset }`, `svg { display: none }`,
// `button { background: red !important }`, and a framework's reboot and theme typography) cannot
// change how the widget looks, and the widget cannot change how the host page looks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { openPage, started, expectLive, announcement, shotsDir, CONTENT, TITLES } from "./harness.mjs";
import { sites, browser, useSites, comparePngs, explainer } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const DIR = shotsDir("embed");
useSites();

/** Opens a host page with reduced motion (end states, no tweening), so pictures hold still. */
async function open(path) {
  const page = await openPage(browser, { width: 1280, height: 1300, reducedMotion: "reduce" });
  await page.goto(sites.host.url(path));
  return page;
}

/** A screenshot of the widget's own box (inside its shadow root) at step `index`. */
async function widgetShot(page, index) {
  const w = explainer(page);
  await w.scrollIntoViewIfNeeded();
  await started(page);
  if (index > 0) await page.evaluate((i) => document.querySelector("kyphoplasty-explainer").goTo(i), index);
  await expectLive(page, announcement(index));
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur());
  await page.waitForTimeout(300);
  return w.locator(".kx-root").screenshot({ animations: "disabled", caret: "hide" });
}

for (const index of [0, 4, TITLES.length - 1]) {
  test(`the widget looks the same on the hostile page as on a plain page (step ${index + 1})`, async () => {
    const plain = await open("/plain.html");
    const hostile = await open("/hostile.html");
    try {
      const a = await widgetShot(plain, index);
      const b = await widgetShot(hostile, index);
      writeFileSync(join(DIR, `plain-step${index + 1}.png`), a);
      writeFileSync(join(DIR, `hostile-step${index + 1}.png`), b);
      const diff = await comparePngs(browser, a, b);
      const leaks = await inheritedDifferences(plain, hostile);
      const why = `; inside the widget, these computed styles differ from the plain page: ${JSON.stringify(leaks)}`;
      assert.ok(diff.sameSize, `the widget's size differs: ${JSON.stringify(diff)}${why}`);
      assert.ok(diff.ratio < 0.002, `${diff.different} pixels differ (${(diff.ratio * 100).toFixed(2)}%); see tests/screenshots/embed/${why}`);

      // The controls are the widget's own, not the host's red, dashed, 32 px buttons.
      const next = explainer(hostile).getByRole("button", { name: UI.next, exact: true });
      const style = await next.evaluate((el) => {
        const s = getComputedStyle(el);
        return { bg: s.backgroundColor, font: s.fontSize, border: s.borderTopStyle };
      });
      assert.notEqual(style.bg, "rgb(255, 0, 0)");
      assert.notEqual(style.border, "dashed");
      assert.notEqual(style.font, "32px");
      assert.ok(await explainer(hostile).locator("svg.diagram").isVisible(), "the diagram is shown despite svg { display: none }");
    } finally {
      await plain.context().close();
      await hostile.context().close();
    }
  });
}

/** Computed styles of a few elements inside the widget that differ between two pages. */
async function inheritedDifferences(a, b) {
  const read = (page) =>
    page.evaluate(() => {
      const root = document.querySelector("kyphoplasty-explainer").shadowRoot;
      const out = {};
      for (const sel of [".kx-root", ".kx-narration", ".kx-count", "button"]) {
        const el = root.querySelector(sel);
        if (!el) continue;
        const s = getComputedStyle(el);
        out[sel] = {};
        for (let i = 0; i < s.length; i++) out[sel][s[i]] = s.getPropertyValue(s[i]);
      }
      return out;
    });
  const [x, y] = [await read(a), await read(b)];
  const diffs = {};
  for (const sel of Object.keys(x)) {
    const changed = Object.keys(x[sel]).filter(
      (p) => x[sel][p] !== y[sel]?.[p] && !/^(width|height|inline-size|block-size|perspective-origin|transform-origin)$/.test(p),
    );
    if (changed.length) diffs[sel] = Object.fromEntries(changed.map((p) => [p, `${x[sel][p]} -> ${y[sel]?.[p]}`]));
  }
  return diffs;
}

test("a host page can still hide the widget (visibility: hidden on a closed panel)", async () => {
  const page = await open("/hidden.html");
  try {
    await page.waitForFunction(() => document.querySelector("kyphoplasty-explainer").shadowRoot?.querySelector("[aria-live]"));
    const seen = await page.evaluate(() => {
      const host = document.querySelector("kyphoplasty-explainer");
      return {
        host: getComputedStyle(host).visibility,
        buttons: [...host.shadowRoot.querySelectorAll("button")].filter((b) => b.checkVisibility({ visibilityProperty: true })).length,
      };
    });
    assert.deepEqual(seen, { host: "hidden", buttons: 0 }, "the widget inside a visibility: hidden panel must be hidden too (and its buttons out of reach)");
  } finally {
    await page.context().close();
  }
});

// Every computed property of the host page's own elements, with and without the widget.
const HOST_ELEMENTS = ["#host-header", "#host-title", "#host-lead", "#host-icon", "#host-button", "#host-list", "#host-after", "body", "html"];

async function hostStyles(page) {
  return page.evaluate((selectors) => {
    const out = {};
    for (const sel of selectors) {
      const el = document.querySelector(sel);
      if (!el) continue;
      const s = getComputedStyle(el);
      const props = {};
      for (let i = 0; i < s.length; i++) props[s[i]] = s.getPropertyValue(s[i]);
      out[sel] = props;
    }
    out.sheets = [...document.styleSheets].map((s) => s.href);
    out.adopted = document.adoptedStyleSheets.length;
    out.headChildren = [...document.head.children].map((e) => e.tagName + (e.getAttribute("src") || e.getAttribute("href") || ""));
    return out;
  }, HOST_ELEMENTS);
}

for (const path of ["/hostile.html", "/plain.html"]) {
  test(`the widget leaves the host page's own styles alone (${path})`, async () => {
    const without = await open(`${path}?without-embed`);
    const withWidget = await open(path);
    try {
      await explainer(withWidget).scrollIntoViewIfNeeded();
      await started(withWidget);
      await withWidget.evaluate(() => window.scrollTo(0, 0));
      const a = await hostStyles(without);
      const b = await hostStyles(withWidget);
      // The only difference allowed in <head> is the loader's own script tag.
      b.headChildren = b.headChildren.filter((t) => !/embed\.js$/.test(t));
      for (const key of Object.keys(a)) {
        if (typeof a[key] !== "object" || Array.isArray(a[key])) {
          assert.deepEqual(b[key], a[key], `${key} differs with the widget on the page`);
          continue;
        }
        const changed = Object.keys(a[key]).filter((p) => a[key][p] !== b[key][p]).map((p) => `${p}: ${a[key][p]} -> ${b[key][p]}`);
        assert.deepEqual(changed, [], `${key}: computed styles differ with the widget on the page`);
      }
      if (path === "/hostile.html") {
        for (const sel of ["#host-header", "#host-button", "#host-list", "#host-title"]) {
          const [x, y] = [await without.locator(sel).screenshot(), await withWidget.locator(sel).screenshot()];
          const diff = await comparePngs(browser, x, y, 0);
          assert.ok(diff.sameSize && diff.different === 0, `${sel} looks different with the widget: ${JSON.stringify(diff)}`);
        }
      }
    } finally {
      await without.context().close();
      await withWidget.context().close();
    }
  });
}
