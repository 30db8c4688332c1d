// A clinic's own wording (the `text` attribute) belongs to its element: the words of a language
// are read once per page and shared, so an override must never reach another widget; and an
// override that would break the content is dropped as a whole, with the reason in the console.
import { test } from "node:test";
import assert from "node:assert/strict";
import { startedWithWarnings, server, browser, useBrowser, openPage, widget, bringUp, CONTENT } from "./harness.mjs";

useBrowser();

const next = (page, n, name) => widget(page, n).getByRole("button", { name, exact: true });

test("one widget's own wording stays its own: the other widget keeps the built-in words", async () => {
  const page = await openPage(browser);
  try {
    await page.goto(server.url);
    await bringUp(page, 0);
    await bringUp(page, 1);
    await widget(page, 0).evaluate((e) =>
      e.setAttribute("text", JSON.stringify({ "ui.next": "Continue", "labels.balloon": "Bone balloon" })),
    );
    await next(page, 0, "Continue").waitFor();
    assert.equal(await next(page, 0, CONTENT.ui.next).count(), 0);
    // The second widget, mounted from the same words, is untouched; so is one mounted afterwards.
    assert.equal(await next(page, 1, CONTENT.ui.next).count(), 1);
    await widget(page, 1).evaluate((e) => e.setAttribute("start", "recovery"));
    await widget(page, 1).getByRole("heading", { name: CONTENT.steps.find((s) => s.id === "recovery").title }).waitFor();
    assert.equal(await next(page, 1, CONTENT.ui.next).count(), 1);
    assert.equal(await next(page, 1, "Continue").count(), 0);
  } finally {
    await page.context().close();
  }
});

test("wording that would break the content is dropped as a whole, with the reason", async () => {
  const { page, warnings } = await startedWithWarnings(browser, server.url);
  try {
    await widget(page).evaluate((e) =>
      e.setAttribute("text", JSON.stringify({ "ui.step_of": "Step", "ui.next": "Go" })),
    );
    const dropped = () => warnings.filter((w) => w.includes("were not used") && w.includes('"ui.step_of"'));
    for (let i = 0; i < 50 && dropped().length === 0; i++) await page.waitForTimeout(100);
    assert.equal(dropped().length, 1, JSON.stringify(warnings));
    await next(page, 0, CONTENT.ui.next).waitFor();
    assert.equal(await next(page, 0, "Go").count(), 0);
  } finally {
    await page.context().close();
  }
});
