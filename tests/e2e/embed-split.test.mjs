// Two builds of the WebAssembly: patients' widgets load the patients' build (no consult-mode
// code), consult widgets (mode="consult") the consult build; a page with both loads both, each
// once. Changing the mode attribute at run time moves the widget to the other build at the same
// step.
import { test } from "node:test";
import assert from "node:assert/strict";
import { server, browser, useBrowser, openPage, widget, started, expectLive, announcement, CONTENT, TITLES } from "./harness.mjs";

const UI = CONTENT.ui;
const PATIENT = /^kyphoplasty-explainer-[0-9a-f]+(_bg\.wasm|\.js)$/;
const CONSULT = /^kyphoplasty-explainer-consult-[0-9a-f]+(_bg\.wasm|\.js)$/;
const clinical = (i) =>
  `${UI.step_of.replace("{n}", String(i + 1)).replace("{total}", String(TITLES.length))}: ${CONTENT.steps[i].consult.title}`;

useBrowser();

/** Opens a page holding one widget per entry of `widgets` (attributes); returns the page and
 * the names of the builds' files it requests, in order. */
async function open(widgets) {
  const page = await openPage(browser);
  const builds = [];
  const errors = [];
  page.on("request", (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (PATIENT.test(name) || CONSULT.test(name)) builds.push(name);
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const body = widgets.map((a) => `<kyphoplasty-explainer ${a}><p>Fallback</p></kyphoplasty-explainer>`).join("\n");
  await page.route(`${server.url}split.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>split</title>
<script src="embed.js" async></script></head><body>${body}</body></html>`,
    }),
  );
  await page.goto(`${server.url}split.html`);
  return { page, builds, errors };
}

const group = (page, n = 0) => widget(page, n).getByRole("group", { name: UI.patient_settings });
const kinds = (names) => ({
  patient: names.filter((n) => PATIENT.test(n)).length,
  consult: names.filter((n) => CONSULT.test(n)).length,
});

test("a patient's widget downloads only the patients' build", async () => {
  const { page, builds, errors } = await open([""]);
  try {
    await started(page);
    await page.waitForTimeout(300);
    assert.deepEqual(kinds(builds), { patient: 2, consult: 0 }, builds.join(", "));
    assert.equal(await group(page).count(), 0, "no consult settings");
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("a consult widget downloads only the consult build, and shows this patient's settings", async () => {
  const { page, builds, errors } = await open(['mode="consult"']);
  try {
    await group(page).waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(kinds(builds), { patient: 0, consult: 2 }, builds.join(", "));
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("a page with both loads each build once", async () => {
  const { page, builds, errors } = await open(['mode="consult"', "", 'mode="patient"', 'mode="consult"']);
  try {
    for (const n of [0, 3]) await group(page, n).waitFor();
    for (const n of [1, 2]) await started(page, n);
    assert.deepEqual(kinds(builds), { patient: 2, consult: 2 }, builds.join(", "));
    for (const n of [1, 2]) assert.equal(await group(page, n).count(), 0, `widget ${n}: no consult settings`);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("patient to consult at run time: the consult build loads then, at the same step", async () => {
  const { page, builds, errors } = await open([""]);
  try {
    await started(page);
    const el = page.locator("kyphoplasty-explainer");
    await el.evaluate((e) => e.goTo("balloon-inflated"));
    const at = TITLES.indexOf(CONTENT.steps.find((s) => s.id === "balloon-inflated").title);
    await expectLive(page, announcement(at));
    assert.deepEqual(kinds(builds), { patient: 2, consult: 0 }, "nothing of the consult build yet");

    await el.evaluate((e) => e.setAttribute("mode", "consult"));
    await group(page).waitFor();
    await expectLive(page, clinical(at));
    assert.equal(await el.evaluate((e) => e.currentStep.id), "balloon-inflated");
    await widget(page).getByRole("heading", { name: CONTENT.steps[at].consult.title }).waitFor();
    assert.deepEqual(kinds(builds), { patient: 2, consult: 2 }, builds.join(", "));

    // It works in its new mode: Next goes on from the same place.
    await widget(page).getByRole("button", { name: UI.next, exact: true }).click();
    await expectLive(page, clinical(at + 1));
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("consult to patient at run time: the patients' build loads then, at the same step", async () => {
  const { page, builds, errors } = await open(['mode="consult"']);
  try {
    await group(page).waitFor();
    const el = page.locator("kyphoplasty-explainer");
    await el.evaluate((e) => e.goTo(6));
    await expectLive(page, clinical(6));
    assert.deepEqual(kinds(builds), { patient: 0, consult: 2 }, "nothing of the patients' build yet");

    await el.evaluate((e) => e.removeAttribute("mode"));
    await expectLive(page, announcement(6));
    await widget(page).getByRole("heading", { name: TITLES[6] }).waitFor();
    assert.equal(await group(page).count(), 0, "no consult settings any more");
    assert.equal(await el.evaluate((e) => e.currentStep.index), 6);
    assert.deepEqual(kinds(builds), { patient: 2, consult: 2 }, builds.join(", "));

    // And back again: the consult build is already there; nothing more is downloaded.
    await el.evaluate((e) => e.setAttribute("mode", "consult"));
    await group(page).waitFor();
    await expectLive(page, clinical(6));
    assert.deepEqual(kinds(builds), { patient: 2, consult: 2 }, builds.join(", "));
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
