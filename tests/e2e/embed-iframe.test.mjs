// The iframe form (embed.html from the CDN's sub-path, on another origin than the host page):
// settings from the query string, unknown parameters warned about once, CSS-only sizing, the
// host's strict CSP needing only frame-src, and the optional height message with its origin check.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, expectLive, announcement, CONTENT, TITLES } from "./harness.mjs";
import { sites, browser, useSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const N = TITLES.length;
useSites();

/** The strict policy a clinic site needs for the iframe form: frame-src for the CDN, nothing else. */
const hostCsp = () => `default-src 'self'; frame-src ${sites.cdn.origin}; style-src 'self'; script-src 'self'`;

async function open(path, { width = 1280, height = 900, csp = hostCsp() } = {}) {
  sites.host.headers(path, csp ? { "Content-Security-Policy": csp } : {});
  const page = await openPage(browser, { width, height });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(RECORDER);
  await page.addInitScript(() => {
    if (window.top !== window) return;
    window.__heights = [];
    window.addEventListener("message", (e) => window.__heights.push({ origin: e.origin, data: e.data }));
  });
  await page.goto(sites.host.url(path));
  const frame = page.frameLocator("#frame");
  await frame.locator("kyphoplasty-explainer").getByRole("region", { name: UI.heading }).waitFor();
  const inner = page.frames().find((f) => f.url().startsWith(sites.cdn.base));
  return { page, frame, inner, errors };
}

/** The widget's live region inside the frame reads `text` (polled, up to 5 s). */
async function frameLive(frame, text) {
  const region = frame.locator("kyphoplasty-explainer [aria-live]");
  const end = Date.now() + 5000;
  let got;
  while ((got = await region.textContent()) !== text && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  assert.equal(got, text);
}

test("the iframe form from the CDN's sub-path works under the host's frame-src-only CSP", async () => {
  const { page, frame, inner, errors } = await open("/iframe.html");
  try {
    assert.ok(inner.url().startsWith(`${sites.cdn.base}embed.html?`), inner.url());
    await frameLive(frame, announcement(2));
    await frame.locator("kyphoplasty-explainer").getByRole("button", { name: UI.next, exact: true }).click();
    await frameLive(frame, announcement(3));

    const attrs = await inner.evaluate(() => {
      const el = document.querySelector("kyphoplasty-explainer");
      return Object.fromEntries(el.getAttributeNames().map((n) => [n, el.getAttribute(n)]));
    });
    assert.deepEqual(attrs, { start: "hollow-needle", accent: "#b00020", "clinic-name": "Frame Clinic", "clinic-phone": "555-010-0199" });
    await page.mouse.move(0, 0);
    const bg = await frame.locator("kyphoplasty-explainer").getByRole("button", { name: UI.next, exact: true })
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(bg, "rgb(176, 0, 32)");
    await inner.evaluate(() => document.querySelector("kyphoplasty-explainer").goTo("risks"));
    await frameLive(frame, announcement(N - 1));
    assert.match(await frame.locator("kyphoplasty-explainer").getByRole("complementary").textContent(), /Frame Clinic.*555-010-0199/);

    const host = await recorded(page);
    const framed = await recorded(inner);
    assert.deepEqual(host.violations, [], "no CSP violation on the host page");
    assert.deepEqual(framed.violations, [], "no CSP violation inside the frame (embed.html's own policy)");
    const warnings = framed.console.filter((m) => m.level === "warn" || m.level === "error");
    assert.equal(warnings.length, 1, `one warning, for the unknown parameters: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0].text, /"utm_source", "foo"/);
    assert.deepEqual(errors, []);
    assert.equal((await page.evaluate(() => window.__heights)).length, 0, "no height messages unless asked for");
  } finally {
    await page.context().close();
  }
});

test("CSS alone sizes the frame: full width of its wrapper, no sideways scrolling inside", async () => {
  for (const width of [360, 1280]) {
    const { page, inner } = await open("/iframe.html", { width });
    try {
      const box = await page.evaluate(() => {
        const wrap = document.querySelector(".kx-frame").getBoundingClientRect();
        const frame = document.getElementById("frame").getBoundingClientRect();
        return { wrap: [wrap.width, wrap.height], frame: [frame.width, frame.height] };
      });
      assert.deepEqual(box.frame, box.wrap, `the frame fills its wrapper at ${width}px`);
      const expected = Math.min(width - 32, 1000);
      assert.equal(box.frame[0], expected, `the frame is as wide as the page allows at ${width}px`);
      assert.ok(box.frame[1] >= 600 && box.frame[1] <= 1700, `height ${box.frame[1]} within the wrapper's limits`);
      const inside = await inner.evaluate(() => ({
        scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        widget: document.querySelector("kyphoplasty-explainer").getBoundingClientRect().width,
        view: document.documentElement.clientWidth,
      }));
      assert.ok(inside.scroll <= 0, `the frame scrolls sideways by ${inside.scroll}px at ${width}px`);
      assert.equal(inside.widget, inside.view, "the widget fills the frame's width");
      if (width >= 1280) {
        const fits = await inner.evaluate(() => document.documentElement.scrollHeight <= innerHeight);
        assert.ok(fits, "on a wide page the whole widget fits the frame without scrolling");
      }
    } finally {
      await page.context().close();
    }
  }
});

test("with ?parent=<host origin> the frame posts its height to the host, which sizes the frame", async () => {
  for (const width of [1280, 390]) {
    const { page, inner, errors } = await open("/resize.html", { width });
    try {
      await page.waitForFunction(() => window.__heights.length > 0);
      const messages = await page.evaluate(() => window.__heights);
      for (const m of messages) {
        assert.equal(m.origin, sites.cdn.origin, "sent from the CDN's origin");
        assert.equal(m.data.type, "kyphoplasty-explainer:height");
        assert.ok(Number.isInteger(m.data.height) && m.data.height > 300, JSON.stringify(m.data));
      }
      // The host's recipe applied the height: the frame shows the whole widget, no inner scrolling.
      await page.waitForFunction(() => {
        const f = document.getElementById("frame");
        return Math.abs(f.getBoundingClientRect().height - window.__heights.at(-1).data.height) < 1;
      });
      await page.waitForTimeout(300);
      const inside = await inner.evaluate(() => ({
        body: Math.ceil(document.body.getBoundingClientRect().height),
        view: innerHeight,
        scroll: document.documentElement.scrollHeight - innerHeight,
      }));
      assert.ok(Math.abs(inside.body - inside.view) <= 1, `frame ${inside.view}px tall for ${inside.body}px of content at ${width}px`);
      assert.ok(inside.scroll <= 1, `no scrolling inside the frame (${inside.scroll}px)`);

      // The height follows the content: the frame gets narrower, the widget taller.
      const before = (await page.evaluate(() => window.__heights.at(-1).data.height));
      await page.setViewportSize({ width: width === 1280 ? 700 : 330, height: 900 });
      await page.waitForFunction((h) => window.__heights.at(-1).data.height !== h, before);
      const { violations } = await recorded(page);
      assert.deepEqual(violations, []);
      assert.deepEqual((await recorded(inner)).console.filter((m) => m.level === "warn" || m.level === "error"), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  }
});

test("at its exact height on a phone, a step tapped below the pictures brings them back into the page's sight; a key does not move the page", async () => {
  const { page, frame, errors } = await open("/resize.html", { width: 390, height: 740 });
  try {
    await page.waitForFunction(() => window.__heights.length > 0 && Math.abs(document.getElementById("frame").getBoundingClientRect().height - window.__heights.at(-1).data.height) < 1);
    const w = frame.locator("kyphoplasty-explainer");
    const pictures = w.getByLabel(`${UI.heading}: `, { exact: false }).first();
    const next = w.getByRole("button", { name: UI.next, exact: true });
    await next.scrollIntoViewIfNeeded();
    assert.ok((await pictures.boundingBox()).y < -200, "the pictures are above the screen");
    // (The page starts the frame at the inflation step, the fifth.)
    await next.click();
    await frameLive(frame, announcement(5));
    let top;
    for (let i = 0; i < 40 && !((top = (await pictures.boundingBox()).y) > -2 && top < 40); i++) await page.waitForTimeout(50);
    assert.ok(top > -2 && top < 40, `the pictures' top at the screen's top after the tap: ${top}`);
    // With the keyboard, the page stays where the focused button is.
    await next.scrollIntoViewIfNeeded();
    const before = await page.evaluate(() => scrollY);
    await next.focus();
    await page.keyboard.press("Enter");
    await frameLive(frame, announcement(6));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => scrollY), before, "a key does not scroll the page");
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

/** A host page with one frame whose query is `query`; `policy` is the iframe's referrerpolicy. */
function framePage(path, query, policy = "") {
  sites.host.page(
    path,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame</title>
<link rel="stylesheet" href="/iframe.css"></head><body>
<iframe class="kx-auto" id="frame" src="{{CDN}}embed.html?${query}" title="How balloon kyphoplasty works"${policy ? ` referrerpolicy="${policy}"` : ""}></iframe>
</body></html>`,
  );
}

test("the height goes only to the origin named, and only when that origin really embeds the frame", async () => {
  const cases = [
    { path: "/parent-evil.html", query: "parent=https%3A%2F%2Fevil.example", posts: false, warn: /not the page that embeds this frame/ },
    { path: "/parent-junk.html", query: "parent=javascript%3Aalert(1)", posts: false, warn: /not an origin/ },
    { path: "/parent-path.html", query: "parent={{HOST}}/some/page", posts: false, warn: /not an origin/ },
    { path: "/parent-none.html", query: "start=2", posts: false, warn: null },
    // No referrer at all: Chromium still knows the parent from location.ancestorOrigins.
    { path: "/parent-noref.html", query: "parent={{HOST}}", policy: "no-referrer", posts: true, warn: null },
  ];
  for (const c of cases) {
    framePage(c.path, c.query, c.policy);
    const { page, inner, errors } = await open(c.path);
    try {
      await page.waitForTimeout(800);
      const heights = await page.evaluate(() => window.__heights);
      assert.equal(heights.length > 0, c.posts, `${c.path}: ${JSON.stringify(heights)}`);
      if (c.posts) assert.ok(heights.every((m) => m.origin === sites.cdn.origin));
      const warnings = (await recorded(inner)).console.filter((m) => m.level === "warn" || m.level === "error");
      if (c.warn) {
        assert.equal(warnings.length, 1, `${c.path}: ${JSON.stringify(warnings)}`);
        assert.match(warnings[0].text, c.warn);
      } else {
        assert.deepEqual(warnings, [], c.path);
      }
      assert.deepEqual(errors, []);
    } finally {
      await page.context().close();
    }
  }
});
