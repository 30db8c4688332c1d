// Consult mode's take-home tools on a clinic-like host page (a consult widget and a patient
// widget): the printed handout (print emulation and real PDFs) and the share link (clipboard,
// manual copy, opening the link, a bad link). Screenshots land in tests/screenshots/takehome/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { launch, openPage, started, expectLive, shotsDir, CONTENT, ROOT } from "./harness.mjs";
import { startSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const T = CONTENT.takehome;
const N = CONTENT.steps.length;
const CLINIC = "Riverside Spine & Pain Center";
const PHONE = "(555) 010-0199";
/** Consult mode announces "Step n of N: clinical title". */
const consultLive = (i) => `${UI.step_of.replace("{n}", String(i + 1)).replace("{total}", String(N))}: ${CONTENT.steps[i].consult.title}`;
const patientLive = (i) => `${UI.step_of.replace("{n}", String(i + 1)).replace("{total}", String(N))}: ${CONTENT.steps[i].title}`;

// A clinic's page: a header, a sidebar layout around the consult widget, text, and a second
// (patient) widget further down.
const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Consultation | Riverside</title>{{EMBED}}
<style>
  body { margin: 0; font: 17px Georgia, serif; background: #f4efe6; }
  header { background: #123; color: #fff; padding: 20px 32px; }
  .layout { display: grid; grid-template-columns: 220px 1fr; gap: 24px; padding: 24px 32px; }
  aside { background: #dde; padding: 12px; min-height: 400px; }
  footer { background: #123; color: #fff; padding: 40px 32px; }
</style></head>
<body>
  <header><p id="brand">Riverside Spine &amp; Pain Center, staff pages</p></header>
  <div class="layout">
    <aside id="sidebar">Patients today: 9.</aside>
    <main>
      <h1 id="host-heading">Consultation room</h1>
      <kyphoplasty-explainer mode="consult" clinic-name="${CLINIC.replace("&", "&amp;")}" clinic-phone="${PHONE}">
        <p>Balloon kyphoplasty, step by step.</p>
      </kyphoplasty-explainer>
      <p id="host-text">The clinic's own words after the consult widget.</p>
      <div style="height: 1400px"></div>
      <kyphoplasty-explainer><p>Patient version.</p></kyphoplasty-explainer>
    </main>
  </div>
  <footer id="host-footer">Riverside footer</footer>
</body></html>`;

let sites, browser;
before(async () => {
  sites = await startSites();
  sites.host.page("/consult.html", PAGE);
  // A plain page whose one consult widget has the phone's whole width.
  sites.host.page(
    "/phone-consult.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
      <title>Phone</title>{{EMBED}}</head><body>
      <kyphoplasty-explainer mode="consult" clinic-name="${CLINIC.replace("&", "&amp;")}" clinic-phone="${PHONE}"></kyphoplasty-explainer>
    </body></html>`,
  );
  // The same widget on a page with the strict policy of the README (no inline styles or scripts).
  sites.host.page(
    "/strict-consult.html",
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Strict</title>{{EMBED}}</head><body>
      <p id="host-text">Strict clinic page.</p>
      <kyphoplasty-explainer mode="consult" clinic-name="Strict Clinic" clinic-phone="555-010-0199"></kyphoplasty-explainer>
    </body></html>`,
    {
      "Content-Security-Policy": [
        "default-src 'self'",
        `script-src 'self' ${sites.cdn.origin} 'wasm-unsafe-eval'`,
        "style-src 'self'",
        `connect-src ${sites.cdn.origin}`,
        "require-trusted-types-for 'script'",
      ].join("; "),
    },
  );
  browser = await launch();
});
after(async () => {
  await browser?.close();
  sites?.close();
});

/** Opens the page (optionally with a fragment) and waits for the consult widget. */
async function open({ hash = "", path = "/consult.html", width = 1280, height = 1000, ...options } = {}) {
  const page = await openPage(browser, { width, height, ...options });
  const warnings = [];
  page.on("console", (m) => {
    if (m.type() === "warning" && /kyphoplasty/.test(m.text())) warnings.push(m.text());
  });
  page.on("pageerror", (e) => warnings.push(`pageerror: ${e}`));
  await page.goto(sites.host.url(path) + hash);
  await started(page, 0);
  return { page, w: explainer(page, 0), warnings };
}

/** This patient: grade 3, T11, one balloon. */
async function setPatient(w) {
  await w.getByLabel(UI.severity).selectOption("3");
  await w.getByLabel(UI.level).selectOption("T11");
  await w.getByLabel(UI.balloons).selectOption("1");
}

/** axe-core's WCAG 2.2 AA violations inside consult widget `n` (its shadow root included). */
async function axeViolations(page, n = 0) {
  await page.addScriptTag({ path: join(ROOT, "node_modules", "axe-core", "axe.min.js") });
  return page.evaluate(async (n) => {
    const r = await window.axe.run(document.querySelectorAll("kyphoplasty-explainer")[n], {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.html.slice(0, 100)).join(" | ")}`);
  }, n);
}

const countPdfPages = (pdf) => (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;

test("the handout alone prints: clinic, settings, the chosen steps' plain words, recovery, when to call", async () => {
  const { page, w, warnings } = await open();
  try {
    await setPatient(w);
    const sheetsBefore = await page.evaluate(() => document.adoptedStyleSheets.length);
    const toggle = w.getByRole("button", { name: T.print_handout });
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    const panel = w.getByRole("group", { name: T.print_handout });
    // Every procedure step is chosen by default; leave out "Getting ready".
    const boxes = panel.getByRole("checkbox");
    const procedure = CONTENT.steps.filter((s) => !["recovery", "risks"].includes(s.diagram));
    assert.equal(await boxes.count(), procedure.length);
    for (let i = 0; i < procedure.length; i++) assert.ok(await boxes.nth(i).isChecked());
    await panel.getByRole("checkbox", { name: `2. ${CONTENT.steps[1].title}` }).uncheck();

    const handout = w.getByRole("article", { name: T.title });
    assert.deepEqual(await axeViolations(page), [], "axe finds nothing with the handout open");
    // On screen: the choice of steps and a preview of the handout.
    await panel.screenshot({ path: join(shotsDir("takehome"), "handout-screen-1280.png") });
    await page.emulateMedia({ media: "print" });
    assert.ok(await handout.isVisible(), "the handout shows in print");
    const text = await handout.innerText();
    for (const want of [
      CLINIC,
      PHONE,
      T.title,
      T.thoracic.replace("{level}", "T11"),
      T.grade_3,
      T.one_balloon,
      CONTENT.steps[0].narration[0],
      CONTENT.steps[4].narration[1],
      CONTENT.steps[6].narration[0],
      CONTENT.steps[8].narration[0],
      CONTENT.steps[9].narration[2],
      CONTENT.disclaimer[0],
      String(new Date().getFullYear()),
    ]) {
      assert.ok(text.includes(want), `the handout says ${JSON.stringify(want)}`);
    }
    assert.ok(!text.includes(CONTENT.steps[1].narration[0]), "a step left out is not printed");
    for (const clinical of [CONTENT.steps[2].consult.narration[0], CONTENT.steps[4].consult.title]) {
      assert.ok(!text.includes(clinical), "the handout uses the patient words, not the clinical ones");
    }
    // One still per chosen step, each the side view in the drawing style, with its own ids.
    const stills = handout.locator("figure svg.diagram");
    assert.equal(await stills.count(), procedure.length - 1);
    const ids = await handout.locator("[id]").evaluateAll((els) => els.map((e) => e.id));
    assert.equal(new Set(ids).size, ids.length, "no id is used twice in the handout");
    // The stills end their steps: the cement step's still shows cement, the first none.
    assert.equal(await stills.nth(0).locator("rect.cement").count(), 0);
    assert.ok(await stills.nth(5).locator("rect.cement").count(), "the cement step's still shows cement");
    // Controls and the host page's other content are hidden.
    for (const name of [UI.next, T.print_handout, T.share_link, T.print, UI.full_screen]) {
      assert.ok(!(await w.getByRole("button", { name, exact: true }).first().isVisible()), `${name} is hidden in print`);
    }
    assert.ok(!(await w.getByLabel(UI.severity).isVisible()));
    assert.ok(!(await w.locator("svg.diagram").first().isVisible()), "the live diagram is hidden");
    for (const sel of ["#brand", "#host-heading", "#host-text", "#sidebar", "#host-footer"]) {
      assert.ok(!(await page.locator(sel).isVisible()), `${sel} is hidden in print`);
    }
    assert.ok(!(await explainer(page, 1).isVisible()), "the other widget is hidden in print");
    // The handout starts at the top of the page and uses its width.
    const box = await w.boundingBox();
    assert.ok(box.y < 40 && box.x < 40, `the widget is at the top left in print: ${JSON.stringify(box)}`);

    const dir = shotsDir("takehome");
    await page.screenshot({ path: join(dir, "handout-print-1280.png"), fullPage: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.screenshot({ path: join(dir, "handout-print-1024x768.png"), fullPage: true });

    // Real PDFs, A4 and Letter: a few pages, not one per still, not a blank tail.
    for (const format of ["A4", "Letter"]) {
      const pdf = await page.pdf({ format, printBackground: false });
      const pages = countPdfPages(pdf);
      assert.ok(pages >= 2 && pages <= 5, `${format}: ${pages} pages`);
      writeFileSync(join(dir, `handout-${format}.pdf`), pdf);
    }
    if (existsSync("/usr/bin/pdftoppm")) {
      execFileSync("pdftoppm", ["-png", "-r", "80", join(dir, "handout-A4.pdf"), join(dir, "handout-A4-page")]);
      execFileSync("pdftoppm", ["-png", "-gray", "-r", "80", "-f", "1", "-l", "1", join(dir, "handout-Letter.pdf"), join(dir, "handout-Letter-gray")]);
    }

    // Back on screen: the widget's controls and the page are back.
    await page.emulateMedia({ media: "screen" });
    assert.ok(await w.getByRole("button", { name: T.print_handout }).isVisible());
    assert.ok(await page.locator("#host-text").isVisible());
    // Closed: the page prints as itself again, and the temporary stylesheet is gone.
    await panel.getByRole("button", { name: UI.close }).click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "false");
    assert.equal(await page.evaluate(() => document.adoptedStyleSheets.length), sheetsBefore);
    assert.equal(await w.evaluate((el) => el.hasAttribute("data-kx-handout")), false);
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.locator("#host-text").isVisible(), "without the handout the page prints normally");
    assert.deepEqual(warnings, []);
  } finally {
    await page.context().close();
  }
});

test("a share link restores the settings and the step in consult widgets only", async () => {
  const { page, w, warnings } = await open({ permissions: ["clipboard-read", "clipboard-write"] });
  try {
    await setPatient(w);
    await w.getByRole("button", { name: UI.xray_view }).click();
    await w.getByRole("button", { name: CONTENT.steps[4].consult.title }).click();
    await expectLive(page, consultLive(4));
    await w.getByRole("button", { name: T.share_link }).click();
    await w.getByRole("status").filter({ hasText: T.link_copied }).waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, `${sites.host.url("/consult.html")}#kyphoplasty=step-5.grade-3.level-T11.balloons-1.xray-1`);

    const again = await open({ hash: new URL(link).hash });
    try {
      await expectLive(again.page, consultLive(4));
      assert.equal(await again.w.getByLabel(UI.severity).inputValue(), "3");
      assert.equal(await again.w.getByLabel(UI.level).inputValue(), "T11");
      assert.equal(await again.w.getByLabel(UI.balloons).inputValue(), "1");
      assert.equal(await again.w.getByRole("button", { name: UI.xray_view }).getAttribute("aria-pressed"), "true");
      assert.ok(await again.w.locator("svg.diagram").getByText("T11", { exact: true }).count());
      // The patient widget on the same page ignores the link.
      await explainer(again.page, 1).scrollIntoViewIfNeeded();
      await started(again.page, 1);
      await expectLive(again.page, patientLive(0), 1);
      assert.deepEqual(again.warnings, []);
    } finally {
      await again.page.context().close();
    }
    assert.deepEqual(warnings, []);
  } finally {
    await page.context().close();
  }
});

test("without a clipboard the link is shown, selected, for copying by hand", async () => {
  const page = await openPage(browser, { width: 1280, height: 1000 });
  try {
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, "clipboard", { configurable: true, get: () => undefined });
    });
    await page.goto(sites.host.url("/consult.html"));
    await started(page, 0);
    const w = explainer(page, 0);
    await w.getByRole("button", { name: CONTENT.steps[2].consult.title }).click();
    await w.getByRole("button", { name: T.share_link }).click();
    const field = w.getByRole("textbox", { name: T.copy_manually });
    await field.waitFor();
    const value = await field.inputValue();
    assert.match(value, /#kyphoplasty=step-3\.grade-2\.level-L1\.balloons-2\.xray-0$/);
    assert.equal(await field.evaluate((el) => el.readOnly), true);
    const selected = await field.evaluate((el) => [el.selectionStart, el.selectionEnd, el.getRootNode().activeElement === el]);
    assert.deepEqual(selected, [0, value.length, true]);
    await w.getByRole("status").filter({ hasText: T.copy_hint }).waitFor();
    assert.deepEqual(await axeViolations(page), [], "axe finds nothing with the link shown");
    // Another setting makes another link: the old one goes away.
    await w.getByLabel(UI.severity).selectOption("1");
    await field.waitFor({ state: "detached" });
  } finally {
    await page.context().close();
  }
});

test("a bad share link gives one warning and falls back to the defaults", async () => {
  const { page, w, warnings } = await open({ hash: "#kyphoplasty=step-42.grade-9.level-T8.route-sideways.zoom-2" });
  try {
    await expectLive(page, consultLive(0));
    assert.equal(await w.getByLabel(UI.severity).inputValue(), "2");
    assert.equal(await w.getByLabel(UI.level).inputValue(), "T8", "the good value is still used");
    assert.equal(await w.getByLabel(UI.balloons).inputValue(), "2");
    await page.waitForTimeout(300);
    assert.equal(warnings.length, 1, JSON.stringify(warnings));
    assert.match(warnings[0], /step-42/);
    assert.match(warnings[0], /grade-9/);
    assert.match(warnings[0], /route-sideways/);
    assert.doesNotMatch(warnings[0], /zoom/, "unknown keys are ignored");
  } finally {
    await page.context().close();
  }
});

test("under a strict CSP with Trusted Types the handout prints and the share link opens, with no violation", async () => {
  const page = await openPage(browser, { width: 1024, height: 768 });
  try {
    await page.addInitScript(RECORDER);
    await page.goto(sites.host.url("/strict-consult.html") + "#kyphoplasty=step-7.grade-1.level-L3.balloons-1.xray-0");
    await started(page, 0);
    const w = explainer(page, 0);
    await expectLive(page, consultLive(6));
    assert.equal(await w.getByLabel(UI.level).inputValue(), "L3");
    await w.getByRole("button", { name: T.print_handout }).click();
    await page.emulateMedia({ media: "print" });
    const text = await w.getByRole("article", { name: T.title }).innerText();
    assert.ok(text.includes("Strict Clinic") && text.includes(T.lumbar.replace("{level}", "L3")) && text.includes(T.grade_1));
    assert.ok(!(await page.locator("#host-text").isVisible()), "the page's own text is hidden in print");
    const pages = countPdfPages(await page.pdf({ format: "A4" }));
    assert.ok(pages >= 2 && pages <= 5, `${pages} pages`);
    const seen = await recorded(page);
    assert.deepEqual(seen.violations, []);
    assert.deepEqual(seen.console.filter((m) => m.level === "warn" || m.level === "error"), []);
  } finally {
    await page.context().close();
  }
});

test("a share link restores the treated levels, the route and the AP projection", async () => {
  const { page, w, warnings } = await open({ hash: "#kyphoplasty=step-3.level-T8.levels-2.route-extra.xray-1.projection-ap" });
  try {
    // The access step, told for the extrapedicular route.
    await expectLive(page, `${UI.step_of.replace("{n}", "3").replace("{total}", String(N))}: ${UI.extrapedicular_title}`);
    assert.equal(await w.getByLabel(UI.level).inputValue(), "T8");
    assert.equal(await w.getByLabel(UI.levels_treated).inputValue(), "2");
    assert.equal(await w.getByLabel(UI.route).inputValue(), "extra");
    assert.equal(await w.getByRole("button", { name: UI.ap, exact: true }).getAttribute("aria-pressed"), "true");
    assert.equal(await w.locator("svg.coronal-diagram").count(), 1, "the AP image is shown");
    // Copying the link again writes the same settings back.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await w.getByRole("button", { name: T.share_link }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(link, /levels-2/);
    assert.match(link, /route-extra/);
    assert.match(link, /projection-ap/);
    assert.deepEqual(warnings, []);
  } finally {
    await page.context().close();
  }
});

/** Draws one stroke with the mouse across a drawing layer (Draw must be on). */
async function strokeOn(page, layer) {
  await layer.scrollIntoViewIfNeeded();
  const b = await layer.boundingBox();
  await page.mouse.move(b.x + b.width * 0.3, b.y + b.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * 0.45, b.y + b.height * 0.5, { steps: 8 });
  await page.mouse.move(b.x + b.width * 0.5, b.y + b.height * 0.65, { steps: 8 });
  await page.mouse.up();
}

test("what the physician drew on a step is in that step's still in the printed handout", async () => {
  const { page, w } = await open();
  try {
    const ready = consultLive(2);
    await w.getByRole("button", { name: CONTENT.steps[2].consult.title }).click();
    await expectLive(page, ready);
    await w.getByRole("button", { name: UI.draw, exact: true }).click();
    const layer = w.locator("svg.kx-ink").first();
    await strokeOn(page, layer);
    assert.equal(await layer.locator("g.ink").count(), 1, "a stroke on the live picture");
    await w.getByRole("button", { name: T.print_handout }).click();
    await page.emulateMedia({ media: "print" });
    const stills = w.locator(".kx-ho-still");
    const withInk = await stills.evaluateAll((figs) => figs.map((f) => f.querySelectorAll(".kx-strokes g.ink").length));
    assert.equal(withInk[2], 1, `the third step's still carries the stroke: ${JSON.stringify(withInk)}`);
    assert.equal(withInk.reduce((a, b) => a + b, 0), 1, "and no other still does");
    const fills = await stills.nth(2).locator(".kx-strokes path").evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fill));
    assert.ok(fills.length && fills.every((f) => f === "none"), `the stroke is a line, not a filled shape: ${JSON.stringify(fills)}`);
    assert.ok(await w.getByText(CLINIC).first().isVisible(), "the clinic's name is printed");
    await w.locator(".kx-ho-still").nth(2).screenshot({ path: join(shotsDir("takehome"), "handout-still-with-drawing.png") });
  } finally {
    await page.context().close();
  }
});

test("a step drawn on in the view from above and the AP projection prints those views too, named, with their strokes", async () => {
  const { page, w, warnings } = await open({ hash: "#kyphoplasty=step-5.balloons-2.xray-1.projection-ap" });
  try {
    await expectLive(page, consultLive(4));
    await w.locator("svg.coronal-diagram").waitFor();
    await w.getByRole("button", { name: UI.draw, exact: true }).click();
    // One stroke on the AP projection (the first layer), one on the view from above (the second).
    for (const n of [0, 1]) {
      const layer = w.locator("svg.kx-ink").nth(n);
      // Where the widget shows one picture at a time, the view from above is a tab away.
      if (!(await layer.isVisible())) await w.getByRole("button", { name: UI.top_view, exact: true }).click();
      await layer.waitFor();
      await strokeOn(page, layer);
      assert.equal(await layer.locator("g.ink").count(), 1, `a stroke on layer ${n}`);
    }
    await w.getByRole("button", { name: T.print_handout }).click();
    await page.emulateMedia({ media: "print" });
    const handout = w.locator(".kx-handout");
    const step = handout.locator(".kx-ho-step").filter({ hasText: CONTENT.steps[4].title });
    const figures = step.locator("figure.kx-ho-still");
    assert.equal(await figures.count(), 3, "the side view, the view from above and the AP projection");
    assert.deepEqual(await step.locator("figcaption").allTextContents(), [UI.side_view, UI.top_view, UI.ap_view]);
    assert.equal(await figures.nth(0).locator("svg.diagram .kx-strokes g.ink").count(), 0, "nothing was drawn on the side view");
    assert.equal(await figures.nth(1).locator("svg.axial-diagram .kx-strokes g.ink").count(), 1);
    assert.equal(await figures.nth(2).locator("svg.coronal-diagram .kx-strokes g.ink").count(), 1);
    assert.equal(await figures.nth(1).locator(".balloon").count(), 2, "the still from above shows this patient's two balloons");
    // Strokes are lines, as on screen: not filled shapes.
    const fills = await step.locator(".kx-strokes path").evaluateAll((ps) => ps.map((p) => getComputedStyle(p).fill));
    assert.ok(fills.length >= 2 && fills.every((f) => f === "none"), JSON.stringify(fills));
    // Every other step prints its side view alone.
    const stills = await handout.locator(".kx-ho-step").evaluateAll((lis) => lis.map((li) => li.querySelectorAll("figure").length));
    assert.deepEqual(stills.filter((n) => n !== 1), [3], JSON.stringify(stills));
    // Each picture's patterns, gradients, filters and clip paths are its own and inside the
    // handout (the live pictures are not printed, so a reference to theirs would draw nothing).
    const refs = await handout.evaluate((h) => {
      // Ids are unique in the whole shadow root, live pictures included: a reference resolves to
      // the first element with its id, which must be the handout's own.
      const all = [...h.getRootNode().querySelectorAll("[id]")].map((e) => e.id);
      const ids = [...h.querySelectorAll("[id]")].map((e) => e.id);
      const wanted = [...h.querySelectorAll("*")].flatMap((e) =>
        ["fill", "filter", "clip-path"].map((a) => /^url\(#(.+)\)$/.exec(e.getAttribute(a) || "")?.[1]).filter(Boolean));
      return { all, missing: [...new Set(wanted)].filter((id) => !ids.includes(id)) };
    });
    const twice = refs.all.filter((id, i) => refs.all.indexOf(id) !== i);
    assert.deepEqual(twice, [], "no id is used twice in the widget");
    assert.deepEqual(refs.missing, [], "every reference is to something in the handout");
    await step.screenshot({ path: join(shotsDir("takehome"), "handout-step-three-views.png") });
    assert.deepEqual(warnings, []);
  } finally {
    await page.context().close();
  }
});

test("on a 360 px phone the handout preview fits: neither the page nor the preview scrolls sideways", async () => {
  const { page, w, warnings } = await open({ path: "/phone-consult.html", width: 360, height: 800 });
  try {
    await expectLive(page, consultLive(0));
    await w.getByRole("button", { name: T.print_handout }).click();
    const handout = w.locator(".kx-handout");
    await handout.waitFor();
    const sizes = await handout.evaluate((h) => ({
      page: [document.documentElement.scrollWidth, innerWidth],
      preview: [h.scrollWidth, h.clientWidth],
    }));
    assert.ok(sizes.page[0] <= sizes.page[1], `the page scrolls sideways: ${JSON.stringify(sizes)}`);
    assert.ok(sizes.preview[0] <= sizes.preview[1] + 1, `the preview scrolls sideways: ${JSON.stringify(sizes)}`);
    assert.deepEqual(warnings, []);
  } finally {
    await page.context().close();
  }
});

test("the handout names every treated level and the extrapedicular route, and its stills show them", async () => {
  const { page, w } = await open({ hash: "#kyphoplasty=step-1.level-T8.levels-2.route-extra" });
  try {
    await expectLive(page, consultLive(0));
    await w.getByRole("button", { name: T.print_handout }).click();
    await page.emulateMedia({ media: "print" });
    const sheet = w.locator(".kx-handout");
    const many = T.bones.replace("{n}", "2").replace("{levels}", "T8, T9");
    await sheet.getByText(many, { exact: true }).waitFor();
    await sheet.getByText(T.route_beside, { exact: true }).waitFor();
    // The access step's words follow the route: beside the bony bridge, not through it.
    await sheet.getByText(T.needle_beside, { exact: true }).waitFor();
    assert.equal(await sheet.getByText(CONTENT.steps[2].narration[1], { exact: true }).count(), 0);
    const fractured = await w.locator(".kx-ho-still").first().locator("g.vertebra.fractured").count();
    assert.equal(fractured, 2, "both treated levels are drawn broken and treated in the stills");
  } finally {
    await page.context().close();
  }
});
