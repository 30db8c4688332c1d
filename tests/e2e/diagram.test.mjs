// The diagram as a reader sees it move, on a fake clock (time moves only with page.clock.runFor):
// every step animates and then holds still; the side view (svg.diagram) and the top-down view
// (svg.axial-diagram) always show the same moment; no animation frames while nothing moves or the
// tab is hidden; jumps glide; the timeline slider holds an in-between picture; one view at a
// time on narrow widgets; the pictures' names and descriptions follow the step.
// Step durations come from src/model/timeline.rs and the glide from src/model/player.rs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  server, browser, useBrowser,
  openPage, widget, bringUp, expectLive, announcement, svgMarkup, untilStill, watchConsole,
  axialMarkup, drawingOf, countFrames, frameCount, setPageHidden, stepAnimations, glideMs,
  TITLES, CONTENT, ROOT, labelProblems,
} from "./harness.mjs";

const UI = CONTENT.ui;
const N = TITLES.length;
const STEPS = stepAnimations();
const GLIDE = glideMs();
const FRAME = 16; // the fake clock runs requestAnimationFrame every 16 ms
const indexOf = (id) => {
  const i = CONTENT.steps.findIndex((s) => s.id === id);
  assert.ok(i >= 0, `no step ${id} in content/en.json`);
  return i;
};
const NEEDLE = indexOf("hollow-needle");
const REMOVED = indexOf("balloon-removed");
const CEMENT = indexOf("bone-cement");
/** Diagram states whose top-down picture moves too (needles, balloons, cement). */
const AXIAL_MOVES = new Set(["needle", "balloon-placed", "balloon-inflated", "balloon-removed", "cement", "finish"]);

useBrowser();

/** A fresh page on the fake clock, counting animation frames, with the first widget started. */
async function ready(options = {}) {
  const page = await openPage(browser, { clock: true, ...options });
  await countFrames(page);
  const seen = watchConsole(page);
  await page.goto(server.url);
  await bringUp(page, 0);
  page.__console = seen;
  return page;
}
async function done(page) {
  const problems = page.__console.problems();
  await page.context().close();
  assert.deepEqual(problems.map((m) => m.text), [], "no errors in the console");
}

/**
 * Runs the first step's animation to its end. (untilStill alone is not enough here: the first
 * step holds still for its first 450 ms before the bone collapses.)
 */
async function finishFirstStep(page) {
  await page.clock.runFor(STEPS[0].durationMs + 100);
  await untilStill(page, 0, { clock: true });
}

const button = (page, name) => widget(page).getByRole("button", { name, exact: true });
const listButton = (page, i) =>
  widget(page)
    .getByRole("navigation", { name: UI.all_steps, exact: true })
    .getByRole("button", { name: TITLES[i], exact: true });
const slider = (page) => widget(page).getByRole("slider", { name: UI.timeline, exact: true });
const sideSvg = (page) => widget(page).locator("svg.diagram");
const topSvg = (page) => widget(page).locator("svg.axial-diagram");
/** Both pictures' drawings (side, top), without the side view's <title> and <desc>. */
const both = async (page) => [drawingOf(await svgMarkup(page)), drawingOf(await axialMarkup(page))];
const same = (a, b) => a[0] === b[0] && a[1] === b[1];

/**
 * How full of cement the cavity is in each view (0 = empty, 1 = full; null when no cement is
 * drawn), measured from the drawing as the widget lays it out: the side view fills the cavity from
 * its front edge backwards (a clip rect's right edge), the top-down view from the front downwards
 * (the height of the #ka-cement clip rect).
 */
function cementFill(page) {
  return widget(page).evaluate((host) => {
    const root = host.shadowRoot;
    const num = (el, a) => Number(el.getAttribute(a));
    let side = null;
    const rect = root.querySelector('svg.diagram g[clip-path="url(#k-cavity)"] rect');
    const edge = root.querySelector("svg.diagram ellipse.cement-edge");
    if (rect && edge) {
      const left = num(edge, "cx") - num(edge, "rx") - 2;
      const right = num(edge, "cx") + num(edge, "rx") + 2;
      side = (num(rect, "x") + num(rect, "width") - left) / (right - left);
    }
    let top = null;
    const clip = root.querySelector("svg.axial-diagram #ka-cement rect");
    const mass = root.querySelector('svg.axial-diagram g[clip-path="url(#ka-cement)"] ellipse');
    if (clip && mass) {
      const [, cy] = /translate\(\s*[-\d.]+[ ,]+([-\d.]+)\s*\)/.exec(mass.getAttribute("transform"));
      const front = Number(cy) - num(mass, "rx") - 2;
      const back = Number(cy) + num(mass, "rx") + 2;
      top = (num(clip, "height") - front) / (back - front);
    }
    return { side, top };
  });
}
/** Whether each view draws a balloon. */
const balloons = (page) =>
  widget(page).evaluate((host) => ({
    side: !!host.shadowRoot.querySelector("svg.diagram ellipse.balloon"),
    top: !!host.shadowRoot.querySelector("svg.axial-diagram ellipse.balloon"),
  }));

test("every step animates: at 25% it differs from its start and end, then it holds still", async () => {
  const page = await ready();
  try {
    const next = button(page, UI.next);
    let previousEnd = null;
    for (let i = 0; i < N; i++) {
      const s = STEPS[i];
      if (i > 0) {
        await next.click();
        await expectLive(page, announcement(i));
      }
      const start = await both(page);
      if (previousEnd) assert.ok(same(start, previousEnd), `step ${i + 1} (${s.id}) starts where step ${i} ended`);

      await page.clock.runFor(0.25 * s.durationMs);
      const quarter = await both(page);
      // Well past its duration the step must have ended: nothing moves any more.
      await page.clock.runFor(0.75 * s.durationMs + 6 * FRAME);
      const end = await both(page);
      const f = await frameCount(page);
      await page.clock.runFor(1500);
      assert.ok(same(await both(page), end), `step ${i + 1} (${s.id}) still moved ${s.durationMs} ms after it began`);
      assert.equal(await frameCount(page), f, `step ${i + 1} (${s.id}): frames requested after its animation ended`);

      if (s.still) {
        assert.ok(same(quarter, start) && same(end, start), `step ${i + 1} (${s.id}) should not move, but did`);
      } else {
        assert.notEqual(quarter[0], start[0], `step ${i + 1} (${s.id}): side view at 25% is still its start`);
        assert.notEqual(quarter[0], end[0], `step ${i + 1} (${s.id}): side view at 25% is already its end`);
        if (AXIAL_MOVES.has(s.state)) {
          assert.notEqual(quarter[1], start[1], `step ${i + 1} (${s.id}): top view at 25% is still its start`);
          assert.notEqual(quarter[1], end[1], `step ${i + 1} (${s.id}): top view at 25% is already its end`);
        }
      }
      previousEnd = end;
    }
  } finally {
    await done(page);
  }
});

test("both views show the same moment: cement halfway in both; after Previous both go back", async () => {
  const page = await ready();
  try {
    await finishFirstStep(page);
    await listButton(page, CEMENT).click();
    await expectLive(page, announcement(CEMENT));
    await page.clock.runFor(GLIDE + 2 * FRAME + 0.5 * STEPS[CEMENT].durationMs);
    const mid = await cementFill(page);
    assert.ok(mid.side !== null, "the side view shows cement halfway through the cement step");
    assert.ok(mid.top !== null, "the top-down view shows cement halfway through the cement step");
    for (const [view, v] of Object.entries(mid)) {
      assert.ok(v > 0.3 && v < 0.7, `${view} view: the cavity is ${Math.round(v * 100)}% full halfway through`);
    }
    assert.ok(Math.abs(mid.side - mid.top) < 0.1, `side ${mid.side.toFixed(2)} vs top ${mid.top.toFixed(2)} full: not the same moment`);

    // Previous: both views glide back together, to the start of "The balloon comes out".
    await button(page, UI.previous).click();
    await expectLive(page, announcement(REMOVED));
    const seen = [];
    for (let t = 0; t < GLIDE; t += 50) {
      await page.clock.runFor(50);
      const c = await cementFill(page);
      assert.equal(c.side === null, c.top === null, `at ${t + 50} ms of the glide one view shows cement, the other not`);
      if (c.side !== null) {
        assert.ok(Math.abs(c.side - c.top) < 0.1, `at ${t + 50} ms of the glide: side ${c.side.toFixed(2)} vs top ${c.top.toFixed(2)} full`);
        seen.push(c.side);
      }
    }
    assert.ok(seen.length >= 2 && seen.at(-1) < seen[0], `the cement recedes during the glide: ${seen.map((v) => v.toFixed(2))}`);
    await page.clock.runFor(3 * FRAME);
    assert.deepEqual(await cementFill(page), { side: null, top: null }, "no cement in either view after going back");
    assert.deepEqual(await balloons(page), { side: true, top: true }, "both views show the balloon at the start of the step");
    await page.clock.runFor(STEPS[REMOVED].durationMs + 200);
    assert.deepEqual(await balloons(page), { side: false, top: false }, "the balloon is out of both views at the step's end");
  } finally {
    await done(page);
  }
});

test("no animation frames while paused at a finished step or while the tab is hidden; they resume when visible", async () => {
  const page = await ready();
  try {
    await finishFirstStep(page);
    let f = await frameCount(page);
    await page.clock.runFor(3000);
    assert.equal(await frameCount(page), f, "frames were requested while paused at a finished step");

    // A long animation: frames run while it plays.
    await listButton(page, CEMENT).click();
    await expectLive(page, announcement(CEMENT));
    await page.clock.runFor(GLIDE + 1000);
    f = await frameCount(page);
    await page.clock.runFor(500);
    assert.ok((await frameCount(page)) - f >= 20, `only ${(await frameCount(page)) - f} frames in 500 ms of animation`);

    // Hidden mid-animation: no frames, the picture and the timeline hold.
    const how = await setPageHidden(page, true);
    assert.equal(await page.evaluate(() => [document.hidden, document.visibilityState].join()), "true,hidden");
    const away = await both(page);
    const where = Number(await slider(page).inputValue());
    f = await frameCount(page);
    await page.clock.runFor(3000);
    const hiddenFrames = (await frameCount(page)) - f;
    assert.equal(hiddenFrames, 0, `${hiddenFrames} frames requested in 3 s with the tab hidden (${how})`);
    assert.ok(same(await both(page), away), "the picture moved while the tab was hidden");
    assert.equal(Number(await slider(page).inputValue()), where, "the timeline moved while the tab was hidden");

    // Visible again: it goes on from where it was.
    await setPageHidden(page, false);
    f = await frameCount(page);
    await page.clock.runFor(500);
    assert.ok((await frameCount(page)) - f >= 20, "frames resume when the tab is visible again");
    assert.ok(!same(await both(page), away), "the animation goes on when the tab is visible again");
    const now = Number(await slider(page).inputValue());
    assert.ok(now > where && now <= where + 15, `the timeline went from ${where} to ${now} in 500 ms: not a smooth resume`);
    await untilStill(page, 0, { clock: true, max: STEPS[CEMENT].durationMs + 2000 });
    f = await frameCount(page);
    await page.clock.runFor(2000);
    assert.equal(await frameCount(page), f, "frames stop again once the step has finished");
  } finally {
    await done(page);
  }
});

test("jumping to a far step glides over several frames; Previous replays the step before from its start", async () => {
  const page = await ready();
  try {
    await finishFirstStep(page);
    const before = await both(page);
    await listButton(page, CEMENT).click();
    await expectLive(page, announcement(CEMENT));
    assert.ok(same(await both(page), before), "the picture does not jump at the click");
    const samples = [];
    for (let t = 50; t <= GLIDE - 50; t += 50) {
      await page.clock.runFor(50);
      samples.push(await both(page));
    }
    await page.clock.runFor(50 + 3 * FRAME);
    const key = (p) => p.join("\n");
    const distinct = new Set(samples.map(key));
    assert.ok(distinct.size >= samples.length - 1, `only ${distinct.size} different pictures in ${samples.length} samples of the glide`);
    for (const [k, p] of samples.entries()) {
      assert.ok(!same(p, before), `${50 * (k + 1)} ms into the glide the picture is still the old one`);
    }
    // After the glide the chosen step plays from its start: halfway through, the timeline reads its middle.
    await page.clock.runFor(0.5 * STEPS[CEMENT].durationMs);
    const half = Number(await slider(page).inputValue());
    assert.ok(Math.abs(half - (100 * CEMENT + 50)) <= 3, `halfway through the step the timeline reads ${half}`);

    // Previous replays "The balloon comes out" from its start, after a glide back.
    await button(page, UI.previous).click();
    await expectLive(page, announcement(REMOVED));
    await page.clock.runFor(GLIDE + 2 * FRAME);
    const startValue = Number(await slider(page).inputValue());
    assert.ok(startValue >= 100 * REMOVED && startValue <= 100 * REMOVED + 1, `after the glide back the timeline reads ${startValue}, not the step's start ${100 * REMOVED}`);
    assert.deepEqual(await balloons(page), { side: true, top: true }, "the step starts again with the balloon in");
    await page.clock.runFor(0.5 * STEPS[REMOVED].durationMs);
    const v = Number(await slider(page).inputValue());
    assert.ok(Math.abs(v - (100 * REMOVED + 50)) <= 3, `halfway through the replayed step the timeline reads ${v}`);
    await page.clock.runFor(0.5 * STEPS[REMOVED].durationMs + 200);
    assert.deepEqual(await balloons(page), { side: false, top: false }, "the replayed step ends with the balloon out");
    assert.equal(Number(await slider(page).inputValue()), 100 * (REMOVED + 1));

    // The glide's pictures lie between the old picture and the chosen step's start.
    await slider(page).fill(String(100 * CEMENT));
    await expectLive(page, announcement(CEMENT));
    const target = await both(page);
    for (const [k, p] of samples.entries()) {
      assert.ok(!same(p, target), `${50 * (k + 1)} ms into the glide the picture is already the step's start (a jump)`);
    }
  } finally {
    await done(page);
  }
});

test("the timeline slider: 'Step N of M: title'; the middle of a step holds still until Play or Next", async () => {
  const page = await ready();
  try {
    const s = slider(page);
    assert.equal(await s.getAttribute("aria-valuetext"), announcement(0));
    for (const i of [1, 2]) {
      await button(page, UI.next).click();
      await expectLive(page, announcement(i));
      assert.equal(await s.getAttribute("aria-valuetext"), announcement(i));
    }
    await listButton(page, N - 1).click();
    await expectLive(page, announcement(N - 1));
    assert.equal(await s.getAttribute("aria-valuetext"), announcement(N - 1));

    // The cement step's start, its end (the next step's start) and its middle.
    await s.fill(String(100 * CEMENT));
    await expectLive(page, announcement(CEMENT));
    const start = await both(page);
    await s.fill(String(100 * (CEMENT + 1)));
    await expectLive(page, announcement(CEMENT + 1));
    const end = await both(page);
    await s.fill(String(100 * CEMENT + 50));
    await expectLive(page, announcement(CEMENT));
    assert.equal(await s.getAttribute("aria-valuetext"), announcement(CEMENT));
    const mid = await both(page);
    assert.notEqual(mid[0], start[0], "side view: the middle of the step is not its start");
    assert.notEqual(mid[0], end[0], "side view: the middle of the step is not its end");
    assert.notEqual(mid[1], start[1], "top view: the middle of the step is not its start");
    assert.notEqual(mid[1], end[1], "top view: the middle of the step is not its end");
    const fill = await cementFill(page);
    assert.ok(fill.side > 0.3 && fill.side < 0.7 && fill.top > 0.3 && fill.top < 0.7, `halfway: ${JSON.stringify(fill)}`);

    // It holds: no frames, no change.
    await page.clock.runFor(2 * FRAME);
    let f = await frameCount(page);
    await page.clock.runFor(3000);
    assert.equal(await frameCount(page), f, "frames were requested while the slider holds the picture");
    assert.ok(same(await both(page), mid), "the picture moved while the slider holds it");
    assert.equal(await s.inputValue(), String(100 * CEMENT + 50));

    // Play goes on from the middle.
    await button(page, UI.play).click();
    await button(page, UI.pause).waitFor();
    await page.clock.runFor(500);
    const v = Number(await s.inputValue());
    assert.ok(v > 100 * CEMENT + 50 && v <= 100 * CEMENT + 65, `Play from the middle: the timeline reads ${v}`);
    assert.ok(!same(await both(page), mid), "the picture moves after Play");
    await button(page, UI.pause).click();
    await button(page, UI.play).waitFor();

    // Back to the middle, then Next: the next step plays (after a glide).
    await s.fill(String(100 * CEMENT + 50));
    await expectLive(page, announcement(CEMENT));
    await page.clock.runFor(2 * FRAME);
    const held = await both(page);
    f = await frameCount(page);
    await page.clock.runFor(1000);
    assert.equal(await frameCount(page), f);
    await button(page, UI.next).click();
    await expectLive(page, announcement(CEMENT + 1));
    await page.clock.runFor(GLIDE + 500);
    assert.ok((await frameCount(page)) - f >= 20, "frames run after Next");
    assert.ok(!same(await both(page), held), "the picture moves after Next");
    assert.ok(Number(await s.inputValue()) > 100 * (CEMENT + 1), "the next step animates");
  } finally {
    await done(page);
  }
});

test("narrow (360 px): one view at a time, switched with 'From the side' / 'From above'", async () => {
  const page = await ready({ width: 360, height: 800 });
  try {
    const side = button(page, UI.side_view);
    const top = button(page, UI.top_view);
    const views = async () => [await sideSvg(page).isVisible(), await topSvg(page).isVisible()];
    assert.deepEqual(await views(), [true, false], "the side view shows first, alone");
    assert.equal(await side.getAttribute("aria-pressed"), "true");
    assert.equal(await top.getAttribute("aria-pressed"), "false");
    const box = await sideSvg(page).boundingBox();
    assert.ok(box.width > 250 && box.height > 150, `the side view is ${box.width}x${box.height}`);

    await top.click();
    assert.deepEqual(await views(), [false, true], "'From above' shows the top-down view and hides the side view");
    assert.equal(await side.getAttribute("aria-pressed"), "false");
    assert.equal(await top.getAttribute("aria-pressed"), "true");
    const topBox = await topSvg(page).boundingBox();
    assert.ok(topBox.width > 250 && topBox.height > 150, `the top-down view is ${topBox.width}x${topBox.height}`);

    // The choice stays across steps, and the shown view follows the step.
    const before = await axialMarkup(page);
    await listButton(page, NEEDLE).click();
    await expectLive(page, announcement(NEEDLE));
    await page.clock.runFor(GLIDE + STEPS[NEEDLE].durationMs + 200);
    assert.deepEqual(await views(), [false, true]);
    assert.notEqual(await axialMarkup(page), before, "the top-down view shows the needle step");

    await side.click();
    assert.deepEqual(await views(), [true, false], "'From the side' brings the side view back");
    assert.equal(await side.getAttribute("aria-pressed"), "true");
    assert.equal(await top.getAttribute("aria-pressed"), "false");
  } finally {
    await done(page);
  }
});

test("wide (1280 px): both views side by side, no view buttons", async () => {
  const page = await ready({ width: 1280, height: 900 });
  try {
    assert.ok(await sideSvg(page).isVisible(), "the side view shows");
    assert.ok(await topSvg(page).isVisible(), "the top-down view shows");
    const a = await sideSvg(page).boundingBox();
    const b = await topSvg(page).boundingBox();
    assert.ok(b.x >= a.x + a.width - 1, `the views sit side by side (side ${a.x}..${a.x + a.width}, top from ${b.x})`);
    for (const name of [UI.side_view, UI.top_view]) {
      const t = widget(page).getByRole("button", { name, exact: true, includeHidden: true });
      assert.equal(await t.count(), 1);
      assert.ok(await t.isHidden(), `the '${name}' button is hidden when both views show`);
    }
  } finally {
    await done(page);
  }
});

test("the pictures' names: side view <title> = step title, <desc> = its picture text; top view named with the title", async () => {
  const page = await ready();
  try {
    const check = async (i) => {
      const [title, desc] = await sideSvg(page).evaluate((svg) => [
        svg.querySelector(":scope > title")?.textContent,
        svg.querySelector(":scope > desc")?.textContent,
      ]);
      assert.equal(title, TITLES[i], `step ${i + 1}: side view <title>`);
      assert.equal(desc, CONTENT.steps[i].picture, `step ${i + 1}: side view <desc>`);
      const sideAria = await sideSvg(page).ariaSnapshot();
      assert.ok(sideAria.includes(TITLES[i]), `step ${i + 1}: side view's accessible name: ${sideAria}`);
      const topAria = await topSvg(page).ariaSnapshot();
      assert.match(topAria, /^- '?img /, `the top-down view is an image: ${topAria}`);
      assert.ok(topAria.includes(TITLES[i]), `step ${i + 1}: top-down view's accessible name: ${topAria}`);
    };
    await check(0);
    for (let i = 1; i < N; i++) {
      await button(page, UI.next).click();
      await expectLive(page, announcement(i));
      await check(i);
    }
    await button(page, UI.previous).click();
    await expectLive(page, announcement(N - 2));
    await check(N - 2);
    await listButton(page, 2).click();
    await expectLive(page, announcement(2));
    await check(2);
  } finally {
    await done(page);
  }
});

test("the pictures' labels stay in the picture, off the levels' names and each other, at every step, on a phone and wide, in English and Spanish, with larger text too", async () => {
  const problems = [];
  for (const [width, lang, large] of [[360, "en", false], [360, "es", false], [360, "en", true], [360, "es", true], [1280, "en", false], [1280, "es", true]]) {
    const page = await openPage(browser, { width, height: 900, reducedMotion: "reduce" });
    try {
      await page.goto(server.url);
      await bringUp(page);
      const w = widget(page);
      if (lang !== "en") {
        await w.evaluate((e, l) => e.setAttribute("lang", l), lang);
        await w.locator(`[lang="${lang}"]`).first().waitFor();
      }
      const LARGE = JSON.parse(readFileSync(join(ROOT, "content", `${lang}.json`), "utf8")).ui.larger_text;
      if (large) await w.getByRole("button", { name: LARGE }).click();
      for (let i = 0; i < N; i++) {
        await w.evaluate((e, i) => e.goTo(i), i);
        await page.waitForTimeout(120);
        const found = [];
        for (const svg of await w.locator("svg.diagram, svg.axial-diagram").all()) found.push(...(await svg.evaluate(labelProblems, { needles: true })));
        problems.push(...found.map((f) => `${width} px, ${lang}${large ? ", larger text" : ""}, step ${i + 1}: ${f}`));
      }
    } finally {
      await page.context().close();
    }
  }
  assert.deepEqual(problems, []);
});
