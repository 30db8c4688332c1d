// The script form under a strict Content Security Policy (served as a header) works without a
// single violation; and where it cannot start (no WebAssembly, JavaScript off, the .wasm missing,
// a CSP without 'wasm-unsafe-eval') the fallback stays visible and readable, with no dialog and
// at most one console warning.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, started, expectLive, announcement, CONTENT, TITLES } from "./harness.mjs";
import { sites, browser, useSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
useSites();

/** The strict policy a clinic site adds for the script form (README, "Deployment"). */
const strictCsp = ({ wasm = true } = {}) =>
  [
    "default-src 'self'",
    `script-src 'self' ${sites.cdn.origin}${wasm ? " 'wasm-unsafe-eval'" : ""}`,
    "style-src 'self'",
    `connect-src ${sites.cdn.origin}`,
    "require-trusted-types-for 'script'",
  ].join("; ");

/**
 * Opens /strict.html with `csp` as a response header (or none), the recorder installed, and
 * dialogs, page errors and every console message collected.
 */
async function open({ csp = null, init = null, javaScriptEnabled = true } = {}) {
  sites.host.headers("/strict.html", csp ? { "Content-Security-Policy": csp } : {});
  const page = await openPage(browser, { width: 1280, height: 900, javaScriptEnabled });
  const seen = { dialogs: [], errors: [], messages: [] };
  page.on("dialog", (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => seen.messages.push(`${m.type()}: ${m.text()}`));
  if (javaScriptEnabled) await page.addInitScript(RECORDER);
  if (init) await page.addInitScript(init);
  await page.goto(sites.host.url("/strict.html"));
  return { page, seen };
}

test("under a strict CSP header the widget starts and works, with no violation", async () => {
  const { page, seen } = await open({ csp: strictCsp() });
  try {
    await started(page);
    await expectLive(page, announcement(2));
    await explainer(page).getByRole("button", { name: UI.next, exact: true }).click();
    await expectLive(page, announcement(3));
    await explainer(page).getByRole("button", { name: TITLES[9], exact: true }).click();
    await expectLive(page, announcement(9));
    await explainer(page).getByRole("button", { name: UI.about, exact: true }).click();
    await explainer(page).getByRole("note").waitFor();
    await page.waitForTimeout(500);
    const { violations, console: logged } = await recorded(page);
    assert.deepEqual(violations, [], "securitypolicyviolation events");
    assert.deepEqual(logged.filter((m) => m.level === "warn" || m.level === "error"), [], "console warnings or errors");
    assert.deepEqual(seen.errors, [], "page errors");
    assert.deepEqual(seen.dialogs, []);
    assert.ok(
      (await explainer(page).getByRole("complementary").textContent()).includes("Strict Clinic"),
      "the clinic's call to action is on the last step",
    );
  } finally {
    await page.context().close();
  }
});

/** Widget 0's fallback is shown and readable; the widget did not start. */
async function fallbackIsReadable(page) {
  const host = explainer(page);
  await host.getByRole("heading", { name: UI.heading, exact: true }).waitFor();
  const items = host.getByRole("listitem");
  assert.equal(await items.count(), TITLES.length);
  for (let i = 0; i < TITLES.length; i++) {
    const item = items.nth(i);
    assert.ok(await item.isVisible(), `fallback step ${i + 1} is visible`);
    assert.equal((await item.innerText()).trim(), TITLES[i]);
    const size = await item.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(size >= 14, `fallback step ${i + 1}: ${size}px text`);
  }
  assert.ok(await host.getByText("not medical advice").isVisible());
  assert.equal(await host.getByRole("region", { name: UI.heading }).count(), 0, "no widget");
}

/** Waits until the page has logged the loader's warning (it tried and gave up), or 5 s. */
async function untilGaveUp(page) {
  const end = Date.now() + 5000;
  while (Date.now() < end) {
    const { console: logged } = await recorded(page);
    if (logged.some((m) => m.level === "warn")) break;
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(500);
}

/** At most one console warning (the loader's), no console error, no page error, no dialog. */
async function quietFailure(page, seen, why) {
  const { console: logged } = await recorded(page);
  const warnings = logged.filter((m) => m.level === "warn");
  const errors = logged.filter((m) => m.level === "error");
  assert.ok(warnings.length <= 1, `at most one console warning (${why}): ${JSON.stringify(warnings)}`);
  assert.deepEqual(errors, [], `console errors (${why})`);
  assert.deepEqual(seen.errors, [], `page errors (${why})`);
  assert.deepEqual(seen.dialogs, [], `dialogs (${why})`);
  return warnings;
}

test("without WebAssembly (as in Lockdown Mode) the fallback stays, with one warning", async () => {
  const asked = sites.requests.length;
  const { page, seen } = await open({ init: () => delete window.WebAssembly });
  try {
    await untilGaveUp(page);
    await fallbackIsReadable(page);
    const warnings = await quietFailure(page, seen, "no WebAssembly");
    assert.equal(warnings.length, 1, "one warning says why the widget did not start");
    assert.match(warnings[0].text, /kyphoplasty-explainer/);
    assert.deepEqual(sites.requests.slice(asked).filter((r) => /\.wasm$|kyphoplasty-explainer-/.test(r.path)), [], "nothing more was fetched");
  } finally {
    await page.context().close();
  }
});

test("with JavaScript off the fallback is shown", async () => {
  const { page, seen } = await open({ javaScriptEnabled: false });
  try {
    await fallbackIsReadable(page);
    assert.deepEqual(seen.dialogs, []);
  } finally {
    await page.context().close();
  }
});

test("when the .wasm answers 404 the fallback stays, with at most one warning", async () => {
  sites.cdn.fail(/_bg\.wasm$/, 404);
  const asked = sites.requests.length;
  const { page, seen } = await open();
  try {
    await untilGaveUp(page);
    assert.ok(sites.requests.slice(asked).some((r) => r.path.endsWith(".wasm")), "the .wasm was asked for");
    await fallbackIsReadable(page);
    await quietFailure(page, seen, ".wasm 404");
    if (process.env.KX_VERBOSE) console.log(seen.messages);
  } finally {
    sites.cdn.fail(null);
    await page.context().close();
  }
});

test("under a CSP without 'wasm-unsafe-eval' the fallback stays, with at most one warning", async () => {
  const { page, seen } = await open({ csp: strictCsp({ wasm: false }) });
  try {
    await untilGaveUp(page);
    await fallbackIsReadable(page);
    await quietFailure(page, seen, "no 'wasm-unsafe-eval'");
    if (process.env.KX_VERBOSE) console.log(seen.messages);
    const { violations } = await recorded(page);
    assert.ok(violations.length >= 1, "the browser reported the blocked WebAssembly (a violation is expected here)");
  } finally {
    await page.context().close();
  }
});

test("an element left empty shows one line, in its language, rather than nothing, when the widget cannot start", async () => {
  for (const [lang, line] of [["en", "The balloon kyphoplasty guide could not load here."], ["es", "La guía sobre la cifoplastia con balón no se pudo cargar aquí."]]) {
    const path = `/empty-${lang}.html`;
    sites.host.page(
      path,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Empty</title>
<script src="{{CDN}}embed.js" async></script></head><body>
<h1>Kyphoplasty</h1><kyphoplasty-explainer lang="${lang}"></kyphoplasty-explainer><p>After.</p>
</body></html>`,
    );
    const page = await openPage(browser, { width: 360, height: 740 });
    try {
      await page.addInitScript(() => delete window.WebAssembly);
      await page.goto(sites.host.url(path));
      const note = page.locator("kyphoplasty-explainer").getByText(line, { exact: true });
      await note.waitFor({ timeout: 5000 });
      assert.ok(await note.isVisible(), `${lang}: the line is shown`);
    } finally {
      await page.context().close();
    }
  }
});
