// A storyboard of the first widget: every step at the start, middle and end of its animation, at
// 360 px and 1280 px wide, on the fake clock. The walk uses Next from each finished step, which
// starts the next step at once (no glide), so 0%, 50% and 100% of the step are the clock run for
// that share of the step's duration (read from src/model/timeline.rs). With reduced motion every
// step shows its end state at once, and it is the same drawing as the animated run's end.
// Written to tests/screenshots/storyboard/ (git-ignored), e.g. w360-step03-hollow-needle-mid.png
// and w360-step03-hollow-needle-reduced.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  server, browser, useBrowser,
  openPage, widget, bringUp, expectLive, announcement, svgMarkup, untilStill, shotsDir,
  watchConsole, axialMarkup, stepAnimations, CONTENT,
} from "./harness.mjs";

const STEPS = stepAnimations();
const DIR = shotsDir("storyboard");
const WIDTHS = [360, 1280];
/** End markup (side, top) of every step at each width, from the animated run. */
const ENDS = new Map();
useBrowser();

const name = (width, i, moment) =>
  join(DIR, `w${width}-step${String(i + 1).padStart(2, "0")}-${STEPS[i].id}-${moment}.png`);

/** Clean pictures: no hover or focus ring left on the Next button. */
async function calm(page) {
  await page.mouse.move(0, 0);
  await page.evaluate(() => document.activeElement?.blur());
}

async function walk(page, width, each) {
  await page.goto(server.url);
  await bringUp(page, 0);
  const w = widget(page, 0);
  const next = w.getByRole("button", { name: CONTENT.ui.next, exact: true });
  for (let i = 0; i < STEPS.length; i++) {
    if (i > 0) await next.click();
    await expectLive(page, announcement(i));
    await calm(page);
    await each(i, w);
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}px wide`);
}

for (const width of WIDTHS) {
  test(`storyboard at ${width} px: every step at the start, middle and end of its animation`, async () => {
    const page = await openPage(browser, { width, height: 900, clock: true });
    const seen = watchConsole(page);
    const ends = [];
    try {
      await walk(page, width, async (i, w) => {
        const d = STEPS[i].durationMs;
        await w.screenshot({ path: name(width, i, "start"), animations: "disabled" });
        await page.clock.runFor(0.5 * d);
        await w.screenshot({ path: name(width, i, "mid"), animations: "disabled" });
        await page.clock.runFor(0.5 * d + 100);
        const end = await untilStill(page, 0, { clock: true, quiet: 300 });
        ends.push([end, await axialMarkup(page)]);
        await w.screenshot({ path: name(width, i, "end"), animations: "disabled" });
      });
      ENDS.set(width, ends);
      assert.deepEqual(seen.problems().map((m) => m.text), []);
    } finally {
      await page.context().close();
    }
  });
}

for (const width of WIDTHS) {
  test(`reduced motion at ${width} px: each step shows its end state at once`, async () => {
    const ends = ENDS.get(width);
    assert.ok(ends?.length === STEPS.length, `the animated storyboard at ${width} px must run first`);
    const page = await openPage(browser, { width, height: 900, clock: true, reducedMotion: "reduce" });
    try {
      await walk(page, width, async (i, w) => {
        const now = [await svgMarkup(page), await axialMarkup(page)];
        assert.equal(now[0], ends[i][0], `step ${i + 1} (${STEPS[i].id}): side view differs from the animated run's end`);
        assert.equal(now[1], ends[i][1], `step ${i + 1} (${STEPS[i].id}): top view differs from the animated run's end`);
        await page.clock.runFor(1000);
        assert.equal(await svgMarkup(page), now[0], `step ${i + 1} moved with reduced motion`);
        await w.screenshot({ path: name(width, i, "reduced"), animations: "disabled" });
      });
    } finally {
      await page.context().close();
    }
  });
}
