// The configurator (configure.html, served from the CDN's sub-path): the choices come from the
// built-in languages and steps, the preview follows them live, the code is copied with one button
// and, pasted into a blank page on another origin, works in both forms. Also: accessibility
// (axe-core) and screenshots at 360 px and 1280 px (tests/screenshots/embed/).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { openPage, started, bringUp, expectLive, shotsDir, ROOT, DIST, CONTENT, TITLES } from "./harness.mjs";

/** The configured widgets here are in consult mode, which announces each step's clinical title. */
const announcement = (i) =>
  `${CONTENT.ui.step_of.replace("{n}", String(i + 1)).replace("{total}", String(TITLES.length))}: ${CONTENT.steps[i].consult.title}`;
import { sites, browser, useSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const N = TITLES.length;
const DIR = shotsDir("embed");
const LANGUAGES = readdirSync(join(ROOT, "content")).filter((f) => f.endsWith(".json")).map((f) => f.slice(0, -5));
useSites();

async function configurator({ width = 1280, height = 900 } = {}) {
  const page = await openPage(browser, { width, height, permissions: ["clipboard-read", "clipboard-write"] });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(RECORDER);
  await page.goto(`${sites.cdn.base}configure.html`);
  await bringUp(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  return { page, errors };
}

const previewAttributes = (page) =>
  page.evaluate(() => {
    const el = document.getElementById("preview");
    return Object.fromEntries(el.getAttributeNames().filter((n) => n !== "id").map((n) => [n, el.getAttribute(n)]));
  });

/** Waits until the preview's attributes are `want`. */
async function previewHas(page, want) {
  const end = Date.now() + 3000;
  let got;
  while (Date.now() < end) {
    got = await previewAttributes(page);
    if (JSON.stringify(got) === JSON.stringify(want)) return;
    await page.waitForTimeout(50);
  }
  assert.deepEqual(got, want, "the preview's attributes");
}

/** Fills in a clinic's settings: consult mode, the balloon step, red, a name with an ampersand. */
async function fillIn(page) {
  await page.getByLabel("A consultation with the doctor").check();
  await page.getByLabel("First step shown").selectOption("balloon-inflated");
  await page.getByLabel("Accent colour").fill("#b00020");
  await page.getByLabel("Clinic name").fill("Riverside Spine & Pain \"Center\"");
  await page.getByLabel("Clinic phone").fill("(555) 010-0199");
}

const WANT = {
  lang: "en",
  mode: "consult",
  start: "balloon-inflated",
  accent: "#b00020",
  "clinic-name": 'Riverside Spine & Pain "Center"',
  "clinic-phone": "(555) 010-0199",
};

test("the choices come from the build; the preview follows every change live", async () => {
  const { page, errors } = await configurator();
  try {
    const langs = await page.getByLabel("Language").locator("option").evaluateAll((os) => os.map((o) => o.value));
    assert.deepEqual([...langs].sort(), [...LANGUAGES].sort(), "one option per content/<lang>.json");
    assert.equal(langs[0], "en");
    const steps = await page.getByLabel("First step shown").locator("option").evaluateAll((os) => os.map((o) => [o.value, o.textContent]));
    assert.deepEqual(steps, CONTENT.steps.map((s, i) => [s.id, `${i + 1}. ${s.title}`]));

    // Every language lists the steps in its own words, and the snippet's fallback uses them.
    for (const tag of LANGUAGES) {
      const content = JSON.parse(readFileSync(join(ROOT, "content", `${tag}.json`), "utf8"));
      await page.getByLabel("Language").selectOption(tag);
      await previewHas(page, { lang: tag });
      const titles = await page.getByLabel("First step shown").locator("option").evaluateAll((os) => os.map((o) => o.textContent));
      assert.deepEqual(titles, content.steps.map((st, i) => `${i + 1}. ${st.title}`), `${tag}: step titles`);
      const code = await page.getByLabel(/Paste this/).inputValue();
      assert.ok(code.includes(`lang="${tag}"`) && code.includes(content.steps[0].title.replace(/&/g, "&amp;")), `${tag}: snippet`);
    }
    await page.getByLabel("Language").selectOption("en");
    await previewHas(page, { lang: "en" });
    await fillIn(page);
    await previewHas(page, WANT);
    await expectLive(page, announcement(4));
    await page.mouse.move(0, 0);
    const bg = await explainer(page).getByRole("button", { name: UI.next, exact: true }).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(bg, "rgb(176, 0, 32)", "the preview shows the accent colour");

    // A phone number the widget would refuse is flagged and left out.
    await page.getByLabel("Clinic phone").fill("call us");
    await page.getByText("Use 7 to 15 digits").waitFor();
    assert.equal(await page.getByLabel("Clinic phone").getAttribute("aria-invalid"), "true");
    await previewHas(page, { ...WANT, "clinic-phone": undefined });
    assert.doesNotMatch(await page.getByLabel(/Paste this/).inputValue(), /clinic-phone/);
    await page.getByLabel("Clinic phone").fill("");
    assert.ok(await page.getByText("Use 7 to 15 digits").isHidden());
    await page.getByRole("button", { name: "Use the default" }).click();
    await previewHas(page, { lang: "en", mode: "consult", start: "balloon-inflated", "clinic-name": WANT["clinic-name"] });

    const { violations, console: logged } = await recorded(page);
    assert.deepEqual(violations, [], "the configurator keeps to its own strict CSP");
    assert.deepEqual(logged.filter((m) => m.level === "warn" || m.level === "error"), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

/** Picks the form, copies the code with the Copy button and returns the clipboard's text. */
async function copySnippet(page, form) {
  await page.getByLabel(form === "iframe" ? "Iframe" : /Script tag/).check();
  const shown = await page.getByLabel(/Paste this/).inputValue();
  await page.getByRole("button", { name: "Copy code" }).click();
  await page.getByRole("status").filter({ hasText: "Copied" }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, shown, "the clipboard holds the code shown");
  return copied;
}

/** Serves `snippet` alone in a blank page on the host's origin and opens it. */
async function blankPage(path, snippet) {
  sites.host.page(path, `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>Blank</title></head>\n<body>\n${snippet}\n</body>\n</html>\n`);
  const page = await openPage(browser, { width: 1024, height: 900 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(RECORDER);
  await page.goto(sites.host.url(path));
  return { page, errors };
}

test("the script snippet, pasted into a blank page on another origin, works", async () => {
  const { page: conf } = await configurator();
  let snippet;
  try {
    await fillIn(conf);
    snippet = await copySnippet(conf, "script");
  } finally {
    await conf.context().close();
  }
  assert.ok(snippet.startsWith(`<script src="${sites.cdn.base}embed.js" async`), snippet.split("\n")[0]);
  assert.match(snippet, /clinic-name="Riverside Spine &amp; Pain &quot;Center&quot;"/);
  for (const title of TITLES) assert.ok(snippet.includes(`<li>${title.replace(/&/g, "&amp;")}</li>`), `fallback lists "${title}"`);

  const { page, errors } = await blankPage("/blank-script.html", snippet);
  try {
    await started(page);
    assert.deepEqual(await page.evaluate(() => {
      const el = document.querySelector("kyphoplasty-explainer");
      return Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
    }), WANT);
    await expectLive(page, announcement(4));
    await explainer(page).getByRole("button", { name: UI.next, exact: true }).click();
    await expectLive(page, announcement(5));
    await page.evaluate(() => document.querySelector("kyphoplasty-explainer").goTo("risks"));
    await expectLive(page, announcement(N - 1));
    assert.match(await explainer(page).getByRole("complementary").textContent(), /Riverside Spine & Pain "Center".*\(555\) 010-0199/);
    const { console: logged } = await recorded(page);
    assert.deepEqual(logged.filter((m) => m.level === "warn" || m.level === "error"), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("the iframe snippet, pasted into a blank page on another origin, works", async () => {
  const { page: conf } = await configurator();
  let snippet;
  try {
    await fillIn(conf);
    snippet = await copySnippet(conf, "iframe");
  } finally {
    await conf.context().close();
  }
  assert.match(snippet, new RegExp(`<iframe src="${sites.cdn.base.replace(/[.]/g, "\\.")}embed\\.html\\?`));
  assert.match(snippet, /aspect-ratio/);

  const { page, errors } = await blankPage("/blank-iframe.html", snippet);
  try {
    const frame = page.frameLocator("iframe");
    await frame.locator("kyphoplasty-explainer").getByRole("region", { name: UI.heading }).waitFor();
    const inner = page.frames().find((f) => f.url().startsWith(sites.cdn.base));
    assert.deepEqual(await inner.evaluate(() => {
      const el = document.querySelector("kyphoplasty-explainer");
      return Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
    }), WANT);
    const live = frame.locator("kyphoplasty-explainer [aria-live]");
    await frame.locator("kyphoplasty-explainer").getByRole("button", { name: UI.next, exact: true }).click();
    const end = Date.now() + 5000;
    while ((await live.textContent()) !== announcement(5) && Date.now() < end) await page.waitForTimeout(25);
    assert.equal(await live.textContent(), announcement(5));
    const box = await page.locator("iframe").boundingBox();
    assert.ok(box.width > 900 && box.height >= 1000, `the frame is sized by the snippet's CSS: ${JSON.stringify(box)}`);
    assert.deepEqual((await recorded(inner)).console.filter((m) => m.level === "warn" || m.level === "error"), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

for (const width of [360, 1280]) {
  test(`the configurator at ${width} px: no sideways scrolling, no axe violations; screenshot`, async () => {
    const { page } = await configurator({ width, height: 900 });
    try {
      await fillIn(page);
      await previewHas(page, WANT);
      await page.getByLabel("Clinic phone").fill("555 010");
      await page.getByText("Use 7 to 15 digits").waitFor();
      await page.mouse.move(0, 0);
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(DIR, `configure-${width}.png`), fullPage: true });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      const axe = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
        .exclude("kyphoplasty-explainer")
        .analyze();
      const found = axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
      assert.deepEqual(found, [], "axe-core violations in the configurator's own UI");
    } finally {
      await page.context().close();
    }
  });
}

test("opened from the disk (file:), the page says to upload the folder first and offers no code", async () => {
  const page = await openPage(browser, { width: 1280, height: 900 });
  try {
    await page.goto("file://" + join(DIST, "configure.html"));
    await page.waitForFunction(() => document.getElementById("snippet").value !== "");
    const text = await page.locator("#snippet").inputValue();
    assert.match(text, /^Upload this folder to your web host/);
    assert.ok(!text.includes("file:"), "no file: address in the code box");
    assert.ok(await page.getByRole("button", { name: "Copy code" }).isDisabled());
    await page.getByText(/Upload this folder to your web host/).first().waitFor();
  } finally {
    await page.context().close();
  }
});
