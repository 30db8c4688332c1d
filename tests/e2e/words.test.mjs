// Words: the tap-to-define glossary and the Spanish version chosen by the lang attribute.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { startedWithWarnings, server, browser, useBrowser, openPage, widget, bringUp, CONTENT, ROOT } from "./harness.mjs";

const ES = JSON.parse(readFileSync(join(ROOT, "content", "es.json"), "utf8"));
useBrowser();

test("a medical word in the narration shows its meaning when tapped, and hides it again", async () => {
  const page = await openPage(browser, { width: 360, height: 800 });
  try {
    await page.goto(server.url);
    await bringUp(page);
    const entry = CONTENT.glossary.find((t) => t.term === "Spongy bone");
    const word = widget(page).getByRole("button", { name: "spongy bone" });
    assert.equal(await word.getAttribute("aria-expanded"), "false");
    await word.click();
    assert.equal(await word.getAttribute("aria-expanded"), "true");
    const shown = widget(page).getByRole("status").filter({ hasText: entry.definition });
    await shown.waitFor();
    assert.equal((await shown.textContent()).trim(), `${entry.term}: ${entry.definition}`);
    await word.click();
    assert.equal(await word.getAttribute("aria-expanded"), "false");
    assert.equal(await widget(page).getByText(entry.definition).count(), 0);
    // Escape closes it too.
    await word.click();
    await shown.waitFor();
    await page.keyboard.press("Escape");
    await widget(page).getByText(entry.definition).waitFor({ state: "detached" });
    assert.equal(await word.getAttribute("aria-expanded"), "false");
    // Each word is marked once per step: the step's other mentions stay plain text.
    await widget(page).getByRole("button", { name: "Next step" }).click();
    assert.equal(await widget(page).getByRole("button", { name: "spongy bone" }).count(), 0);
  } finally {
    await page.context().close();
  }
});

test("on a phone, a meaning whose place is below the screen shows at the screen's bottom edge, without moving the page", async () => {
  const page = await openPage(browser, { width: 360, height: 740 });
  try {
    await page.goto(server.url);
    await bringUp(page);
    const entry = CONTENT.glossary.find((t) => t.term === "Spongy bone");
    const word = widget(page).getByRole("button", { name: "spongy bone" });
    // The word two thirds down the screen: its meaning's place, under the last paragraph, is
    // below the screen.
    await word.evaluate((w) => window.scrollBy(0, w.getBoundingClientRect().top - (innerHeight * 2) / 3));
    const start = await page.evaluate(() => scrollY);
    const words = widget(page).getByText(CONTENT.steps[0].narration.at(-1), { exact: false });
    const end = await words.boundingBox();
    assert.ok(end.y + end.height > 740, `the words end below the screen: ${JSON.stringify(end)}`);
    await word.click();
    const shown = widget(page).getByRole("status").filter({ hasText: entry.definition });
    await shown.waitFor();
    const box = await shown.boundingBox();
    assert.ok(box.y >= 0 && box.y + box.height <= 740 + 1, `the meaning in sight: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => scrollY), start, "the page did not move");
    // Scrolled down to its place, it sits there, under the words.
    await page.evaluate(() => window.scrollBy(0, 600));
    const below = await shown.boundingBox();
    const last = await words.boundingBox();
    assert.ok(below.y >= last.y + last.height - 1, `after the words: ${JSON.stringify([below, last])}`);
    await word.scrollIntoViewIfNeeded();
    await word.click();
    assert.equal(await word.getAttribute("aria-expanded"), "false");
    assert.equal(await widget(page).getByText(entry.definition).count(), 0);
  } finally {
    await page.context().close();
  }
});

test("a medical word and the punctuation after it are never split across two lines", async () => {
  // At every step, in both languages, with the widget anywhere from 260 to 440 px wide (a phone):
  // the character right after each marked word (the comma of "X-ray,") sits on the word's line.
  let checked = 0;
  const split = new Set();
  for (const [lang, content] of [["en", CONTENT], ["es", ES]]) {
    const page = await openPage(browser, { width: 480, height: 800, reducedMotion: "reduce" });
    try {
      await page.route(`${server.url}keep.html`, (route) =>
        route.fulfill({
          contentType: "text/html",
          body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>keep</title>
<script src="embed.js" async></script></head><body>
<kyphoplasty-explainer lang="${lang}"><p>Fallback</p></kyphoplasty-explainer></body></html>`,
        }),
      );
      await page.goto(`${server.url}keep.html`);
      await widget(page).getByRole("region", { name: content.ui.heading }).waitFor();
      for (let i = 0; i < content.steps.length; i++) {
        if (i > 0) {
          await widget(page).getByRole("button", { name: content.ui.next, exact: true }).click();
          await widget(page).getByRole("heading", { name: content.steps[i].title }).waitFor();
        }
        const r = await widget(page).evaluate((el) => {
          const out = { checked: 0, split: [], boxes: new Set() };
          for (let width = 260; width <= 440; width += 2) {
            el.style.width = `${width}px`;
            for (const b of el.shadowRoot.querySelectorAll(".kx-words .kx-term")) {
              // Inline text that wraps like the words around it, not one box (a long term as a
              // box would wrap as a block, with a gap before the text after it).
              if (getComputedStyle(b).display !== "inline") out.boxes.add(b.textContent);
              const n = b.nextSibling;
              if (!n || n.nodeType !== Node.TEXT_NODE || !/^\S/.test(n.data)) continue;
              const range = document.createRange();
              range.setStart(n, 0);
              range.setEnd(n, 1);
              const c = range.getBoundingClientRect();
              // The term's last line (a long term may wrap).
              const w = [...b.getClientRects()].at(-1);
              out.checked++;
              if (Math.abs(c.bottom - w.bottom) > w.height / 2) out.split.push(`"${b.textContent}" / "${n.data[0]}"`);
            }
          }
          el.style.width = "";
          return { ...out, boxes: [...out.boxes] };
        });
        checked += r.checked;
        for (const x of r.split) split.add(`${lang}, step ${i + 1}: ${x}`);
        for (const x of r.boxes) split.add(`${lang}, step ${i + 1}: "${x}" is a box, not inline text`);
      }
    } finally {
      await page.context().close();
    }
  }
  assert.ok(checked > 100, `${checked} words followed by punctuation`);
  assert.deepEqual([...split], []);
});

test('lang="es" shows the Spanish version, and an unknown lang warns and keeps the page language', async () => {
  const { page, warnings } = await startedWithWarnings(browser, server.url);
  try {
    const el = page.locator("kyphoplasty-explainer").first();
    await el.evaluate((e) => e.setAttribute("lang", "es"));
    await widget(page).getByRole("region", { name: ES.ui.heading }).waitFor();
    await widget(page).getByRole("heading", { name: ES.steps[0].title }).waitFor();
    await widget(page).getByRole("button", { name: ES.ui.next }).click();
    await widget(page).getByRole("heading", { name: ES.steps[1].title }).waitFor();
    await el.evaluate((e) => e.setAttribute("lang", "xx"));
    await widget(page).getByRole("region", { name: CONTENT.ui.heading }).waitFor();
    assert.ok(
      warnings.some((w) => w.includes('lang="xx"') && w.includes("en, es")),
      `expected one warning naming lang="xx" and the languages, got ${JSON.stringify(warnings)}`,
    );
  } finally {
    await page.context().close();
  }
});

test("a clinic's own wording replaces texts by id; an unknown id gives one warning", async () => {
  const { page, warnings } = await startedWithWarnings(browser, server.url);
  try {
    const el = page.locator("kyphoplasty-explainer").first();
    await el.evaluate((e) =>
      e.setAttribute(
        "text",
        JSON.stringify({ "ui.next": "Continue", "steps.broken-bone.title": "Your broken bone", "ui.nothing": "x" }),
      ),
    );
    await widget(page).getByRole("heading", { name: "Your broken bone" }).waitFor();
    await widget(page).getByRole("button", { name: "Continue" }).click();
    await widget(page).getByRole("heading", { name: CONTENT.steps[1].title }).waitFor();
    const unknown = warnings.filter((w) => w.includes('"ui.nothing"'));
    assert.equal(unknown.length, 1, JSON.stringify(warnings));
  } finally {
    await page.context().close();
  }
});
