// Consult mode: one to three treated levels in the side view, and the extrapedicular route at
// thoracic levels in the view from above.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { server, browser, useBrowser, widget, CONTENT, ROOT, openConsult, labelProblems } from "./harness.mjs";

const ES = JSON.parse(readFileSync(join(ROOT, "content", "es.json"), "utf8"));
const UI = CONTENT.ui;
const INFLATION = 4;
const CEMENT = 6;

useBrowser();

const consultPage = () => openConsult(browser, server.url, { reducedMotion: "reduce" });

/** The browser's computed name and description of the side view (what a screen reader reads). */
async function sideImage(page, stepIndex) {
  const cdp = await page.context().newCDPSession(page);
  const title = CONTENT.steps[stepIndex].consult.title;
  for (let tries = 0; tries < 40; tries++) {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    const img = nodes.find((n) => n.role?.value === "image" && n.name?.value === title);
    if (img) return { name: img.name.value, description: img.description?.value ?? "" };
    await page.waitForTimeout(100);
  }
  throw new Error(`no image named ${JSON.stringify(title)}`);
}

/** Waits until the side view's description ends with `text`; returns it. */
async function untilDescribed(page, stepIndex, text) {
  let got;
  for (let tries = 0; tries < 40; tries++) {
    got = await sideImage(page, stepIndex);
    if (got.description.endsWith(text)) return got;
    await page.waitForTimeout(100);
  }
  throw new Error(`side view described as ${JSON.stringify(got?.description)}, expected it to end with ${JSON.stringify(text)}`);
}

const treatedText = (levels) => UI.treated_levels.replace("{levels}", levels.join(", "));
const side = (page) => widget(page).locator("svg.diagram");
const readoutValue = async (page, name) =>
  (await widget(page).locator("dt", { hasText: name }).locator("xpath=following-sibling::dd").textContent()).trim();

test("Levels treated: 2 and 3 treat the chosen level's neighbours, named in the side view and its description", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: CONTENT.steps[INFLATION].consult.title }).click();
    await w.getByLabel(UI.level).selectOption("L1");
    const count = w.getByLabel(UI.levels_treated);
    assert.equal(await count.inputValue(), "1", "one level by default");
    const one = await untilDescribed(page, INFLATION, treatedText(["L1"]));
    assert.ok(one.description.startsWith(CONTENT.steps[INFLATION].picture), one.description);
    const angleOne = await readoutValue(page, UI.wedge_angle);
    assert.equal(await side(page).locator(".needle").count(), 1, "one needle in the side view");

    await count.selectOption("2");
    await untilDescribed(page, INFLATION, treatedText(["L1", "L2"]));
    // The drawn levels, top to bottom, are the treated ones and their neighbour.
    const drawn = await side(page).locator(".level-text").allTextContents();
    assert.deepEqual([...drawn].sort(), ["L1", "L2", "T12"], `levels drawn: ${drawn}`);
    assert.equal(await side(page).locator(".needle").count(), 2, "a needle in each treated level");
    assert.equal(await side(page).locator(".balloon").count(), 2, "a balloon in each treated level");
    // The readout stays about the chosen level.
    assert.equal(await readoutValue(page, UI.wedge_angle), angleOne);

    await count.selectOption("3");
    await untilDescribed(page, INFLATION, treatedText(["T12", "L1", "L2"]));
    assert.equal(await side(page).locator(".needle").count(), 3);

    // At the end of the range the window moves: three levels from T5 are T5, T6 and T7.
    await w.getByLabel(UI.level).selectOption("T5");
    await untilDescribed(page, INFLATION, treatedText(["T5", "T6", "T7"]));
    const names = await side(page).locator(".level-text").allTextContents();
    assert.deepEqual([...names].sort(), ["T5", "T6", "T7"], `levels drawn: ${names}`);
    // Two levels at L5 add the one above.
    await w.getByLabel(UI.level).selectOption("L5");
    await count.selectOption("2");
    await untilDescribed(page, INFLATION, treatedText(["L4", "L5"]));

    // Cement goes into every treated level.
    await w.getByRole("button", { name: CONTENT.steps[CEMENT].consult.title }).click();
    await untilDescribed(page, CEMENT, treatedText(["L4", "L5"]));
    assert.equal(await side(page).locator(".cement").count(), 2);
  } finally {
    await page.context().close();
  }
});

test("Route: extrapedicular is offered at thoracic levels only, with the reason at lumbar levels", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: CONTENT.steps[INFLATION].consult.title }).click();
    const route = w.getByLabel(UI.route);
    const topView = () => w.getByRole("img", { name: `${UI.top_view}: `, exact: false });

    // L1 (the default): transpedicular only, and the control says why.
    await w.getByLabel(UI.level).selectOption("L1");
    assert.equal(await route.isDisabled(), true, "no route choice at a lumbar level");
    assert.equal(await route.inputValue(), "trans");
    const describedBy = await route.getAttribute("aria-describedby");
    assert.ok(describedBy, "the disabled route control has a description");
    assert.equal((await w.locator(`#${describedBy}`).textContent()).trim(), UI.route_thoracic_only);

    // T8: the choice is there; extrapedicular changes the view from above and says so.
    await w.getByLabel(UI.level).selectOption("T8");
    assert.equal(await route.isDisabled(), false);
    const transMarkup = await w.locator("svg.axial-diagram").evaluate((e) => e.outerHTML);
    await route.selectOption("extra");
    await topView().and(w.getByRole("img", { name: UI.extrapedicular, exact: false })).waitFor();
    await w.getByText(UI.route_extrapedicular_note).waitFor();
    const extraMarkup = await w.locator("svg.axial-diagram").evaluate((e) => e.outerHTML);
    assert.notEqual(extraMarkup, transMarkup, "the needles take another path");
    // The extrapedicular needle starts further out and angles in more steeply.
    const needle = async () =>
      w.locator("svg.axial-diagram .needle-shaft").first().evaluate((l) => ({
        x1: +l.getAttribute("x1"), y1: +l.getAttribute("y1"), x2: +l.getAttribute("x2"), y2: +l.getAttribute("y2"),
      }));
    const n = await needle();
    const slope = Math.abs((n.x2 - n.x1) / (n.y2 - n.y1));
    assert.ok(slope > Math.tan((30 * Math.PI) / 180), `inward slope ${slope}`);

    // Back to a lumbar level: transpedicular again, the top view's name drops the route.
    await w.getByLabel(UI.level).selectOption("L3");
    assert.equal(await route.isDisabled(), true);
    assert.equal(await route.inputValue(), "trans");
    const name = await topView().getAttribute("aria-label");
    assert.ok(!name.includes(UI.extrapedicular), name);
    const m = await needle();
    assert.ok(Math.abs((m.x2 - m.x1) / (m.y2 - m.y1)) < Math.tan((25 * Math.PI) / 180), "transpedicular angle");
  } finally {
    await page.context().close();
  }
});

test("the new settings are in Spanish too", async () => {
  const page = await consultPage();
  try {
    await page.locator("kyphoplasty-explainer").first().evaluate((e) => e.setAttribute("lang", "es"));
    const w = widget(page);
    await w.getByRole("group", { name: ES.ui.patient_settings }).waitFor();
    await w.getByLabel(ES.ui.levels_treated).selectOption("2");
    await w.getByLabel(ES.ui.level).selectOption("T10");
    const route = w.getByLabel(ES.ui.route);
    assert.deepEqual(await route.locator("option").allTextContents(), [ES.ui.transpedicular, ES.ui.extrapedicular]);
    const desc = await side(page).locator("desc").textContent();
    assert.ok(desc.endsWith(ES.ui.treated_levels.replace("{levels}", "T10, T11")), desc);
  } finally {
    await page.context().close();
  }
});

test("the canal's label follows the level: spinal cord above L1, cord and conus at L1, nerve roots below", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const L = CONTENT.consult_labels;
    const side = w.locator("svg.diagram").first();
    const has = async (text) => (await side.getByText(text, { exact: true }).count()) > 0;
    assert.ok(await has(L.nerves), `L1: ${L.nerves}`);
    await w.getByLabel(UI.level).selectOption("T8");
    await side.getByText(L.cord, { exact: true }).waitFor();
    assert.ok(!(await has(L.roots)));
    await w.getByLabel(UI.level).selectOption("L4");
    await side.getByText(L.roots, { exact: true }).waitFor();
    assert.ok(!(await has(L.cord)) && !(await has(L.nerves)), "no spinal cord named at L4");
  } finally {
    await page.context().close();
  }
});

test("with the extrapedicular route, the access step is titled and told as extrapedicular", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByLabel(UI.level).selectOption("T8");
    await w.getByLabel(UI.route).selectOption("extra");
    // The list of steps names the access step for the route.
    await w.getByRole("button", { name: UI.extrapedicular_title }).click();
    const count = UI.step_of.replace("{n}", "3").replace("{total}", String(CONTENT.steps.length));
    await w.locator("[aria-live]").filter({ hasText: `${count}: ${UI.extrapedicular_title}` }).waitFor();
    await w.getByText(UI.extrapedicular_access.slice(0, 60)).waitFor();
    const list = w.getByRole("navigation", { name: UI.all_steps, exact: true });
    await list.getByRole("button", { name: UI.extrapedicular_title }).waitFor();
    assert.equal(await list.getByRole("button", { name: CONTENT.steps[2].consult.title }).count(), 0);
    // Back to transpedicular: the usual words.
    await w.getByLabel(UI.route).selectOption("trans");
    await w.locator("[aria-live]").filter({ hasText: `${count}: ${CONTENT.steps[2].consult.title}` }).waitFor();
    await list.getByRole("button", { name: CONTENT.steps[2].consult.title }).waitFor();
  } finally {
    await page.context().close();
  }
});

test("the view from above's labels stay in the picture, off each other and the needles, at every level, by either route, with one balloon or two", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const top = w.locator("svg.axial-diagram");
    const problems = [];
    for (const [level, balloons, route] of [["T5", "2", "trans"], ["T8", "1", "extra"], ["T8", "2", "extra"], ["L1", "1", "trans"], ["L5", "2", "trans"], ["L5", "1", "trans"]]) {
      await w.getByLabel(UI.level).selectOption(level);
      await w.getByLabel(UI.balloons).selectOption(balloons);
      // (Lumbar levels offer only the route through the pedicle: the control is disabled.)
      if (level.startsWith("T")) await w.getByLabel(UI.route).selectOption(route);
      for (const step of [2, INFLATION, CEMENT]) {
        // (By the element's goTo: the access step's title names the route beside the pedicle.)
        await w.evaluate((e, i) => e.goTo(i), step);
        await page.waitForTimeout(150);
        const found = await top.evaluate(labelProblems, { leaders: true, needles: true });
        problems.push(...found.map((f) => `${level}, ${balloons} balloon(s), ${route}, step ${step + 1}: ${f}`));
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await page.context().close();
  }
});

test("side view labels stay in the picture, off the levels' names, each other and the needles, and point inside it, for one to three levels", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const problems = [];
    for (const [level, count] of [["L1", "1"], ["T8", "2"], ["T5", "3"], ["L5", "3"]]) {
      await w.getByLabel(UI.level).selectOption(level);
      await w.getByLabel(UI.levels_treated).selectOption(count);
      for (const step of [0, 1, 2, INFLATION, CEMENT, 7]) {
        await w.getByRole("button", { name: CONTENT.steps[step].consult.title }).click();
        await page.waitForTimeout(150);
        const found = await side(page).evaluate(labelProblems, { leaders: true, needles: true });
        problems.push(...found.map((f) => `${level} x${count}, step ${step + 1}: ${f}`));
      }
    }
    assert.deepEqual(problems, []);
  } finally {
    await page.context().close();
  }
});
