// Consult mode: drawing on the pictures with mouse, touch and stylus; strokes kept per step;
// undo, clear, arrow, eraser; the toolbar by keyboard.
import { test } from "node:test";
import assert from "node:assert/strict";
import { server, browser, useBrowser, openPage, widget, bringUp, expectLive, watchConsole, CONTENT, openConsult } from "./harness.mjs";

const UI = CONTENT.ui;
const SIDE = [272, 240];
const TOP = [240, 230];
const AP = [240, 240];

/** Consult mode announces each step's clinical title. */
const announcement = (i) =>
  `${UI.step_of.replace("{n}", String(i + 1)).replace("{total}", String(CONTENT.steps.length))}: ${CONTENT.steps[i].consult.title}`;

useBrowser();

const consultPage = (options = {}) => openConsult(browser, server.url, options);

const button = (page, name) => widget(page).getByRole("button", { name, exact: true });
/** The drawing layer over the side view or the AP projection (0), or the view from above (1). */
const layer = (page, n = 0) => widget(page).locator("svg.kx-ink").nth(n);
/** The strokes drawn on a layer. */
const strokes = (page, n = 0) => layer(page, n).locator("g.ink");
/** The path data of the strokes on a layer (the coloured line of each). */
const strokeData = (page, n = 0) =>
  layer(page, n).evaluate((svg) => [...svg.querySelectorAll("g.ink path.ink-line")].map((p) => p.getAttribute("d")));

/** Where a point in a picture's user units is on screen (the picture is centred, "meet"). */
async function onScreen(page, n, size, [x, y]) {
  const b = await layer(page, n).boundingBox();
  const s = Math.min(b.width / size[0], b.height / size[1]);
  return [b.x + (b.width - size[0] * s) / 2 + x * s, b.y + (b.height - size[1] * s) / 2 + y * s];
}

/** Drags the mouse through points given in user units of layer `n`. */
async function drag(page, n, size, pts) {
  await layer(page, n).scrollIntoViewIfNeeded();
  const screen = [];
  for (const p of pts) screen.push(await onScreen(page, n, size, p));
  await page.mouse.move(...screen[0]);
  await page.mouse.down();
  for (const p of screen.slice(1)) await page.mouse.move(...p, { steps: 5 });
  await page.mouse.up();
}

/** Focuses the picture group (keys then go to the widget, not to a control). */
const focusPicture = (page) => widget(page).getByLabel(`${UI.heading}: `, { exact: false }).first().focus();

/** The numbers of a path's data, in pairs. */
const pointsOf = (d) => {
  const n = d.match(/-?[\d.]+/g).map(Number);
  return Array.from({ length: n.length / 2 }, (_, i) => [n[2 * i], n[2 * i + 1]]);
};
const near = (a, b, tol = 1.5) => Math.abs(a[0] - b[0]) <= tol && Math.abs(a[1] - b[1]) <= tol;

test("D draws on the side view; the stroke belongs to its step; undo and clear act on that step", async () => {
  const page = await consultPage();
  const console = watchConsole(page);
  try {
    await focusPicture(page);
    await page.keyboard.press("3");
    await expectLive(page, announcement(2));
    // Not drawing: the layer lets the pointer and the page's scrolling through.
    assert.equal(await layer(page).evaluate((e) => getComputedStyle(e).pointerEvents), "none");
    assert.equal(await layer(page).evaluate((e) => getComputedStyle(e).touchAction), "auto");
    await page.keyboard.press("d");
    assert.equal(await button(page, UI.draw).getAttribute("aria-pressed"), "true");
    assert.equal(await layer(page).evaluate((e) => getComputedStyle(e).touchAction), "none");
    // A curve around the broken bone.
    const curve = Array.from({ length: 13 }, (_, i) => [90 + 30 * Math.cos(i / 2), 120 + 20 * Math.sin(i / 2)]);
    await drag(page, 0, SIDE, curve);
    assert.equal(await strokes(page).count(), 1);
    assert.equal(await strokes(page, 1).count(), 0, "nothing on the view from above");
    const [d] = await strokeData(page);
    const pts = pointsOf(d);
    assert.ok(pts.length >= 5, `a curve, not a line: ${d}`);
    assert.ok(near(pts[0], curve[0]) && near(pts.at(-1), curve.at(-1)), `from press to release: ${d}`);

    // Step 5 has nothing drawn; back on step 3 the stroke is there again, the same.
    await focusPicture(page);
    await page.keyboard.press("5");
    await expectLive(page, announcement(4));
    assert.equal(await strokes(page).count(), 0);
    assert.equal(await button(page, UI.undo).getAttribute("aria-disabled"), "true");
    await page.keyboard.press("3");
    await expectLive(page, announcement(2));
    assert.deepEqual(await strokeData(page), [d]);

    // Undo takes it away.
    assert.equal(await button(page, UI.undo).getAttribute("aria-disabled"), "false");
    await button(page, UI.undo).click();
    assert.equal(await strokes(page).count(), 0);

    // Two strokes, then Clear; Undo brings both back.
    await drag(page, 0, SIDE, [[20, 40], [60, 40]]);
    await drag(page, 0, SIDE, [[20, 200], [60, 200]]);
    assert.equal(await strokes(page).count(), 2);
    await button(page, UI.clear).click();
    assert.equal(await strokes(page).count(), 0);
    assert.equal(await button(page, UI.clear).getAttribute("aria-disabled"), "true");
    await button(page, UI.undo).click();
    assert.equal(await strokes(page).count(), 2);
    // Ctrl+Z undoes too: the last change on this step.
    await drag(page, 0, SIDE, [[20, 160], [60, 160]]);
    assert.equal(await strokes(page).count(), 3);
    await focusPicture(page);
    await page.keyboard.press("Control+z");
    assert.equal(await strokes(page).count(), 2, "Ctrl+Z takes back the last stroke");

    // Escape leaves drawing mode: the strokes stay, the pointer passes through again.
    await focusPicture(page);
    await page.keyboard.press("Escape");
    assert.equal(await button(page, UI.draw).getAttribute("aria-pressed"), "false");
    assert.equal(await layer(page).evaluate((e) => getComputedStyle(e).pointerEvents), "none");
    await drag(page, 0, SIDE, [[20, 120], [60, 120]]);
    assert.equal(await strokes(page).count(), 2, "no drawing while drawing mode is off");
    assert.deepEqual(console.problems(), []);
  } finally {
    await page.context().close();
  }
});

test("D draws on the AP projection too, over it exactly; its strokes are its own", async () => {
  const page = await consultPage();
  const console = watchConsole(page);
  try {
    const w = widget(page);
    await w.getByRole("button", { name: UI.xray_view }).click();
    const group = w.getByRole("group", { name: UI.projection });
    await group.getByRole("button", { name: UI.ap, exact: true }).click();
    const picture = w.locator("svg.coronal-diagram");
    await picture.waitFor();
    // The layer over the AP picture has the picture's box.
    assert.equal(await layer(page).evaluate((e) => e.previousElementSibling?.getAttribute("class")), "coronal-diagram");
    const [a, b] = [await picture.boundingBox(), await layer(page).boundingBox()];
    for (const k of ["x", "y", "width", "height"]) assert.ok(Math.abs(a[k] - b[k]) < 1, `${k}: ${a[k]} / ${b[k]}`);
    await button(page, UI.draw).click();
    await drag(page, 0, AP, [[60, 120], [120, 100], [180, 120]]);
    assert.equal(await strokes(page).count(), 1);
    const [d] = await strokeData(page);
    const pts = pointsOf(d);
    assert.ok(near(pts[0], [60, 120]) && near(pts.at(-1), [180, 120]), `from press to release: ${d}`);
    // The lateral view has none of it; back on AP, it is there again.
    await group.getByRole("button", { name: UI.lateral, exact: true }).click();
    await picture.waitFor({ state: "detached" });
    assert.equal(await strokes(page).count(), 0, "nothing on the lateral view");
    await group.getByRole("button", { name: UI.ap, exact: true }).click();
    await picture.waitFor();
    assert.deepEqual(await strokeData(page), [d]);
    assert.deepEqual(console.problems(), []);
  } finally {
    await page.context().close();
  }
});

test("the arrow is a straight line from press to release with a head", async () => {
  const page = await consultPage();
  try {
    await button(page, UI.arrow).click();
    assert.equal(await button(page, UI.draw).getAttribute("aria-pressed"), "true", "a tool turns drawing on");
    assert.equal(await button(page, UI.arrow).getAttribute("aria-pressed"), "true");
    await drag(page, 0, SIDE, [[30, 60], [50, 110], [64, 104]]);
    const [d] = await strokeData(page);
    // M tail L tip, then the head: M barb L tip L barb.
    assert.match(d, /^M[-\d. ]+L[-\d. ]+M[-\d. ]+L[-\d. ]+L[-\d. ]+$/);
    const [tail, tip, barb1, tip2, barb2] = pointsOf(d);
    assert.ok(near(tail, [30, 60]), `tail ${tail}`);
    assert.ok(near(tip, [64, 104]), `the tip is where the pointer went up: ${tip}`);
    assert.deepEqual(tip2, tip);
    for (const b of [barb1, barb2]) {
      const len = Math.hypot(b[0] - tip[0], b[1] - tip[1]);
      assert.ok(len > 4 && len < 10, `barb length ${len}`);
    }
    // A click with the arrow draws nothing.
    const [x, y] = await onScreen(page, 0, SIDE, [150, 40]);
    await page.mouse.click(x, y);
    assert.equal(await strokes(page).count(), 1);
  } finally {
    await page.context().close();
  }
});

test("the eraser removes the stroke it touches and leaves the others", async () => {
  const page = await consultPage();
  try {
    await button(page, UI.draw).click();
    await drag(page, 0, SIDE, [[20, 40], [120, 40]]);
    await button(page, UI.highlighter).click();
    await drag(page, 0, SIDE, [[20, 200], [120, 200]]);
    const [, kept] = await strokeData(page);
    assert.equal(await layer(page).locator("g.ink-highlighter").count(), 1);
    await button(page, UI.eraser).click();
    assert.equal(await layer(page).evaluate((e) => e.classList.contains("is-eraser")), true);
    // Down across the first line only.
    await drag(page, 0, SIDE, [[70, 25], [70, 60]]);
    assert.deepEqual(await strokeData(page), [kept]);
    // Undo puts it back.
    await button(page, UI.undo).click();
    assert.equal(await strokes(page).count(), 2);
  } finally {
    await page.context().close();
  }
});

test("the drawing tools are buttons reached by Tab and worked with Enter and Space", async () => {
  const page = await consultPage();
  try {
    const names = [UI.draw, UI.pen, UI.highlighter, UI.arrow, UI.eraser, UI.red, UI.yellow, UI.blue, UI.green, UI.undo, UI.clear];
    const focusedName = () =>
      page.evaluate(() => {
        let a = document.activeElement;
        while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
        return a?.getAttribute("aria-label") || a?.textContent.trim();
      });
    await focusPicture(page);
    const seen = [];
    for (let i = 0; i < 20 && seen.at(-1) !== UI.clear; i++) {
      await page.keyboard.press("Tab");
      seen.push(await focusedName());
    }
    assert.deepEqual(seen.slice(seen.indexOf(UI.draw)), names);
    // Back to Draw; Enter turns drawing on.
    for (let i = 0; i < names.length - 1; i++) await page.keyboard.press("Shift+Tab");
    assert.equal(await focusedName(), UI.draw);
    await page.keyboard.press("Enter");
    assert.equal(await button(page, UI.draw).getAttribute("aria-pressed"), "true");
    // Space picks the arrow, then the blue colour (which puts the pen back in hand only from
    // the eraser; the arrow stays).
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await focusedName(), UI.arrow);
    await page.keyboard.press(" ");
    assert.equal(await button(page, UI.arrow).getAttribute("aria-pressed"), "true");
    assert.equal(await button(page, UI.pen).getAttribute("aria-pressed"), "false");
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    assert.equal(await focusedName(), UI.blue);
    await page.keyboard.press(" ");
    assert.equal(await button(page, UI.blue).getAttribute("aria-pressed"), "true");
    assert.equal(await button(page, UI.red).getAttribute("aria-pressed"), "false");
    // Space did not start playback (it worked the button).
    assert.equal(await button(page, UI.play).count(), 1);
    // Enter on Draw again turns drawing off.
    for (let i = 0; i < 7; i++) await page.keyboard.press("Shift+Tab");
    assert.equal(await focusedName(), UI.draw);
    await page.keyboard.press("Enter");
    assert.equal(await button(page, UI.draw).getAttribute("aria-pressed"), "false");
    // Each tool is a 44 x 44 target at least.
    for (const name of names) {
      const b = await button(page, name).boundingBox();
      assert.ok(b.width >= 44 && b.height >= 44, `${name}: ${b.width} x ${b.height}`);
    }
  } finally {
    await page.context().close();
  }
});

test("a finger draws on a phone-sized widget, and a stylus draws too", async () => {
  const page = await consultPage({ width: 360, height: 740, hasTouch: true });
  try {
    const cdp = await page.context().newCDPSession(page);
    const touch = async (n, size, pts) => {
      await layer(page, n).scrollIntoViewIfNeeded();
      const screen = [];
      for (const p of pts) screen.push(await onScreen(page, n, size, p));
      const at = ([x, y]) => [{ x, y, id: 1, radiusX: 4, radiusY: 4, force: 1 }];
      await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: at(screen[0]) });
      for (const p of screen.slice(1)) await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: at(p) });
      await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    };
    // Buttons are pressed with the mouse here: in headless Chromium the first synthetic tap
    // after a synthetic drag on a `touch-action: none` element gives no click, even on a bare
    // page, which would test the browser rather than the widget.
    const tap = (locator) => locator.click();
    // The whole toolbar fits the phone's width (it wraps) and only the side view shows.
    const bar = await widget(page).getByRole("group", { name: UI.drawing_tools }).boundingBox();
    assert.ok(bar.x >= 0 && bar.x + bar.width <= 360, `toolbar ${bar.x} + ${bar.width}`);
    assert.equal(await layer(page, 1).isVisible(), false);

    // Not drawing: a finger on the picture scrolls the page and draws nothing.
    await layer(page).scrollIntoViewIfNeeded();
    const scrolled = await page.evaluate(() => window.scrollY);
    await touch(0, SIDE, [[100, 200], [100, 150], [100, 100], [100, 50]]);
    await page.waitForTimeout(300);
    assert.ok((await page.evaluate(() => window.scrollY)) > scrolled, "the page scrolled");
    assert.equal(await strokes(page).count(), 0);

    await tap(button(page, UI.draw));
    await touch(0, SIDE, [[40, 60], [60, 70], [80, 60], [100, 70], [120, 60]]);
    assert.equal(await strokes(page).count(), 1);
    const pts = pointsOf((await strokeData(page))[0]);
    assert.ok(near(pts[0], [40, 60], 2) && near(pts.at(-1), [120, 60], 2), `finger stroke ${pts}`);

    // The view from above has its own drawing.
    await tap(button(page, UI.top_view));
    await layer(page, 1).waitFor();
    assert.equal(await strokes(page, 1).count(), 0);
    await touch(1, TOP, [[60, 60], [180, 60]]);
    assert.equal(await strokes(page, 1).count(), 1);

    // A stylus (pointer type "pen") draws as well.
    await tap(button(page, UI.side_view));
    await layer(page, 0).waitFor();
    const [x0, y0] = await onScreen(page, 0, SIDE, [40, 180]);
    const [x1, y1] = await onScreen(page, 0, SIDE, [120, 180]);
    const pen = (type, x, y) =>
      cdp.send("Input.dispatchMouseEvent", { type, x, y, button: "left", buttons: type === "mouseReleased" ? 0 : 1, clickCount: 1, pointerType: "pen" });
    const kinds = layer(page).evaluate((svg) => {
      window.__kxKinds = [];
      svg.addEventListener("pointerdown", (e) => window.__kxKinds.push(e.pointerType));
    });
    await kinds;
    await pen("mousePressed", x0, y0);
    await pen("mouseMoved", (x0 + x1) / 2, y0);
    await pen("mouseMoved", x1, y1);
    await pen("mouseReleased", x1, y1);
    assert.deepEqual(await page.evaluate(() => window.__kxKinds), ["pen"]);
    assert.equal(await strokes(page).count(), 2);
  } finally {
    await page.context().close();
  }
});

test("patient mode has no drawing", async () => {
  const page = await openPage(browser, { width: 1280, height: 1000 });
  try {
    await page.goto(server.url);
    await bringUp(page);
    assert.equal(await widget(page).locator("svg.kx-ink").count(), 0);
    assert.equal(await button(page, UI.draw).count(), 0);
  } finally {
    await page.context().close();
  }
});
