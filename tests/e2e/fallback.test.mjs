// The light-DOM fallback: readable before the widget starts (the WebAssembly is still loading, or
// the widget is not yet near the viewport) and with JavaScript off; hidden once the widget runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { server, browser, useBrowser, openPage, widget, started, bringUp, TITLES, HEADING } from "./harness.mjs";

useBrowser();

/** Contrast ratio (WCAG) of an element's text colour against the first opaque background behind it. */
function contrastOf(el) {
  const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = [255, 255, 255];
  for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
    const c = rgb(getComputedStyle(n).backgroundColor);
    if (c.length >= 3 && (c.length === 3 || c[3] > 0.99)) {
      bg = c.slice(0, 3);
      break;
    }
  }
  const fg = rgb(getComputedStyle(el).color).slice(0, 3);
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** Checks that widget 0's fallback (heading, ten steps, note) is there and readable. */
async function fallbackIsReadable(page, width) {
  const host = widget(page, 0);
  await host.getByRole("heading", { name: HEADING, exact: true }).waitFor();
  const items = host.getByRole("list").first().getByRole("listitem");
  assert.equal(await items.count(), TITLES.length, "one list item per step");
  for (let i = 0; i < TITLES.length; i++) {
    const item = items.nth(i);
    assert.ok(await item.isVisible(), `step ${i + 1} is visible`);
    const text = (await item.innerText()).trim();
    assert.ok(text.startsWith(TITLES[i]), `item ${i + 1} starts with its title "${TITLES[i]}": ${JSON.stringify(text)}`);
    const style = await item.evaluate((el) => {
      const s = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { size: parseFloat(s.fontSize), left: r.left, right: r.right };
    });
    assert.ok(style.size >= 14, `item ${i + 1}: font size ${style.size}px`);
    assert.ok(style.left >= 0 && style.right <= width + 0.5, `item ${i + 1} fits the ${width}px viewport`);
    const contrast = await item.evaluate(contrastOf);
    assert.ok(contrast >= 4.5, `item ${i + 1}: text contrast ${contrast.toFixed(2)}:1`);
  }
  assert.ok(await host.getByText("not medical advice").isVisible());
}

/** Is the light-DOM child matching `selector` of widget `n` rendered? */
const lightVisible = (page, selector, n = 0) =>
  page.evaluate(
    ([sel, k]) => document.querySelectorAll("kyphoplasty-explainer")[k].querySelector(`:scope > ${sel}`).checkVisibility(),
    [selector, n],
  );

test("before the widget starts, its fallback list is shown; once it starts, the list is hidden", async () => {
  const page = await openPage(browser, { width: 1280, height: 900 });
  try {
    // Hold the WebAssembly back until the fallback has been checked.
    let release;
    const held = new Promise((r) => (release = r));
    let asked = false;
    await page.route(/_bg\.wasm$/, async (route) => {
      asked = true;
      await held;
      await route.continue();
    });
    await page.goto(server.url);
    await fallbackIsReadable(page, 1280);
    assert.equal(await page.evaluate(() => document.querySelector("kyphoplasty-explainer").shadowRoot), null);
    assert.ok(asked, "the widget in view asked for its WebAssembly");

    release();
    await started(page, 0);
    assert.equal(await lightVisible(page, "ol"), false, "the fallback list is hidden once the widget runs");
    assert.equal(await lightVisible(page, "h2"), false);
  } finally {
    await page.context().close();
  }
});

test("a widget far below the viewport keeps its fallback until it is scrolled near", async () => {
  const page = await openPage(browser, { width: 360, height: 640 });
  try {
    await page.goto(server.url);
    await bringUp(page, 0);
    await page.waitForTimeout(300);
    assert.equal(
      await page.evaluate(() => document.querySelectorAll("kyphoplasty-explainer")[1].shadowRoot),
      null,
      "the second widget has not started while far from the viewport",
    );
    assert.ok(await widget(page, 1).getByText("The balloon fills up inside the broken bone").isVisible());
    await bringUp(page, 1);
    assert.equal(await lightVisible(page, "p", 1), false, "its fallback is hidden once it runs");
  } finally {
    await page.context().close();
  }
});

for (const width of [360, 1280]) {
  test(`with JavaScript off, the fallback is visible and readable (${width} px)`, async () => {
    const page = await openPage(browser, { width, height: 800, javaScriptEnabled: false });
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    try {
      await page.goto(server.url);
      await fallbackIsReadable(page, width);
      assert.ok(
        await widget(page, 1).getByText("The balloon fills up inside the broken bone").isVisible(),
        "the second widget's fallback paragraph is shown",
      );
      assert.deepEqual(requests.filter((u) => /\.wasm$/.test(u)), [], "no WebAssembly without JavaScript");
    } finally {
      await page.context().close();
    }
  });
}
