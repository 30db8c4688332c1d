// The words come in one small file per language, next to the wasm: a widget downloads only its
// own language's (chosen from its lang attribute, else the page's, else the browser's, else
// English), consult mode's texts only in consult mode, and English when its language's file
// cannot be had.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { server, browser, useBrowser, openPage, widget, expectLive, announcement, CONTENT, TITLES, ROOT } from "./harness.mjs";

const ES = JSON.parse(readFileSync(join(ROOT, "content", "es.json"), "utf8"));
useBrowser();

/**
 * Opens a page (`<html lang=pageLang>`) holding one widget with `attrs`, served from the build's
 * folder; returns the page, the words files it asked for, and its console warnings.
 */
async function open({ pageLang = "en", attrs = "", fail = null, ...context } = {}) {
  const page = await openPage(browser, context);
  const words = [];
  const warnings = [];
  page.on("request", (r) => {
    const name = new URL(r.url()).pathname.slice(1);
    if (name.endsWith(".txt")) words.push(name);
  });
  page.on("console", (m) => m.type() === "warning" && warnings.push(m.text()));
  if (fail) await page.route(fail, (route) => route.fulfill({ status: 404, body: "not found" }));
  const langAttr = pageLang ? ` lang="${pageLang}"` : "";
  await page.route(`${server.url}words.html`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><html${langAttr}><head><meta charset="utf-8"><title>words</title>
<script src="embed.js" async></script></head><body>
<kyphoplasty-explainer ${attrs}><p>Fallback</p></kyphoplasty-explainer></body></html>`,
    }),
  );
  await page.goto(`${server.url}words.html`);
  return { page, words, warnings };
}

const heading = (page, text) => widget(page).getByRole("region", { name: text }).waitFor();

test("a patient's widget downloads the words of its own language only", async () => {
  const en = await open();
  try {
    await heading(en.page, CONTENT.ui.heading);
    assert.deepEqual(en.words.map((w) => w.replace(/[0-9a-f]{16}/, "#")), ["kyphoplasty-explainer-en-#.txt"]);
  } finally {
    await en.page.context().close();
  }
  const es = await open({ attrs: 'lang="es-MX"' });
  try {
    await heading(es.page, ES.ui.heading);
    assert.deepEqual(es.words.map((w) => w.replace(/[0-9a-f]{16}/, "#")), ["kyphoplasty-explainer-es-#.txt"]);
  } finally {
    await es.page.context().close();
  }
});

test("without a lang attribute or page language, the browser's language chooses the words", async () => {
  const { page, words } = await open({ pageLang: null, locale: "es-ES" });
  try {
    await heading(page, ES.ui.heading);
    assert.equal(words.length, 1);
    assert.match(words[0], /-es-[0-9a-f]{16}\.txt$/);
  } finally {
    await page.context().close();
  }
});

test("consult mode also loads consult mode's texts, and shows them", async () => {
  const { page, words } = await open({ attrs: 'mode="consult"' });
  try {
    await heading(page, CONTENT.ui.heading);
    await widget(page).getByRole("heading", { name: CONTENT.steps[0].consult.title }).waitFor();
    await widget(page).getByText(CONTENT.steps[0].consult.narration[0].slice(0, 40)).waitFor();
    assert.deepEqual(
      words.map((w) => w.replace(/[0-9a-f]{16}/, "#")).sort(),
      ["kyphoplasty-explainer-en-#.txt", "kyphoplasty-explainer-en-consult-#.txt"],
    );
  } finally {
    await page.context().close();
  }
});

test("a patient's widget shows none of the texts its words file leaves to consult mode", async () => {
  // On a phone, where the views are tabs.
  const { page } = await open({ width: 360, height: 800, attrs: 'clinic-name="Valley Spine Center" clinic-phone="555-0100"' });
  const files = [];
  // A response of the first load may still arrive after this, its body gone with the reload.
  page.on("response", (r) => r.url().endsWith(".txt") && files.push(r.text().catch(() => null)));
  const HOLE = "\u0002";
  const holes = (text) => text.split("\u001f").filter((f) => f === HOLE).length;
  const shown = async (state) => {
    const markup = await widget(page).evaluate((el) => el.shadowRoot.innerHTML);
    assert.ok(!markup.includes(HOLE), `${state}: a text left to consult mode is shown`);
  };
  try {
    await page.reload(); // with the response listener in place
    await heading(page, CONTENT.ui.heading);
    // The file leaves consult mode's texts out: the handout's, the comparison's, the settings'.
    const [file] = (await Promise.all(files)).filter((f) => f !== null);
    assert.ok(holes(file) > 100, `${holes(file)} texts left out`);
    for (const t of [CONTENT.takehome.title, CONTENT.ui.compare_note, CONTENT.ui.patient_settings, CONTENT.consult_labels.cement]) {
      assert.ok(!file.includes(t), `the patients' file holds "${t}"`);
    }
    const button = (name) => widget(page).getByRole("button", { name, exact: true });
    await shown("step 1");
    // Everything a patient can open or switch on the first step.
    await button(CONTENT.ui.about).click();
    await button(CONTENT.ui.labels).click();
    await button(CONTENT.ui.top_view).click();
    await button(CONTENT.ui.larger_text).click();
    await button(CONTENT.ui.read_aloud).click();
    const term = widget(page).locator(".kx-words").getByRole("button").first();
    if (await term.count()) await term.click();
    await shown("step 1, with the disclaimer, a definition open, labels off, the top view, larger text and read-aloud");
    await button(CONTENT.ui.labels).click();
    for (let i = 1; i < TITLES.length; i++) {
      await button(CONTENT.ui.next).click();
      await expectLive(page, announcement(i));
      await shown(`step ${i + 1}`);
    }
    await widget(page).getByText("555-0100").first().waitFor();
    await shown("the last step, with the call to action");
  } finally {
    await page.context().close();
  }
});

test("when a language's words cannot be loaded, the widget shows English, with one warning", async () => {
  const { page, warnings } = await open({ attrs: 'lang="es"', fail: /-es-[0-9a-f]{16}\.txt$/ });
  try {
    await heading(page, CONTENT.ui.heading);
    const ours = warnings.filter((w) => w.includes("kyphoplasty-explainer"));
    assert.equal(ours.length, 1, ours.join("\n"));
    assert.match(ours[0], /showing English/);
  } finally {
    await page.context().close();
  }
});
