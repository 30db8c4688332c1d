// The diagram animates each step and then holds still, in real time (no fake clock): the SVG's
// markup changes while a step plays out and stops changing once it ends; the frame loop asks for
// animation frames only while something moves and while the widget can be seen.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  server, browser, useBrowser,
  openPage, widget, bringUp, expectLive, announcement, svgMarkup, untilStill,
  TITLES, CONTENT,
} from "./harness.mjs";

const UI = CONTENT.ui;
useBrowser();

/** Counts calls to requestAnimationFrame (the glue looks it up on window at each call). */
function countFrames() {
  const raf = window.requestAnimationFrame.bind(window);
  window.__frames = 0;
  window.requestAnimationFrame = (cb) => {
    window.__frames++;
    return raf(cb);
  };
}
const frames = (page) => page.evaluate(() => window.__frames);

async function ready(options = {}) {
  const page = await openPage(browser, options);
  await page.addInitScript(countFrames);
  await page.goto(server.url);
  await bringUp(page, 0);
  return page;
}

const stepButton = (page, i) =>
  widget(page)
    .getByRole("navigation", { name: UI.all_steps, exact: true })
    .getByRole("button", { name: TITLES[i], exact: true });

test("the diagram changes while a step animates and stops changing once it ends", async () => {
  const page = await ready();
  try {
    const i = CONTENT.steps.findIndex((s) => s.id === "hollow-needle");
    const before = await svgMarkup(page);
    const t0 = Date.now();
    await stepButton(page, i).click();
    await expectLive(page, announcement(i));

    // While it animates: the markup keeps changing.
    const samples = [];
    for (let k = 0; k < 6; k++) {
      await page.waitForTimeout(200);
      samples.push(await svgMarkup(page));
    }
    const distinct = new Set(samples).size;
    assert.ok(distinct >= 4, `only ${distinct} different pictures in 6 samples 200 ms apart while animating`);
    assert.ok(samples.every((s) => s !== before));

    // Then it ends and holds still.
    const end = await untilStill(page, 0, { quiet: 500, max: 10_000 });
    const took = Date.now() - t0;
    assert.ok(took >= 2500, `the step's animation ended after only ${took} ms`);
    const framesAtEnd = await frames(page);
    for (let k = 0; k < 4; k++) {
      await page.waitForTimeout(300);
      assert.equal(await svgMarkup(page), end, "the diagram changed after its animation ended");
    }
    assert.equal(await frames(page), framesAtEnd, "animation frames were requested while nothing moved");
  } finally {
    await page.context().close();
  }
});

test("no animation frames while the widget is scrolled out of view; it goes on when back", async () => {
  const page = await ready({ width: 1280, height: 700 });
  try {
    // The second widget is near the footer: let it start and finish its own animation first,
    // so that every frame counted below is the first widget's.
    await bringUp(page, 1);
    await untilStill(page, 1, { quiet: 500, max: 10_000 });
    await widget(page, 0).scrollIntoViewIfNeeded();
    const i = CONTENT.steps.findIndex((s) => s.id === "bone-cement"); // a 5 s animation
    await stepButton(page, i).click();
    await expectLive(page, announcement(i));
    await page.waitForTimeout(300);
    const f0 = await frames(page);
    await page.waitForTimeout(300);
    assert.ok((await frames(page)) > f0 + 5, "frames run while the step animates on screen");

    await page.locator("footer").scrollIntoViewIfNeeded();
    await page.waitForTimeout(300); // the IntersectionObserver reports asynchronously
    assert.ok((await widget(page, 0).boundingBox()).y + (await widget(page, 0).boundingBox()).height < 0, "widget 1 is out of view");
    const away = await svgMarkup(page);
    const f1 = await frames(page);
    await page.waitForTimeout(1000);
    assert.ok((await frames(page)) - f1 <= 1, `${(await frames(page)) - f1} frames requested while off screen`);
    assert.equal(await svgMarkup(page), away, "the diagram moved while off screen");

    await widget(page).scrollIntoViewIfNeeded();
    await page.waitForTimeout(400);
    assert.notEqual(await svgMarkup(page), away, "the animation goes on when the widget is back in view");
  } finally {
    await page.context().close();
  }
});

test("with reduced motion: each step shows its end state at once, and nothing plays by itself", async () => {
  const page = await ready({ reducedMotion: "reduce" });
  try {
    assert.equal(await widget(page).getByRole("button", { name: UI.pause, exact: true }).count(), 0, "not playing");
    const next = widget(page).getByRole("button", { name: UI.next, exact: true });
    let previous = await svgMarkup(page);
    for (let i = 1; i < 4; i++) {
      await next.click();
      await expectLive(page, announcement(i));
      const first = await svgMarkup(page);
      assert.notEqual(first, previous, "the picture changes with the step");
      const f = await frames(page);
      await page.waitForTimeout(400);
      assert.equal(await svgMarkup(page), first, `step ${i + 1} moved with reduced motion`);
      assert.equal(await frames(page), f, "animation frames were requested with reduced motion");
      previous = first;
    }
    assert.equal(await widget(page).locator("[aria-live]").getAttribute("aria-live"), "polite");
  } finally {
    await page.context().close();
  }
});

test("with reduced motion, Play still steps through by itself, each step shown at its end without tweening (fake clock)", async () => {
  const page = await ready({ reducedMotion: "reduce", clock: true });
  try {
    const w = widget(page);
    const play = w.getByRole("button", { name: UI.play, exact: true });
    await play.click();
    await w.getByRole("button", { name: UI.pause, exact: true }).waitFor();
    // Second by (fake) second until step 2: the picture never moves between two steps.
    let shown = await svgMarkup(page);
    let step = 0;
    for (let s = 0; s < 120 && step < 2; s++) {
      await page.clock.runFor(1000);
      const now = await svgMarkup(page);
      const text = await w.locator("[aria-live]").textContent();
      const i = [0, 1, 2].find((k) => announcement(k) === text);
      if (i !== step) {
        step = i;
        shown = now;
        await page.clock.runFor(100);
        assert.equal(await svgMarkup(page), shown, `step ${i + 1} is shown at its end at once`);
      } else {
        assert.equal(now, shown, `the picture moved within step ${step + 1}`);
      }
    }
    assert.equal(step, 2, "playing moved on to step 3 by itself");
    // Space on the picture pauses it.
    await w.getByLabel(`${UI.heading}: `).first().focus();
    await page.keyboard.press("Space");
    await play.waitFor();
    // Played from the step before the last, it stops by itself on the last one.
    const n = CONTENT.steps.length;
    await w.evaluate((e, i) => e.goTo(i), n - 2);
    await expectLive(page, announcement(n - 2));
    await play.click();
    for (let s = 0; s < 120 && (await w.locator("[aria-live]").textContent()) !== announcement(n - 1); s++) await page.clock.runFor(1000);
    await page.clock.runFor(1000);
    await play.waitFor({ timeout: 2000 });
    assert.equal(await w.getByRole("button", { name: UI.pause, exact: true }).count(), 0, "playback ended on the last step");
  } finally {
    await page.context().close();
  }
});
