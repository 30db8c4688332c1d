// Moving through the steps as a person does: the Next/Previous buttons, the keyboard, the list
// of steps, Play/Pause, and two widgets on one page. Checks go through roles, accessible names
// and the live region ("Step N of M: title"), with the titles read from content/en.json.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  server, browser, useBrowser,
  openPage, widget, bringUp, liveText, expectLive, announcement, deepActive, svgMarkup,
  TITLES, CONTENT,
} from "./harness.mjs";

const N = TITLES.length;
const UI = CONTENT.ui;
useBrowser();

/** A fresh page with the first widget started. */
async function ready(options = {}) {
  const page = await openPage(browser, options);
  await page.goto(server.url);
  await bringUp(page, 0);
  return page;
}

const button = (page, name, n = 0) => widget(page, n).getByRole("button", { name, exact: true });
const stage = (page, n = 0) => widget(page, n).getByLabel(`${UI.heading}: `, { exact: false }).first();
const liveAttr = (page, n = 0) => widget(page, n).locator("[aria-live]").getAttribute("aria-live");

/**
 * Waits two rendering updates: a focused button that became disabled loses focus at the next
 * one (the HTML "focus fixup"), so a check right after the click would pass by luck.
 */
const afterRendering = (page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));

/** Index of the current step, read from the live region. */
async function stepIndex(page, n = 0) {
  const text = await liveText(page, n);
  const i = [...Array(N).keys()].find((k) => announcement(k) === text);
  assert.notEqual(i, undefined, `live region text ${JSON.stringify(text)} names no step`);
  return i;
}

test("Next walks every step and Previous walks back, announcing each", async () => {
  const page = await ready();
  try {
    await expectLive(page, announcement(0));
    assert.equal(await liveAttr(page), "polite");
    assert.ok(await button(page, UI.previous).isDisabled(), "Previous is disabled on the first step");
    for (let i = 1; i < N; i++) {
      await button(page, UI.next).click();
      await expectLive(page, announcement(i));
      await widget(page).getByRole("heading", { name: TITLES[i], exact: true }).waitFor();
      // The step's words are a group (a carousel's slide) named as the count reads.
      const count = UI.step_of.replace("{n}", String(i + 1)).replace("{total}", String(N));
      await widget(page).getByRole("group", { name: count, exact: true }).waitFor();
    }
    assert.ok(await button(page, UI.next).isDisabled(), "Next is disabled on the last step");
    for (let i = N - 2; i >= 0; i--) {
      await button(page, UI.previous).click();
      await expectLive(page, announcement(i));
    }
    assert.ok(await button(page, UI.previous).isDisabled());
    assert.ok(await button(page, UI.next).isEnabled());
  } finally {
    await page.context().close();
  }
});

test("the keyboard walks every step: arrows, Home, End; Space plays and pauses off buttons", async () => {
  const page = await ready();
  try {
    await stage(page).focus();
    for (let i = 1; i < N; i++) {
      await page.keyboard.press("ArrowRight");
      await expectLive(page, announcement(i));
    }
    await page.keyboard.press("ArrowRight");
    await expectLive(page, announcement(N - 1));
    for (let i = N - 2; i >= 0; i--) {
      await page.keyboard.press("ArrowLeft");
      await expectLive(page, announcement(i));
    }
    await page.keyboard.press("ArrowLeft");
    await expectLive(page, announcement(0));
    await page.keyboard.press("End");
    await expectLive(page, announcement(N - 1));
    await page.keyboard.press("Home");
    await expectLive(page, announcement(0));

    // The stage keeps focus through all of that, so a keyboard user can go on.
    assert.match(await deepActive(page), /kx-stage/);

    // Space on the stage toggles playback; the button's name says what it will do next.
    await page.keyboard.press("Space");
    await button(page, UI.pause).waitFor();
    assert.equal(await liveAttr(page), "off", "no announcements while playing");
    await page.keyboard.press("Space");
    await button(page, UI.play).waitFor();
    assert.equal(await liveAttr(page), "polite");

    // Arrows also work while a control has focus.
    await button(page, UI.play).focus();
    await page.keyboard.press("ArrowRight");
    await expectLive(page, announcement(1));

    // Space on a button presses that button; it does not toggle playback as well.
    await button(page, UI.next).focus();
    await page.keyboard.press("Space");
    await expectLive(page, announcement(2));
    assert.ok(await button(page, UI.play).isVisible(), "Space on Next must not start playback");
    assert.equal(await button(page, UI.pause).count(), 0);
    await page.keyboard.press("Enter");
    await expectLive(page, announcement(3));
  } finally {
    await page.context().close();
  }
});

test("keyboard focus stays in the widget when Next reaches the last step", async () => {
  const page = await ready();
  try {
    await button(page, UI.next).focus();
    for (let i = 1; i < N; i++) {
      await page.keyboard.press("Enter");
      await expectLive(page, announcement(i));
    }
    await afterRendering(page);
    const focus = await deepActive(page);
    assert.match(
      focus,
      /kyphoplasty-explainer > /,
      `after pressing Enter on "${UI.next}" up to the last step, focus left the widget (now on: ${focus}); ` +
        "the arrow keys no longer reach the widget until the reader clicks or tabs back into it",
    );
    await page.keyboard.press("ArrowLeft");
    await expectLive(page, announcement(N - 2));
  } finally {
    await page.context().close();
  }
});

test("keyboard focus stays in the widget when Previous reaches the first step", async () => {
  const page = await ready();
  try {
    await button(page, UI.next).click();
    await expectLive(page, announcement(1));
    await button(page, UI.previous).focus();
    await page.keyboard.press("Enter");
    await expectLive(page, announcement(0));
    await afterRendering(page);
    const focus = await deepActive(page);
    assert.match(
      focus,
      /kyphoplasty-explainer > /,
      `after pressing Enter on "${UI.previous}" at step 2, focus left the widget (now on: ${focus})`,
    );
  } finally {
    await page.context().close();
  }
});

test("the list of steps jumps to a step and marks it aria-current=step", async () => {
  const page = await ready();
  try {
    const list = widget(page).getByRole("navigation", { name: UI.all_steps, exact: true });
    const items = list.getByRole("button");
    assert.equal(await items.count(), N);
    const current = () =>
      items.evaluateAll((bs) => bs.map((b, i) => (b.getAttribute("aria-current") === "step" ? i : -1)).filter((i) => i >= 0));
    assert.deepEqual(await current(), [0]);
    for (const i of [6, 1, N - 1, 4, 0]) {
      await list.getByRole("button", { name: TITLES[i], exact: true }).click();
      await expectLive(page, announcement(i));
      assert.deepEqual(await current(), [i], `only step ${i + 1} is current`);
      await widget(page).getByRole("heading", { name: TITLES[i], exact: true }).waitFor();
    }
  } finally {
    await page.context().close();
  }
});

test("on a phone, a step chosen below the pictures brings them back into sight; other buttons leave the page where it is", async () => {
  const page = await ready({ width: 360, height: 740 });
  try {
    const pictureTop = async () => (await stage(page).boundingBox()).y;
    const scrollY = () => page.evaluate(() => window.scrollY);
    // Reading down to Next leaves the pictures above the screen.
    await button(page, UI.next).scrollIntoViewIfNeeded();
    assert.ok((await pictureTop()) < -200, `pictures above the screen: ${await pictureTop()}`);
    await button(page, UI.next).click();
    await expectLive(page, announcement(1));
    const top = await pictureTop();
    assert.ok(top >= -1 && top < 20, `the pictures' top at the screen's top after Next: ${top}`);
    // The same from the list of steps, and from Previous.
    const list = widget(page).getByRole("navigation", { name: UI.all_steps, exact: true });
    await list.getByRole("button", { name: TITLES[6], exact: true }).click();
    await expectLive(page, announcement(6));
    assert.ok(Math.abs(await pictureTop()) < 20, "after the list of steps");
    await button(page, UI.previous).scrollIntoViewIfNeeded();
    await button(page, UI.previous).click();
    await expectLive(page, announcement(5));
    assert.ok(Math.abs(await pictureTop()) < 20, "after Previous");
    // A site with a fixed header sets scroll-padding-top (README): the pictures stop under it.
    await page.evaluate(() => { document.documentElement.style.scrollPaddingTop = "60px"; });
    await button(page, UI.next).scrollIntoViewIfNeeded();
    await button(page, UI.next).click();
    await expectLive(page, announcement(6));
    const under = await pictureTop();
    assert.ok(under > 55 && under < 65, `the pictures' top under a 60 px header: ${under}`);
    // Labels changes no step: the page stays put.
    await button(page, UI.labels).scrollIntoViewIfNeeded();
    const before = await scrollY();
    await button(page, UI.labels).click();
    await afterRendering(page);
    assert.equal(await scrollY(), before, "Labels does not scroll the page");
  } finally {
    await page.context().close();
  }
});

test("on a phone, Next pressed with the keyboard leaves the page where the focused button is", async () => {
  const page = await ready({ width: 360, height: 740 });
  try {
    await button(page, UI.next).scrollIntoViewIfNeeded();
    assert.ok((await stage(page).boundingBox()).y < -200, "the pictures are above the screen");
    await button(page, UI.next).focus();
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press("Enter");
    await expectLive(page, announcement(1));
    await afterRendering(page);
    assert.equal(await page.evaluate(() => window.scrollY), before, "the page did not move");
    const next = await button(page, UI.next).boundingBox();
    assert.ok(next.y >= 0 && next.y + next.height <= 740, `Next still in sight: ${JSON.stringify(next)}`);
    assert.match(await deepActive(page), /button/, "Next keeps the focus");
  } finally {
    await page.context().close();
  }
});

test("a glossary word with the focus: when the step changes, the focus moves to the pictures, not off the widget", async () => {
  const page = await ready({ width: 1280, height: 900 });
  try {
    const word = widget(page).getByRole("button", { name: "spongy bone" });
    await word.focus();
    await page.keyboard.press("ArrowRight");
    await expectLive(page, announcement(1));
    await afterRendering(page);
    assert.match(await deepActive(page), /kx-stage-group/, `focus after the step change: ${await deepActive(page)}`);
    // From there the keys go on working.
    await page.keyboard.press("ArrowRight");
    await expectLive(page, announcement(2));
  } finally {
    await page.context().close();
  }
});

test("opening a word's meaning while playing pauses, so the meaning stays", async () => {
  const page = await ready({ width: 1280, height: 900 });
  try {
    await button(page, UI.play).click();
    await button(page, UI.pause).waitFor();
    await widget(page).getByRole("button", { name: "spongy bone" }).click();
    await button(page, UI.play).waitFor();
    const entry = CONTENT.glossary.find((t) => t.term === "Spongy bone");
    await widget(page).getByRole("status").filter({ hasText: entry.definition }).waitFor();
    await page.waitForTimeout(1500);
    await expectLive(page, announcement(0));
    await widget(page).getByRole("status").filter({ hasText: entry.definition }).waitFor();
  } finally {
    await page.context().close();
  }
});

test("with the pictures in sight, Next does not scroll the page", async () => {
  const page = await ready({ width: 1280, height: 1500 });
  try {
    await button(page, UI.next).scrollIntoViewIfNeeded();
    const box = await stage(page).boundingBox();
    assert.ok(box.y > -box.height / 2, `more than half of the pictures in sight: ${box.y}`);
    const before = await page.evaluate(() => window.scrollY);
    await button(page, UI.next).click();
    await expectLive(page, announcement(1));
    await afterRendering(page);
    assert.equal(await page.evaluate(() => window.scrollY), before);
  } finally {
    await page.context().close();
  }
});

test("Play shows every step in order, then stops at the end (fake clock)", async () => {
  const page = await ready({ clock: true });
  try {
    await button(page, UI.play).click();
    await button(page, UI.pause).waitFor();
    assert.equal(await liveAttr(page), "off", "no announcements while playing");

    // Let it play, second by (fake) second, noting every step shown, until the button says Play
    // again or it has sat on the last step for a minute.
    const seen = [0];
    let onLast = 0;
    for (let s = 0; s < 900 && onLast < 60 && (await button(page, UI.pause).count()) > 0; s++) {
      await page.clock.runFor(1000);
      const i = await stepIndex(page);
      if (i !== seen.at(-1)) seen.push(i);
      if (i === N - 1) onLast++;
    }
    assert.deepEqual(seen, [...Array(N).keys()], "playback shows every step once, in order");
    assert.equal(
      await button(page, UI.pause).count(),
      0,
      `playback ended on the last step ${onLast} s ago, but the button still says "${UI.pause}" ` +
        `(and the live region is aria-live="${await liveAttr(page)}")`,
    );
    await button(page, UI.play).waitFor({ timeout: 2000 });
    assert.equal(await liveAttr(page), "polite", "announcements come back when playback ends");

    // Play at the end starts over from the first step.
    await button(page, UI.play).click();
    await expectLive(page, announcement(0));
    await button(page, UI.pause).waitFor();
  } finally {
    await page.context().close();
  }
});

test("Pause stops playback where it is; the button's name switches Play <-> Pause (fake clock)", async () => {
  const page = await ready({ clock: true });
  try {
    await button(page, UI.play).click();
    await button(page, UI.pause).waitFor();
    assert.equal(await button(page, UI.play).count(), 0);
    for (let s = 0; s < 300 && (await stepIndex(page)) === 0; s++) await page.clock.runFor(1000);
    assert.equal(await stepIndex(page), 1, "playing moves on to step 2 by itself");
    await button(page, UI.pause).click();
    await button(page, UI.play).waitFor();
    assert.equal(await button(page, UI.pause).count(), 0);
    assert.equal(await liveAttr(page), "polite");
    await page.clock.runFor(180_000);
    assert.equal(await stepIndex(page), 1, "paused: no step changes in 3 minutes");
    // Play again resumes from here, not from the start.
    await button(page, UI.play).click();
    for (let s = 0; s < 300 && (await stepIndex(page)) === 1; s++) await page.clock.runFor(1000);
    assert.equal(await stepIndex(page), 2);
  } finally {
    await page.context().close();
  }
});

test("Play auto-advances in real time too (no fake clock)", async () => {
  // The real frame loop, not the fake clock. Start on the step with the shortest narration, whose
  // animation plus reading time is about 9 s, so this stays quick.
  const page = await ready();
  try {
    const words = (k) => CONTENT.steps[k].narration.join(" ").split(/\s+/).length;
    const i = [...Array(N - 1).keys()].reduce((a, k) => (words(k) < words(a) ? k : a), 0);
    const list = widget(page).getByRole("navigation", { name: UI.all_steps, exact: true });
    await list.getByRole("button", { name: TITLES[i], exact: true }).click();
    await expectLive(page, announcement(i));
    const expectedMs = 5000 + Math.max(words(i) * 400, 3000);
    const t0 = Date.now();
    await button(page, UI.play).click();
    await expectLive(page, announcement(i + 1), 0, expectedMs + 10_000);
    const took = Date.now() - t0;
    assert.ok(took > 2500, `advanced after ${took} ms: too soon to read the step`);
    await button(page, UI.pause).click();
    await button(page, UI.play).waitFor();
    await page.waitForTimeout(1000);
    assert.equal(await liveText(page), announcement(i + 1));
  } finally {
    await page.context().close();
  }
});

test("two widgets on one page are independent", async () => {
  const page = await ready();
  try {
    await bringUp(page, 1);
    const second = announcement(TITLES.indexOf("The balloon fills up"));
    await expectLive(page, second, 1);
    await widget(page, 1).getByRole("heading", { name: "The balloon fills up", exact: true }).waitFor();

    for (let i = 1; i <= 3; i++) {
      await button(page, UI.next, 0).click();
      await expectLive(page, announcement(i), 0);
    }
    await button(page, UI.play, 0).click();
    await button(page, UI.pause, 0).waitFor();
    assert.equal(await liveText(page, 1), second, "the second widget did not move");
    assert.equal(await button(page, UI.pause, 1).count(), 0, "the second widget is not playing");
    await button(page, UI.pause, 0).click();

    await widget(page, 1).getByRole("button", { name: TITLES[8], exact: true }).click();
    await expectLive(page, announcement(8), 1);
    assert.equal(await liveText(page, 0), announcement(3), "the first widget did not move");
    const currents = await page.evaluate(() =>
      [...document.querySelectorAll("kyphoplasty-explainer")].map(
        (el) => el.shadowRoot.querySelector('[aria-current="step"]')?.textContent,
      ),
    );
    assert.deepEqual(currents, [`4${TITLES[3]}`, `9${TITLES[8]}`]);
  } finally {
    await page.context().close();
  }
});

test("the timeline slider follows the steps, and setting it shows that point and holds it", async () => {
  const page = await ready();
  try {
    const slider = widget(page).getByRole("slider", { name: UI.timeline, exact: true });
    const max = Number(await slider.getAttribute("max"));
    const unitsPerStep = max / N;
    assert.equal(await slider.getAttribute("aria-valuetext"), announcement(0));

    await button(page, UI.next).click();
    await expectLive(page, announcement(1));
    assert.equal(await slider.getAttribute("aria-valuetext"), announcement(1));
    assert.ok(Number(await slider.inputValue()) >= unitsPerStep);

    // Put the slider halfway through step 4: the text follows, the picture holds still there.
    await slider.fill(String(Math.round(3.5 * unitsPerStep)));
    await expectLive(page, announcement(3));
    assert.equal(await slider.getAttribute("aria-valuetext"), announcement(3));
    const held = await svgMarkup(page);
    await page.waitForTimeout(600);
    assert.equal(await svgMarkup(page), held, "the picture stays where the slider put it");
    assert.equal(await slider.inputValue(), String(Math.round(3.5 * unitsPerStep)));

    // Next from there goes on normally.
    await button(page, UI.next).click();
    await expectLive(page, announcement(4));
  } finally {
    await page.context().close();
  }
});

test("arrow keys on the timeline slider move it in small steps, as scrubber.rs documents", async () => {
  const page = await ready();
  try {
    const slider = widget(page).getByRole("slider", { name: UI.timeline, exact: true });
    const unitsPerStep = Number(await slider.getAttribute("max")) / N;
    await slider.fill(String(Math.round(2.5 * unitsPerStep)));
    await expectLive(page, announcement(2));
    const before = Number(await slider.inputValue());
    await slider.focus();
    await page.keyboard.press("ArrowRight");
    await page.waitForTimeout(100);
    const after = Number(await slider.inputValue());
    const step = Number((await slider.getAttribute("step")) || 1);
    assert.equal(
      after,
      before + step,
      `ArrowRight on the slider moved it from ${before} to ${after} and the widget to ` +
        `${JSON.stringify(await liveText(page))} (the slider's step is ${step}, a whole step ${unitsPerStep} units): ` +
        "the widget's own ArrowRight = Next step key handler takes the key from the slider",
    );
    assert.equal(await liveText(page), announcement(2));
  } finally {
    await page.context().close();
  }
});
