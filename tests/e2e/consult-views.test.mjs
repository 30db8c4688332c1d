// Consult mode's extra views: the AP (front-to-back) X-ray projection, the whole-spine overview and
// the comparison with vertebroplasty. Driven through roles and names.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { server, browser, useBrowser, widget, CONTENT, ROOT, openConsult } from "./harness.mjs";

const ui = CONTENT.ui;
useBrowser();

/** A consult-mode widget; with reduced motion each step shows its end state at once. */
const consultPage = (width = 1280, height = 1000) => openConsult(browser, server.url, { width, height, reducedMotion: "reduce" });

const goToStep = async (page, i) => {
  await widget(page).getByRole("button", { name: CONTENT.steps[i].consult.title }).click();
  await page.waitForTimeout(150);
};

/** The rendered height of the body of vertebra `n` (0 above, 1 treated, 2 below) on the AP image. */
const apBodyHeight = (page, n) =>
  widget(page)
    .locator("svg.coronal-diagram .ap-vertebra")
    .nth(n)
    .locator("path.ap-body")
    .first()
    .evaluate((el) => el.getBBox().height);

test("with X-ray style on, Lateral and AP projections can be chosen; AP replaces the side view", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    assert.equal(await w.getByRole("group", { name: ui.projection }).count(), 0, "no projection choice without X-ray style");
    await w.getByRole("button", { name: ui.xray_view }).click();
    const group = w.getByRole("group", { name: ui.projection });
    const lateral = group.getByRole("button", { name: ui.lateral, exact: true });
    const ap = group.getByRole("button", { name: ui.ap, exact: true });
    assert.equal(await lateral.getAttribute("aria-pressed"), "true");
    assert.equal(await ap.getAttribute("aria-pressed"), "false");
    const title = CONTENT.steps[0].consult.title;
    assert.equal(await w.getByRole("img", { name: title, exact: true }).count(), 1, "the lateral view shows");

    await ap.click();
    assert.equal(await ap.getAttribute("aria-pressed"), "true");
    assert.equal(await lateral.getAttribute("aria-pressed"), "false");
    const apImage = w.getByRole("img", { name: `${ui.ap_view}: ${title}` });
    await apImage.waitFor();
    assert.equal(await w.getByRole("img", { name: title, exact: true }).count(), 0, "AP replaces the lateral view");
    assert.equal(await w.locator("svg.coronal-diagram .ap-pedicle").count(), 6, "two pedicle rings per vertebra");

    // X-ray style off: the side view comes back and the choice goes away.
    await w.getByRole("button", { name: ui.xray_view }).click();
    assert.equal(await w.getByRole("img", { name: title, exact: true }).count(), 1);
    assert.equal(await w.getByRole("group", { name: ui.projection }).count(), 0);
    await w.getByRole("button", { name: ui.xray_view }).click();
    await lateral.click();
    assert.equal(await w.getByRole("img", { name: title, exact: true }).count(), 1);
    assert.equal(await w.locator("svg.coronal-diagram").count(), 0);
  } finally {
    await page.context().close();
  }
});

test("the AP image follows the timeline and this patient's grade, balloons and level", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: ui.xray_view }).click();
    await w.getByRole("button", { name: ui.ap, exact: true }).click();
    const ap = w.locator("svg.coronal-diagram");

    // The fracture: the treated body is shorter than its neighbours, more so at grade 3.
    await goToStep(page, 0);
    const [above, treated, below] = [await apBodyHeight(page, 0), await apBodyHeight(page, 1), await apBodyHeight(page, 2)];
    assert.ok(treated < above - 4 && treated < below - 4, `treated ${treated} vs ${above}, ${below}`);
    await w.getByLabel(ui.severity).selectOption("1");
    const mild = await apBodyHeight(page, 1);
    await w.getByLabel(ui.severity).selectOption("3");
    const severe = await apBodyHeight(page, 1);
    assert.ok(severe < treated && treated < mild, `grade 1 ${mild}, 2 ${treated}, 3 ${severe}`);
    assert.equal(await ap.locator(".ap-shaft").count(), 0, "no needle yet");

    // Needles, then two balloons that fill with contrast, then cement.
    await goToStep(page, 2);
    assert.equal(await ap.locator(".ap-shaft").count(), 2);
    await goToStep(page, 4);
    assert.equal(await ap.locator("ellipse.ap-balloon").count(), 2);
    const fill = await ap.locator("ellipse.ap-balloon").first().evaluate((el) => getComputedStyle(el).fill);
    const [r, g, b] = fill.match(/\d+/g).map(Number);
    assert.ok(r === g && g === b && r > 230, `the balloon is radiopaque white: ${fill}`);
    const lifted = await apBodyHeight(page, 1);
    assert.ok(lifted > severe, `the balloon restores some height: ${lifted} > ${severe}`);
    await w.getByLabel(ui.balloons).selectOption("1");
    assert.equal(await ap.locator("ellipse.ap-balloon").count(), 1);
    assert.equal(await ap.locator(".ap-shaft").count(), 1);
    await goToStep(page, 6);
    assert.equal(await ap.locator("ellipse.ap-balloon").count(), 0);
    assert.equal(await ap.locator("ellipse.ap-cement").count(), 1);

    // A thoracic level: the levels are named and ribs appear.
    await w.getByLabel(ui.level).selectOption("T8");
    for (const l of ["T7", "T8", "T9"]) {
      assert.equal(await ap.getByText(l, { exact: true }).count(), 1, l);
    }
    assert.ok((await ap.locator(".ap-rib").count()) >= 2);
    await w.getByLabel(ui.level).selectOption("L3");
    assert.equal(await ap.locator(".ap-rib").count(), 0);
  } finally {
    await page.context().close();
  }
});

test("the AP image treats every treated level and shows the extrapedicular route beside the pedicle", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: ui.xray_view }).click();
    await w.getByRole("button", { name: ui.ap, exact: true }).click();
    const ap = w.locator("svg.coronal-diagram");
    await w.getByLabel(ui.level).selectOption("T8");
    await w.getByLabel(ui.levels_treated).selectOption("2");

    // T8 and T9 are treated: both are shorter than T7, and each gets two needles and balloons.
    await goToStep(page, 0);
    const [t7, t8, t9] = [await apBodyHeight(page, 0), await apBodyHeight(page, 1), await apBodyHeight(page, 2)];
    assert.ok(t8 < t7 - 4 && t9 < t7 - 4, `T7 ${t7}, T8 ${t8}, T9 ${t9}`);
    await goToStep(page, 4);
    assert.equal(await ap.locator(".ap-shaft").count(), 4);
    assert.equal(await ap.locator("ellipse.ap-balloon").count(), 4);
    await goToStep(page, 6);
    assert.equal(await ap.locator("ellipse.ap-cement").count(), 4);

    // The balloons sit in the body medial to the pedicle rings, not over them.
    await goToStep(page, 4);
    const boxes = async (sel) => ap.locator(sel).evaluateAll((els) => els.map((el) => {
      const r = el.getBoundingClientRect();
      return { l: r.left, r: r.right, t: r.top, b: r.bottom, cx: (r.left + r.right) / 2, cy: (r.top + r.bottom) / 2 };
    }));
    const rings = await boxes(".ap-pedicle");
    const balloons = await boxes("ellipse.ap-balloon");
    for (const b of balloons) {
      for (const ring of rings) {
        const overlap = b.l < ring.r && b.r > ring.l && b.t < ring.b && b.b > ring.t;
        assert.ok(!overlap, `balloon ${JSON.stringify(b)} over ring ${JSON.stringify(ring)}`);
      }
    }

    // Extrapedicular: the needle's hub end is lateral to the ring and its line passes below it.
    const shaftEnds = async () => ap.locator(".ap-shaft").evaluateAll((els) => els.map((el) => {
      const n = (a) => Number(el.getAttribute(a));
      return { x1: n("x1"), y1: n("y1"), x2: n("x2"), y2: n("y2") };
    }));
    const trans = await shaftEnds();
    await w.getByLabel(ui.route).selectOption("extra");
    const extra = await shaftEnds();
    assert.equal(extra.length, 4);
    // Left needle of the middle level: flatter than through the pedicle (converging more) and
    // its tip further inward.
    const slope = (s) => Math.abs((s.y2 - s.y1) / (s.x2 - s.x1));
    assert.ok(slope(extra[0]) < slope(trans[0]), `${JSON.stringify(extra[0])} vs ${JSON.stringify(trans[0])}`);
    assert.ok(extra[0].x1 > trans[0].x1);
  } finally {
    await page.context().close();
  }
});

test("the whole-spine overview names and marks the chosen level", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const name = (l) => ui.spine_overview.replace("{level}", l);
    const overview = w.getByRole("img", { name: name("L1") });
    await overview.waitFor();
    assert.equal(await overview.locator(".is-treated").count(), 1);
    assert.equal(await overview.locator("g[aria-hidden=true] .kx-spine-body").count(), 19, "C7 to S1");
    await w.getByLabel(ui.level).selectOption("T6");
    await w.getByRole("img", { name: name("T6") }).waitFor();
    assert.equal(await w.getByRole("img", { name: name("L1") }).count(), 0);
    const y = (loc) => loc.locator(".is-treated").evaluate((el) => el.getBoundingClientRect().y);
    const t6 = await y(w.getByRole("img", { name: name("T6") }));
    await w.getByLabel(ui.level).selectOption("L4");
    const l4 = await y(w.getByRole("img", { name: name("L4") }));
    assert.ok(l4 > t6 + 20, `L4 is marked lower than T6: ${l4} vs ${t6}`);
    // Two levels treated: both are marked and named.
    await w.getByLabel(ui.levels_treated).selectOption("2");
    const both = w.getByRole("img", { name: name("L4, L5") });
    await both.waitFor();
    assert.equal(await both.locator(".is-treated").count(), 2);
  } finally {
    await page.context().close();
  }
});

test("Compare with vertebroplasty opens two drawings and a table of the reported differences", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    const button = w.getByRole("button", { name: ui.compare_open });
    assert.equal(await button.getAttribute("aria-expanded"), "false");
    assert.equal(await w.getByRole("region", { name: ui.compare_title }).count(), 0);
    await goToStep(page, 4);
    await button.click();
    assert.equal(await button.getAttribute("aria-expanded"), "true");
    const panel = w.getByRole("region", { name: ui.compare_title });
    await panel.waitFor();

    const table = panel.getByRole("table", { name: ui.compare_title });
    const headers = await table.getByRole("columnheader").allTextContents();
    assert.deepEqual(headers, [ui.compare_feature, ui.kyphoplasty, ui.vertebroplasty]);
    const rows = await table.getByRole("rowheader").allTextContents();
    assert.deepEqual(rows, [ui.compare_technique, ui.compare_angle, ui.compare_leak, ui.compare_pain, ui.compare_time]);
    const row = async (head) =>
      (await table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: head }) }).getByRole("cell").allTextContents());
    assert.deepEqual(await row(ui.compare_angle), [ui.kp_angle, ui.vp_angle]);
    assert.deepEqual(await row(ui.compare_leak), [ui.kp_leak, ui.vp_leak]);
    assert.deepEqual(await row(ui.compare_time), [ui.kp_time, ui.vp_time]);
    assert.match(ui.kp_angle + ui.vp_angle, /4\.8.*1\.7/);
    assert.match(ui.kp_leak + ui.vp_leak, /9%.*41%/);

    // During inflation the kyphoplasty drawing has a balloon; vertebroplasty has none, and the
    // vertebra above is tilted more (no height regained).
    const kp = panel.getByRole("img", { name: ui.kp_picture });
    const vp = panel.getByRole("img", { name: ui.vp_picture });
    assert.equal(await kp.locator("ellipse.balloon").count(), 1);
    assert.equal(await vp.locator("ellipse.balloon").count(), 0);
    const tilt = (img) => img.locator("g[transform^=rotate]").first().getAttribute("transform");
    const angle = (t) => Math.abs(parseFloat(t.match(/rotate\((-?[\d.]+)/)[1]));
    assert.ok(angle(await tilt(vp)) > angle(await tilt(kp)) + 1, "the vertebroplasty segment stays more wedged");

    // Cement: a filled cavity in one, irregular lobes in the other.
    await goToStep(page, 6);
    assert.equal(await kp.locator("ellipse.cavity").count(), 1);
    assert.equal(await vp.locator("ellipse.cavity").count(), 0);
    assert.ok((await vp.locator(".kx-cmp-lobe ellipse").count()) >= 5, "cement spreads in lobes");

    await button.click();
    assert.equal(await w.getByRole("region", { name: ui.compare_title }).count(), 0);
  } finally {
    await page.context().close();
  }
});

for (const lang of ["en", "es"]) test(`at 360 px the consult views fit the widget without sideways scrolling (${lang})`, async () => {
  const page = await consultPage(360, 800);
  try {
    const w = widget(page);
    const ui = JSON.parse(readFileSync(join(ROOT, "content", `${lang}.json`), "utf8")).ui;
    if (lang !== "en") {
      await w.evaluate((e, l) => e.setAttribute("lang", l), lang);
      await w.getByRole("group", { name: ui.patient_settings }).waitFor();
    }
    await w.getByRole("button", { name: ui.xray_view }).click();
    await w.getByRole("button", { name: ui.ap, exact: true }).click();
    await w.getByRole("button", { name: ui.compare_open }).click();
    await w.getByRole("region", { name: ui.compare_title }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    const [tableWidth, panelWidth] = await w
      .getByRole("region", { name: ui.compare_title })
      .evaluate((panel) => [panel.querySelector("table").getBoundingClientRect().width, panel.clientWidth]);
    assert.ok(tableWidth <= panelWidth, `the table (${tableWidth}px) fits its panel (${panelWidth}px)`);
    for (const name of [ui.lateral, ui.ap, ui.compare_open]) {
      const box = await w.getByRole("button", { name, exact: true }).boundingBox();
      assert.ok(box.height >= 44 && box.width >= 44, `${name}: ${box.width}x${box.height}`);
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${name} is on screen`);
    }
  } finally {
    await page.context().close();
  }
});

test("axe finds nothing with the AP projection, the overview and the open comparison", async () => {
  const page = await consultPage();
  try {
    const w = widget(page);
    await w.getByRole("button", { name: ui.xray_view }).click();
    await w.getByRole("button", { name: ui.ap, exact: true }).click();
    await goToStep(page, 6);
    await w.getByRole("button", { name: ui.compare_open }).click();
    await w.getByRole("region", { name: ui.compare_title }).waitFor();
    await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector("kyphoplasty-explainer"), {
        runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        resultTypes: ["violations"],
      });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html.slice(0, 100)).join(" | ")}`);
    });
    assert.deepEqual(violations, []);
  } finally {
    await page.context().close();
  }
});
