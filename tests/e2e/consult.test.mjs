// Consult mode: presenter keys, this patient's settings and the live readout.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { server, browser, useBrowser, widget, expectLive, CONTENT, openConsult } from "./harness.mjs";

/** Consult mode announces each step's clinical title. */
const announcement = (i) =>
  `${CONTENT.ui.step_of.replace("{n}", String(i + 1)).replace("{total}", String(CONTENT.steps.length))}: ${CONTENT.steps[i].consult.title}`;

useBrowser();

const consultPage = () => openConsult(browser, server.url);

const readoutValue = async (page, name) =>
  (await widget(page).locator("dt", { hasText: name }).locator("xpath=following-sibling::dd").textContent()).trim();

test("clicker and number keys move through the steps", async () => {
  const page = await consultPage();
  try {
    await widget(page).getByLabel(`${CONTENT.ui.heading}: `, { exact: false }).first().focus();
    await page.keyboard.press("PageDown");
    await expectLive(page, announcement(1));
    await page.keyboard.press("PageDown");
    await expectLive(page, announcement(2));
    await page.keyboard.press("PageUp");
    await expectLive(page, announcement(1));
    await page.keyboard.press("7");
    await expectLive(page, announcement(6));
    await page.keyboard.press("0");
    await expectLive(page, announcement(9));
    await page.keyboard.press("1");
    await expectLive(page, announcement(0));
    // L switches the labels.
    const labels = widget(page).getByRole("button", { name: CONTENT.ui.labels });
    assert.equal(await labels.getAttribute("aria-pressed"), "true");
    await page.keyboard.press("l");
    assert.equal(await labels.getAttribute("aria-pressed"), "false");
  } finally {
    await page.context().close();
  }
});

test("a more severe grade starts with a steeper wedge angle", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: CONTENT.steps[1].consult.title }).click();
    await page.waitForTimeout(3500);
    const angles = [];
    for (const g of ["1", "2", "3"]) {
      await w.getByLabel(CONTENT.ui.severity).selectOption(g);
      angles.push(parseFloat(await readoutValue(page, CONTENT.ui.wedge_angle)));
    }
    assert.ok(angles[0] < angles[1] && angles[1] < angles[2], `wedge angles by grade: ${angles}`);
    assert.ok(angles[1] > 14 && angles[1] < 17, `grade 2 is about 16 degrees: ${angles[1]}`);
  } finally {
    await page.context().close();
  }
});

test("consult mode speaks in clinical terms: titles, narration and labels", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("heading", { name: CONTENT.steps[0].consult.title }).waitFor();
    await w.getByText(CONTENT.steps[0].consult.narration[0].slice(0, 40)).waitFor();
    assert.equal(await w.locator("svg.diagram").getByText(CONTENT.consult_labels.disc, { exact: true }).count(), 1);
    await w.getByRole("button", { name: CONTENT.steps[2].consult.title }).click();
    await expectLive(page, announcement(2));
    assert.equal(await w.locator(".kx-term").count(), 0, "no patient glossary in consult mode");
  } finally {
    await page.context().close();
  }
});

test("a thoracic level adds ribs to the view from above and renames the side view's levels", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const top = w.locator("svg.axial-diagram");
    const lumbar = await top.evaluate((el) => el.outerHTML);
    assert.ok(await w.locator("svg.diagram").getByText("L1", { exact: true }).count());
    await w.getByLabel(CONTENT.ui.level).selectOption("T8");
    const thoracic = await top.evaluate((el) => el.outerHTML);
    assert.notEqual(thoracic, lumbar);
    assert.equal(await top.locator(".rib").count(), 2);
    for (const l of ["T7", "T8", "T9"]) {
      assert.equal(await w.locator("svg.diagram").getByText(l, { exact: true }).count(), 1, l);
    }
  } finally {
    await page.context().close();
  }
});

test("one balloon instead of two changes the view from above; the readout shows the balloon", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: CONTENT.steps[4].consult.title }).click();
    await page.waitForTimeout(5500);
    const top = w.locator("svg.axial-diagram");
    assert.equal(await top.locator("ellipse.balloon").count(), 2);
    assert.match(await readoutValue(page, CONTENT.ui.balloon_readout), /^2\.4 mL · 170 psi$/);
    await w.getByLabel(CONTENT.ui.balloons).selectOption("1");
    assert.equal(await top.locator("ellipse.balloon").count(), 1);
    assert.equal(await top.locator("line.needle-shaft").count(), 1);
  } finally {
    await page.context().close();
  }
});

test("X-ray style shows the drawing in greyscale, and speed changes how fast a step plays", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const bone = () =>
      w.locator("svg.diagram path.body-fill").first().evaluate((el) => getComputedStyle(el).fill);
    const before = await bone();
    const toggle = w.getByRole("button", { name: CONTENT.ui.xray_view });
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const after = await bone();
    assert.notEqual(after, before);
    const [r, g, b] = after.match(/\d+/g).map(Number);
    assert.ok(r === g && g === b && r > 150, `bone is bright grey in X-ray style: ${after}`);
    const background = await w.locator("figure.kx-stage").first().evaluate((el) => getComputedStyle(el).backgroundColor);
    const [br] = background.match(/\d+/g).map(Number);
    assert.ok(br < 60, `the X-ray background is dark: ${background}`);
    // Double speed: the needle step (4 s) is over well before 4 s.
    await w.getByLabel(CONTENT.ui.speed).selectOption({ label: "2×" });
    await w.getByRole("button", { name: CONTENT.steps[2].consult.title }).click();
    const start = Date.now();
    let last = await w.locator("svg.diagram").evaluate((el) => el.outerHTML);
    let stillFor = 0;
    while (Date.now() - start < 6000 && stillFor < 500) {
      await page.waitForTimeout(100);
      const now = await w.locator("svg.diagram").evaluate((el) => el.outerHTML);
      stillFor = now === last ? stillFor + 100 : 0;
      last = now;
    }
    const took = Date.now() - start - stillFor;
    assert.ok(took < 3500, `at 2x the 4 s needle step (plus a 0.45 s glide) took ${took} ms`);
  } finally {
    await page.context().close();
  }
});

test("presenter letters work with a button focused; Ctrl keys stay the browser's; a select keeps its digits", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: CONTENT.ui.next, exact: true }).click();
    await expectLive(page, announcement(1));
    // The focus is on Next (a button): L still toggles the labels.
    const labels = w.getByRole("button", { name: CONTENT.ui.labels, exact: true });
    const before = await labels.getAttribute("aria-pressed");
    await page.keyboard.press("l");
    assert.notEqual(await labels.getAttribute("aria-pressed"), before, "L toggles the labels");
    // Ctrl+F is the browser's Find, Ctrl+3 the browser's too: neither acts on the widget.
    await page.keyboard.press("Control+f");
    assert.equal(await w.getByRole("button", { name: CONTENT.ui.full_screen }).getAttribute("aria-pressed"), "false");
    await page.keyboard.press("Control+3");
    await expectLive(page, announcement(1));
    // A digit typed in a select chooses there, not a step; PageDown (a clicker) still moves on.
    const count = w.getByLabel(CONTENT.ui.levels_treated);
    await count.focus();
    await page.keyboard.press("2");
    assert.equal(await count.inputValue(), "2");
    await expectLive(page, announcement(1));
    await page.keyboard.press("PageDown");
    await expectLive(page, announcement(2));
    assert.equal(await count.inputValue(), "2", "PageDown moved the step, not the select");
  } finally {
    await page.context().close();
  }
});

test("full screen, also where the browser refuses it: Tab goes round inside the widget, Escape leaves", async () => {
  const page = await consultPage();
  try {
    // The "fill the window" fallback (iOS Safari, frames without allowfullscreen).
    await page.evaluate(() => { Element.prototype.requestFullscreen = () => Promise.reject(new Error("refused")); });
    const w = widget(page);
    const full = w.getByRole("button", { name: CONTENT.ui.full_screen });
    await full.click();
    assert.equal(await full.getAttribute("aria-pressed"), "true");
    const inWidget = () => page.evaluate(() => document.activeElement?.tagName.toLowerCase() === "kyphoplasty-explainer");
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press("Tab");
      assert.ok(await inWidget(), `Tab ${i + 1} left the widget for ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))}`);
    }
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press("Shift+Tab");
      assert.ok(await inWidget(), `Shift+Tab ${i + 1} left the widget`);
    }
    await page.keyboard.press("Escape");
    assert.equal(await full.getAttribute("aria-pressed"), "false", "Escape leaves full screen");
    // Back in the page, Tab leaves the widget again at its end.
    let left = false;
    for (let i = 0; i < 120 && !left; i++) {
      await page.keyboard.press("Tab");
      left = !(await inWidget());
    }
    assert.ok(left, "out of full screen, Tab goes on to the page");
  } finally {
    await page.context().close();
  }
});

test("leaving the browser's own full screen (its Escape) leaves the widget's full screen too", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const full = w.getByRole("button", { name: CONTENT.ui.full_screen });
    await full.click();
    await page.waitForFunction(() => document.fullscreenElement !== null);
    assert.equal(await full.getAttribute("aria-pressed"), "true");
    // What the browser does on its own Escape: the page hears only fullscreenchange.
    await page.evaluate(() => document.exitFullscreen());
    await page.waitForFunction(() => document.fullscreenElement === null);
    for (let i = 0; i < 40 && (await full.getAttribute("aria-pressed")) !== "false"; i++) await page.waitForTimeout(50);
    assert.equal(await full.getAttribute("aria-pressed"), "false");
  } finally {
    await page.context().close();
  }
});
