// After a full walk-through of both widgets (buttons, keyboard, list of steps, Play/Pause,
// labels, the "About" panel): no request left the test server, nothing was stored about the
// visitor, and the console stayed clean.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import {
  serve, launch, openPage, widget, bringUp, expectLive, announcement, watchConsole, untilStill,
  TITLES, CONTENT,
} from "./harness.mjs";

const N = TITLES.length;
const UI = CONTENT.ui;
let server, browser, page, consoleLog;
const requests = [];

before(async () => {
  server = await serve();
  browser = await launch();
  page = await openPage(browser, { width: 1280, height: 900 });
  page.context().on("request", (r) => requests.push(r.url()));
  consoleLog = watchConsole(page);
  await walkThrough();
});
after(async () => {
  await browser?.close();
  server?.close();
});

async function walkThrough() {
  await page.goto(server.url);
  await bringUp(page, 0);
  const w = widget(page, 0);
  const button = (name) => w.getByRole("button", { name, exact: true });

  for (let i = 1; i < N; i++) {
    await button(UI.next).click();
    await expectLive(page, announcement(i));
  }
  for (let i = N - 2; i >= 0; i--) {
    await button(UI.previous).click();
    await expectLive(page, announcement(i));
  }
  for (const i of [4, 7, 2]) {
    await w.getByRole("button", { name: TITLES[i], exact: true }).click();
    await expectLive(page, announcement(i));
  }
  await w.getByLabel(`${UI.heading}: `).first().focus();
  for (const key of ["ArrowRight", "ArrowLeft", "End", "Home"]) await page.keyboard.press(key);
  await expectLive(page, announcement(0));
  await page.keyboard.press("Space");
  await button(UI.pause).waitFor();
  await page.waitForTimeout(500);
  await button(UI.pause).click();
  await button(UI.play).waitFor();

  await button(UI.labels).click();
  await button(UI.labels).click();
  await button(UI.about).click();
  await w.getByRole("note", { name: UI.disclaimer_title }).waitFor();
  await button(UI.close).click();
  await w.getByRole("note").waitFor({ state: "detached" });

  await untilStill(page, 0);

  await bringUp(page, 1);
  const w2 = widget(page, 1);
  await w2.getByRole("button", { name: UI.next, exact: true }).click();
  await expectLive(page, announcement(5), 1);
  await untilStill(page, 1);
}

test("no request goes anywhere but the test server", () => {
  assert.ok(requests.some((u) => u.endsWith(".wasm")), "the walk-through loaded the widget");
  const outside = requests.filter((u) => new URL(u).origin !== server.origin);
  assert.deepEqual(outside, [], "requests to other hosts");
});

test("no cookies", async () => {
  assert.deepEqual(await page.context().cookies(), []);
  assert.equal(await page.evaluate(() => document.cookie), "");
});

test("nothing in localStorage, sessionStorage, IndexedDB, Cache Storage; no service worker", async () => {
  const stored = await page.evaluate(async () => ({
    local: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    indexedDB: (await indexedDB.databases()).map((d) => d.name),
    caches: self.caches ? await caches.keys() : [],
    serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  }));
  assert.deepEqual(stored, { local: [], session: [], indexedDB: [], caches: [], serviceWorkers: 0 });
  const state = await page.context().storageState();
  assert.deepEqual(state.origins.filter((o) => o.localStorage.length > 0), []);
});

test("no console errors, page errors or widget warnings (a 404 for /favicon.ico aside)", () => {
  const problems = consoleLog.problems();
  assert.deepEqual(problems, [], JSON.stringify(problems, null, 2));
});
