// Five widgets with different attributes on one page are independent; a panic in a WebAssembly
// instance returns every widget it runs to its fallback content (through the <slot> the loader
// puts in) instead of leaving broken widgets behind. Patients' widgets share one instance (the
// patients' build), consult widgets another (the consult build).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, bringUp, expectLive, announcement, CONTENT, TITLES } from "./harness.mjs";
import { startSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const N = TITLES.length;
const LAST = N - 1;
// Widget 1 (id w2) is in consult mode, which announces each step's clinical title.
const said = (i, n) =>
  n === 1
    ? `${UI.step_of.replace("{n}", String(i + 1)).replace("{total}", String(N))}: ${CONTENT.steps[i].consult.title}`
    : announcement(i);
// id, first step, the accent's rgb(), the call to action on the last step (or null).
const WIDGETS = [
  { id: "w1", start: 0, accent: "rgb(29, 106, 134)", cta: null },
  { id: "w2", start: 2, accent: "rgb(123, 44, 191)", cta: null },
  { id: "w3", start: 4, accent: "rgb(176, 0, 32)", cta: "North Clinic" },
  { id: "w4", start: 6, accent: "rgb(0, 100, 0)", cta: "Call East Spine & Pain at +44 20 7946 0958.", tel: "tel:+442079460958" },
  { id: "w5", start: 9, accent: "rgb(29, 106, 134)", cta: "555-010-0199", tel: "tel:5550100199" },
];
let sites, browser, page;
const pageErrors = [];

before(async () => {
  sites = await startSites();
  browser = await launch();
  page = await openPage(browser, { width: 1280, height: 900 });
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  await page.addInitScript(RECORDER);
  await page.goto(sites.host.url("/five.html"));
  for (let n = 0; n < WIDGETS.length; n++) await bringUp(page, n);
});
after(async () => {
  await browser?.close();
  sites?.close();
});

const next = (n) => explainer(page, n).getByRole("button", { name: UI.next, exact: true });

test("each widget starts at its own step, in its own accent colour, with no warning", async () => {
  for (const [n, w] of WIDGETS.entries()) {
    await expectLive(page, said(w.start, n), n);
    const bg = await next(n).evaluate((el) => getComputedStyle(el).backgroundColor);
    if (w.start < LAST) assert.equal(bg, w.accent, `${w.id}: the Next button has the accent colour`);
    const current = await page.evaluate((id) => document.getElementById(id).currentStep, w.id);
    assert.deepEqual(current, { index: w.start, id: CONTENT.steps[w.start].id, total: N }, w.id);
  }
  const { console: logged } = await recorded(page);
  assert.deepEqual(logged.filter((m) => m.level === "warn" || m.level === "error"), []);
});

test("stepping one widget leaves the other four where they are", async () => {
  await next(1).click();
  await expectLive(page, said(3, 1), 1);
  await explainer(page, 3).getByRole("button", { name: UI.previous, exact: true }).click();
  await expectLive(page, announcement(5), 3);
  for (const [n, w] of WIDGETS.entries()) {
    if (n === 1 || n === 3) continue;
    await expectLive(page, said(w.start, n), n);
  }
  // Back to where they began.
  await page.evaluate(() => {
    document.getElementById("w2").goTo("hollow-needle");
    document.getElementById("w4").goTo("bone-cement");
  });
  await expectLive(page, said(2, 1), 1);
  await expectLive(page, announcement(6), 3);
});

test("each widget's last step shows its own clinic, or none", async () => {
  for (const [n, w] of WIDGETS.entries()) {
    await page.evaluate((id) => document.getElementById(id).goTo("risks"), w.id);
    await expectLive(page, said(LAST, n), n);
    const cta = explainer(page, n).getByRole("complementary", { name: UI.cta_title });
    if (!w.cta) {
      assert.equal(await cta.count(), 0, `${w.id} has no call to action`);
      continue;
    }
    assert.ok((await cta.textContent()).includes(w.cta), `${w.id}: ${await cta.textContent()}`);
    if (w.tel) assert.equal(await cta.getByRole("link").getAttribute("href"), w.tel);
  }
  const others = await page.evaluate(() =>
    [...document.querySelectorAll("kyphoplasty-explainer")].map((el) => el.shadowRoot.textContent.includes("North Clinic")),
  );
  assert.deepEqual(others, [false, false, true, false, false], "one clinic's name shows in its own widget only");
});

/** The URL of the wasm-bindgen glue the loader imported (hashed name, from the CDN). */
const glueUrl = (re = /kyphoplasty-explainer-[0-9a-f]+\.js$/) =>
  page.evaluate((source) => performance.getEntriesByType("resource").map((e) => e.name).find((u) => new RegExp(source).test(u)), re.source);
const panicIn = (u) =>
  page.evaluate(async (u) => {
    const glue = await import(u);
    try {
      glue.__panicForTests();
      return "no panic";
    } catch (e) {
      return String(e);
    }
  }, u);

test("a panic returns every widget to its fallback; nothing is left broken", async () => {
  const url = await glueUrl();
  assert.ok(url, "the glue module was loaded");
  // One widget is playing (its frame loop and timers are live) when the panic hits.
  await page.evaluate(() => {
    document.getElementById("w3").goTo("getting-ready");
    document.getElementById("w3").play();
  });
  await explainer(page, 2).getByRole("button", { name: UI.pause, exact: true }).waitFor();
  await page.waitForTimeout(300);
  assert.notEqual(await panicIn(url), "no panic");

  const state = () =>
    page.evaluate(() =>
      [...document.querySelectorAll("kyphoplasty-explainer")].map((el) => ({
        shadow: el.shadowRoot ? [...el.shadowRoot.children].map((c) => c.tagName.toLowerCase()).join(",") : null,
        fallback: el.querySelector(".fallback").checkVisibility(),
        text: el.querySelector(".fallback").getBoundingClientRect().height > 10,
        current: el.currentStep,
      })),
    );
  const expected = WIDGETS.map(() => ({ shadow: "slot", fallback: true, text: true, current: null }));
  // The patients' build panicked: the consult widget (w2, the consult build) still works.
  const patientsDown = await state();
  assert.deepEqual(patientsDown.filter((_, i) => i !== 1), expected.slice(1), "every patient's widget shows its fallback through a bare <slot>");
  assert.equal(patientsDown[1].fallback, false, "the consult widget is still up");
  assert.ok(patientsDown[1].current, "the consult widget still answers");
  await page.evaluate(() => document.getElementById("w2").goTo(3));
  await expectLive(page, said(3, 1), 1);

  const consultUrl = await glueUrl(/kyphoplasty-explainer-consult-[0-9a-f]+\.js$/);
  assert.ok(consultUrl, "the consult build's glue was loaded");
  assert.notEqual(await panicIn(consultUrl), "no panic");
  assert.deepEqual(await state(), expected, "every widget shows its light-DOM fallback through a bare <slot>");

  // The broken instance must not be called again: API calls, attribute changes, scrolling,
  // resizing, hiding and showing the tab, and new elements all leave the fallback in place.
  const errorsBefore = pageErrors.length;
  await page.evaluate(() => {
    const el = document.getElementById("w2");
    el.next();
    el.previous();
    el.play();
    el.pause();
    el.goTo("risks");
    el.setAttribute("accent", "#123456");
    el.setAttribute("start", "recovery");
    const extra = document.createElement("kyphoplasty-explainer");
    extra.id = "w6";
    const p = document.createElement("p");
    p.className = "fallback";
    p.textContent = "Fallback six: added after the panic.";
    extra.append(p);
    document.body.prepend(extra);
    document.getElementById("w1").remove();
    document.body.append(document.createElement("div"));
  });
  await page.setViewportSize({ width: 700, height: 800 });
  await page.mouse.wheel(0, 2000);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await page.waitForTimeout(1500);
  assert.deepEqual(pageErrors.slice(errorsBefore), [], "no errors from the broken instance after the panic");
  const after = await page.evaluate(() =>
    [...document.querySelectorAll("kyphoplasty-explainer")].map((el) => ({
      id: el.id,
      shadow: el.shadowRoot ? [...el.shadowRoot.children].map((c) => c.tagName.toLowerCase()).join(",") : null,
      fallback: el.querySelector(".fallback").checkVisibility(),
    })),
  );
  for (const w of after) {
    assert.ok(w.fallback, `${w.id}: fallback visible after the panic (${JSON.stringify(w)})`);
    assert.ok(w.shadow === null || w.shadow === "slot", `${w.id}: no widget left in the shadow root (${w.shadow})`);
  }
  const { console: logged } = await recorded(page);
  const errors = logged.filter((m) => m.level === "error");
  assert.equal(errors.length, 2, `one console error per panic: ${JSON.stringify(errors)}`);
  for (const e of errors) assert.match(e.text, /panic requested by a test/);
});
