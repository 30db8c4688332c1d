// Privacy, in both forms, after a full walk-through: requests go only to the host page's origin
// and the CDN's, no cookies are set or sent, nothing is stored (localStorage, sessionStorage,
// IndexedDB, Cache Storage, service workers), and the CDN never learns which page was read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, started, expectLive, announcement, CONTENT, TITLES } from "./harness.mjs";
import { sites, browser, useSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const N = TITLES.length;
useSites();

/** Everything a page (and its frames) could keep about the visitor. */
const storedIn = (frame) =>
  frame.evaluate(async () => ({
    cookie: document.cookie,
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: self.caches ? await caches.keys() : [],
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
const NOTHING = { cookie: "", local: [], session: [], indexedDB: [], caches: [], serviceWorkers: 0 };

/** Walks through one widget (`root` is a Page or a FrameLocator) with every control there is. */
async function walkThrough(page, root, live) {
  const w = root.locator("kyphoplasty-explainer");
  const button = (name) => w.getByRole("button", { name, exact: true });
  const waitLive = async (i) => {
    const end = Date.now() + 5000;
    while ((await live()) !== announcement(i) && Date.now() < end) await page.waitForTimeout(25);
    assert.equal(await live(), announcement(i));
  };
  const start = TITLES.indexOf(
    (await w.locator("[aria-live]").textContent()).replace(/^.*?: /, ""),
  );
  for (let i = start + 1; i < N; i++) {
    await button(UI.next).click();
    await waitLive(i);
  }
  for (let i = N - 2; i >= 0; i--) {
    await button(UI.previous).click();
    await waitLive(i);
  }
  for (const i of [6, 3]) {
    await w.getByRole("button", { name: TITLES[i], exact: true }).click();
    await waitLive(i);
  }
  await button(UI.play).click();
  await button(UI.pause).waitFor();
  await page.waitForTimeout(400);
  await button(UI.pause).click();
  await button(UI.labels).click();
  await button(UI.labels).click();
  for (const name of [UI.top_view, UI.side_view]) {
    const view = w.getByRole("button", { name, exact: true });
    if (await view.isVisible()) await view.click();
  }
  for (const name of [/Read aloud/i, /Larger text/i]) {
    const tool = w.getByRole("button", { name });
    if (await tool.count()) {
      await tool.first().click();
      await tool.first().click();
    }
  }
  await button(UI.about).click();
  await w.getByRole("note").waitFor();
  await button(UI.close).click();
  await page.waitForTimeout(500);
}

/** Checks the requests seen since index `from` and the cookie headers both servers got. */
async function checkRequests(page, urls, from) {
  assert.ok(urls.some((u) => u.endsWith(".wasm")), "the walk-through loaded the widget");
  const allowed = new Set([sites.host.origin, sites.cdn.origin]);
  const outside = urls.filter((u) => !allowed.has(new URL(u).origin));
  assert.deepEqual(outside, [], "requests to any origin but the host page's and the CDN's");
  const seen = sites.requests.slice(from);
  assert.deepEqual(seen.filter((r) => r.headers.cookie), [], "requests that carried cookies");
  // Cross-origin requests carry at most the host's origin, never the page's address.
  const leaked = seen.filter((r) => r.server === "cdn" && r.headers.referer && new URL(r.headers.referer).pathname !== "/" && !r.headers.referer.startsWith(sites.cdn.base));
  assert.deepEqual(leaked.map((r) => `${r.path} <- ${r.headers.referer}`), [], "the CDN learned which page was read");
  assert.deepEqual(await page.context().cookies(), []);
}

test("script form: after a full walk-through, only the host and the CDN were asked, nothing was stored", async () => {
  const from = sites.requests.length;
  const page = await openPage(browser, { width: 1280, height: 900 });
  const urls = [];
  page.context().on("request", (r) => urls.push(r.url()));
  try {
    await page.goto(sites.host.url("/plain.html"));
    await started(page);
    await expectLive(page, announcement(0));
    await walkThrough(page, page, () => explainer(page).locator("[aria-live]").textContent());
    await checkRequests(page, urls, from);
    assert.deepEqual(await storedIn(page), NOTHING);
    const state = await page.context().storageState();
    assert.deepEqual(state.origins.filter((o) => o.localStorage.length > 0), []);
  } finally {
    await page.context().close();
  }
});

test("iframe form: after a full walk-through, only the host and the CDN were asked, nothing was stored", async () => {
  const from = sites.requests.length;
  const page = await openPage(browser, { width: 1280, height: 900 });
  const urls = [];
  page.context().on("request", (r) => urls.push(r.url()));
  try {
    await page.addInitScript(RECORDER);
    await page.goto(sites.host.url("/iframe.html"));
    const frame = page.frameLocator("#frame");
    await frame.locator("kyphoplasty-explainer").getByRole("region", { name: UI.heading }).waitFor();
    await walkThrough(page, frame, () => frame.locator("kyphoplasty-explainer [aria-live]").textContent());
    await checkRequests(page, urls, from);
    const inner = page.frames().find((f) => f.url().startsWith(sites.cdn.base));
    assert.deepEqual(await storedIn(page), NOTHING, "the host page");
    assert.deepEqual(await storedIn(inner), NOTHING, "inside the frame");
    assert.deepEqual((await recorded(inner)).violations, [], "the walk-through kept to embed.html's own CSP");
  } finally {
    await page.context().close();
  }
});
