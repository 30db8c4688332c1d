// Layout stability: moving through the steps (as Play does, without a click) must not move
// anything on the clinic's page or inside the widget. The browser's own Layout Instability API
// reports every shift of an existing element; a page's CLS counts the ones without recent input.
import { test } from "node:test";
import assert from "node:assert/strict";
import { server, browser, useBrowser, openPage, widget, bringUp, CONTENT } from "./harness.mjs";

useBrowser();

/** Goes through every step forwards then backwards via the JS API; returns the layout shifts. */
async function shiftsWhileStepping(page) {
  return page.locator("kyphoplasty-explainer").first().evaluate(async (el) => {
    const seen = [];
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        seen.push({
          value: e.value,
          sources: e.sources.map((s) => {
            const a = s.previousRect, b = s.currentRect;
            return `${Math.round(a.x)},${Math.round(a.y)} ${Math.round(a.width)}x${Math.round(a.height)} -> ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
          }),
        });
      }
    });
    observer.observe({ type: "layout-shift" });
    const wait = (ms) => new Promise((r) => setTimeout(r, ms));
    const total = el.currentStep.total;
    const order = [...Array(total).keys(), ...[...Array(total).keys()].reverse()];
    for (const i of order) {
      el.goTo(i);
      await wait(120);
    }
    await wait(500);
    observer.disconnect();
    return seen;
  });
}

const cases = [
  { name: "patient mode, wide", width: 1280, attrs: {} },
  { name: "patient mode, tablet", width: 1024, attrs: {} },
  { name: "patient mode, Spanish, wide", width: 1280, attrs: { lang: "es" } },
  { name: "consult mode, wide", width: 1280, attrs: { mode: "consult" } },
  { name: "with the clinic's call to action, wide", width: 1100, attrs: { "clinic-name": "Riverside Spine", "clinic-phone": "555-010-0199" } },
];

for (const c of cases) {
  test(`changing steps shifts nothing: ${c.name}`, async () => {
    // Tall enough that the whole widget is in the viewport: shifts off screen are not reported.
    const page = await openPage(browser, { width: c.width, height: 1600, reducedMotion: "reduce" });
    try {
      await page.goto(server.url);
      await bringUp(page);
      const el = page.locator("kyphoplasty-explainer").first();
      await el.evaluate((e, attrs) => {
        for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      }, c.attrs);
      const heading = c.attrs.lang === "es" ? null : CONTENT.ui.heading;
      if (heading) await widget(page).getByRole("region", { name: heading }).waitFor();
      await page.waitForTimeout(300);
      const shifts = await shiftsWhileStepping(page);
      assert.deepEqual(shifts, [], `layout shifts while stepping:\n${JSON.stringify(shifts, null, 1)}`);
    } finally {
      await page.context().close();
    }
  });
}

test("on a phone, changing steps moves nothing above the words", async () => {
  // There the words take their own height (no long empty scroll before the controls), so only
  // what lies below them may move.
  const page = await openPage(browser, { width: 360, height: 2600, reducedMotion: "reduce" });
  try {
    await page.goto(server.url);
    await bringUp(page);
    await page.waitForTimeout(300);
    const textTop = await widget(page).locator(".kx-text").evaluate((e) => e.getBoundingClientRect().top);
    const shifts = await shiftsWhileStepping(page);
    // Each source reads "x,y wxh -> x,y wxh"; an empty rectangle (0x0) is one side of an
    // appearance or a disappearance.
    const rects = (src) => src.split(" -> ").map((r) => r.split(" ")).filter(([, size]) => size !== "0x0");
    const above = shifts
      .flatMap((s) => s.sources)
      .filter((src) => rects(src).some(([xy]) => Number(xy.split(",")[1]) < textTop - 1));
    assert.deepEqual(above, [], `moved above the words (top ${textTop}):\n${above.join("\n")}`);
    assert.ok(shifts.length > 0, "the controls below the words do move on a phone (the words are not padded)");
  } finally {
    await page.context().close();
  }
});

test("in a column of about 760 px (a common content column), no band of empty space opens between the words and the slider", async () => {
  const page = await openPage(browser, { width: 800, height: 900, reducedMotion: "reduce" });
  try {
    await page.goto(server.url);
    await bringUp(page);
    const w = widget(page);
    const width = (await w.boundingBox()).width;
    assert.ok(width > 700 && width < 980, `the widget is ${width} px wide`);
    const gaps = [];
    for (let i = 0; i < CONTENT.steps.length; i++) {
      await w.evaluate((e, i) => e.goTo(i), i);
      await page.waitForTimeout(100);
      // The bottom of the words shown (the paragraphs, and the call to action on the last step).
      const words = await w.locator(".kx-now").evaluate((e) => Math.max(...[...e.children].map((c) => c.getBoundingClientRect().bottom)));
      const pictures = await w.getByLabel(`${CONTENT.ui.heading}: `, { exact: false }).first().boundingBox();
      const slider = await w.getByRole("slider").boundingBox();
      const above = Math.max(words, pictures.y + pictures.height);
      gaps.push(Math.round(slider.y - above));
    }
    assert.ok(gaps.every((g) => g < 80), `space above the slider at each step: ${gaps.join(", ")} px`);
  } finally {
    await page.context().close();
  }
});
