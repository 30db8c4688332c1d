// The element's JavaScript API and DOM events, used from the host page: goTo/next/previous/
// play/pause/currentStep, `stepchange` and `complete`, removing and re-adding the element,
// loading embed.js twice, and changing an attribute while the widget runs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, started, expectLive, announcement, CONTENT, TITLES } from "./harness.mjs";
import { sites, browser, useSites, explainer, RECORDER, recorded } from "./embed-harness.mjs";

const UI = CONTENT.ui;
const N = TITLES.length;
const STEP = (index) => ({ index, id: CONTENT.steps[index].id, total: N });
useSites();

/**
 * Opens /plain.html with the widget started. The page records every `stepchange` and `complete`
 * event that reaches the document (window.__events) and counts requestAnimationFrame calls.
 */
async function ready() {
  const page = await openPage(browser, { width: 1280, height: 900 });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.addInitScript(RECORDER);
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["stepchange", "complete"]) {
      document.addEventListener(type, (e) =>
        window.__events.push({ type, detail: e.detail, target: e.target.tagName.toLowerCase(), composed: e.composed }),
      );
    }
    window.__frames = 0;
    const raf = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      window.__frames++;
      return raf(cb);
    };
  });
  await page.goto(sites.host.url("/plain.html"));
  await started(page);
  return { page, errors };
}

const events = (page) => page.evaluate(() => window.__events.splice(0));
const call = (page, fn, arg) =>
  page.evaluate(([f, a]) => {
    const el = document.querySelector("kyphoplasty-explainer");
    return a === undefined ? el[f]() : el[f](a);
  }, [fn, arg]);
const currentStep = (page) => page.evaluate(() => document.querySelector("kyphoplasty-explainer").currentStep);

test("goTo, next, previous and currentStep, with a stepchange event for each move", async () => {
  const { page, errors } = await ready();
  try {
    assert.deepEqual(await currentStep(page), STEP(0));
    assert.deepEqual(await events(page), [], "no stepchange when the widget starts");

    assert.equal(await call(page, "goTo", "bone-cement"), true);
    await expectLive(page, announcement(6));
    assert.deepEqual(await currentStep(page), STEP(6));
    await call(page, "next");
    await expectLive(page, announcement(7));
    await call(page, "previous");
    await call(page, "previous");
    await expectLive(page, announcement(5));
    assert.equal(await call(page, "goTo", 2), true, "an index from 0 works too");
    await expectLive(page, announcement(2));
    await explainer(page).getByRole("button", { name: UI.next, exact: true }).click();
    await expectLive(page, announcement(3));

    const seen = await events(page);
    assert.deepEqual(
      seen.map((e) => e.detail),
      [STEP(6), STEP(7), STEP(6), STEP(5), STEP(2), STEP(3)],
      "one stepchange per move, from the API and from the buttons",
    );
    assert.ok(seen.every((e) => e.type === "stepchange" && e.target === "kyphoplasty-explainer" && e.composed));

    for (const bad of ["no-such-step", 99, -1, 1.5]) {
      assert.equal(await call(page, "goTo", bad), false, `goTo(${JSON.stringify(bad)})`);
    }
    assert.deepEqual(await currentStep(page), STEP(3), "a bad goTo changes nothing");
    assert.deepEqual(await events(page), []);
    const { console: logged } = await recorded(page);
    const warnings = logged.filter((m) => m.level === "warn");
    assert.equal(warnings.length, 4, `one warning per bad goTo: ${JSON.stringify(warnings)}`);
    assert.ok(warnings.every((w) => /goTo\(\)/.test(w.text)));
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("play and pause from the page; complete fires once at the end", async () => {
  const { page, errors } = await ready();
  try {
    await call(page, "play");
    await explainer(page).getByRole("button", { name: UI.pause, exact: true }).waitFor();
    await call(page, "pause");
    await explainer(page).getByRole("button", { name: UI.play, exact: true }).waitFor();
    await events(page);

    await call(page, "goTo", "risks");
    await expectLive(page, announcement(N - 1));
    await page.waitForFunction(() => window.__events.some((e) => e.type === "complete"), null, { timeout: 15000 });
    await page.waitForTimeout(500);
    const seen = await events(page);
    assert.deepEqual(
      seen.map((e) => [e.type, e.detail]),
      [["stepchange", STEP(N - 1)], ["complete", STEP(N - 1)]],
    );
    assert.ok(seen.every((e) => e.target === "kyphoplasty-explainer"));
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("removing the element cleans up; adding it again starts a fresh widget", async () => {
  const { page, errors } = await ready();
  try {
    await call(page, "goTo", "balloon-inflated");
    await expectLive(page, announcement(4));
    await call(page, "play");
    await page.waitForTimeout(300);
    await page.evaluate(() => {
      window.__kept = document.querySelector("kyphoplasty-explainer");
      window.__kept.remove();
    });
    await page.waitForTimeout(200);
    const removed = await page.evaluate(async () => {
      const el = window.__kept;
      const frames = window.__frames;
      el.next();
      el.play();
      await new Promise((r) => setTimeout(r, 800));
      return {
        // The empty mount point may stay (it is reused on re-adding); nothing of the widget does.
        widgetParts: el.shadowRoot ? el.shadowRoot.querySelectorAll("section, svg, button, p").length : 0,
        currentStep: el.currentStep,
        goTo: el.goTo(3),
        framesAfterRemoval: window.__frames - frames,
      };
    });
    assert.deepEqual(removed, { widgetParts: 0, currentStep: null, goTo: false, framesAfterRemoval: 0 },
      "a removed widget leaves nothing behind: no content, no API, no animation frames");
    assert.deepEqual(await events(page).then((e) => e.filter((x) => x.type === "stepchange" && x.detail.index > 5)), [],
      "no events after removal");

    await page.evaluate(() => document.querySelector(".box").append(window.__kept));
    await started(page);
    await expectLive(page, announcement(0));
    assert.deepEqual(await currentStep(page), STEP(0), "the re-added widget starts afresh, at its start step");
    await explainer(page).getByRole("button", { name: UI.next, exact: true }).click();
    await expectLive(page, announcement(1));
    assert.equal(await page.evaluate(() => document.querySelector("kyphoplasty-explainer").shadowRoot.querySelectorAll(".kx-root").length), 1);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("loading embed.js twice is harmless", async () => {
  const before = sites.requests.length;
  const { page, errors } = await ready();
  try {
    const first = await page.evaluate(() => customElements.get("kyphoplasty-explainer"));
    await page.addScriptTag({ url: `${sites.cdn.base}embed.js` });
    await page.addScriptTag({ url: `${sites.cdn.base}embed.js?again` });
    await page.evaluate(() => {
      const el = document.createElement("kyphoplasty-explainer");
      el.setAttribute("start", "recovery");
      el.id = "second";
      document.querySelector(".box").prepend(el);
    });
    await started(page, 0);
    await expectLive(page, announcement(8), 0);
    await expectLive(page, announcement(0), 1);
    assert.deepEqual(await page.evaluate(() => customElements.get("kyphoplasty-explainer")), first);
    await explainer(page, 1).getByRole("button", { name: UI.next, exact: true }).click();
    await expectLive(page, announcement(1), 1);
    await expectLive(page, announcement(8), 0);
    const fetched = sites.requests.slice(before).filter((r) => /kyphoplasty-explainer-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.path));
    assert.equal(fetched.length, 2, `the glue and the .wasm were fetched once each: ${fetched.map((r) => r.path)}`);
    const { console: logged } = await recorded(page);
    assert.deepEqual(logged.filter((m) => m.level === "warn" || m.level === "error"), []);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});

test("changing an attribute updates the widget in place, at the same step", async () => {
  const { page, errors } = await ready();
  try {
    const next = explainer(page).getByRole("button", { name: UI.next, exact: true });
    await page.evaluate(() => {
      window.__host = document.querySelector("kyphoplasty-explainer");
      window.__root = window.__host.shadowRoot;
    });
    await call(page, "goTo", "balloon-placed");
    await expectLive(page, announcement(3));
    assert.equal(await next.evaluate((el) => getComputedStyle(el).backgroundColor), "rgb(29, 106, 134)");

    await page.evaluate(() => document.querySelector("kyphoplasty-explainer").setAttribute("accent", "#b00020"));
    await page.waitForFunction(() => {
      const b = document.querySelector("kyphoplasty-explainer").shadowRoot.querySelector(".kx-primary");
      return b && getComputedStyle(b).backgroundColor === "rgb(176, 0, 32)";
    });
    assert.deepEqual(await currentStep(page), STEP(3), "still at the same step");
    await expectLive(page, announcement(3));
    const same = await page.evaluate(() => {
      const el = document.querySelector("kyphoplasty-explainer");
      return { host: el === window.__host, root: el.shadowRoot === window.__root, mounts: el.shadowRoot.querySelectorAll(".kx-root").length };
    });
    assert.deepEqual(same, { host: true, root: true, mounts: 1 });

    await page.evaluate(() => document.querySelector("kyphoplasty-explainer").setAttribute("clinic-name", "Renamed Clinic"));
    await page.waitForTimeout(200);
    await call(page, "goTo", "risks");
    await expectLive(page, announcement(N - 1));
    assert.match(await explainer(page).getByRole("complementary").textContent(), /Renamed Clinic/);

    await page.evaluate(() => document.querySelector("kyphoplasty-explainer").setAttribute("start", "getting-ready"));
    await expectLive(page, announcement(1));

    await page.evaluate(() => document.querySelector("kyphoplasty-explainer").setAttribute("accent", "url(x)"));
    await page.waitForFunction(() => {
      const b = document.querySelector("kyphoplasty-explainer").shadowRoot.querySelector(".kx-primary");
      return b && getComputedStyle(b).backgroundColor === "rgb(29, 106, 134)";
    });
    const { console: logged } = await recorded(page);
    const warnings = logged.filter((m) => m.level === "warn");
    assert.equal(warnings.length, 1, `one warning for the bad accent: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0].text, /accent="url\(x\)"/);
    assert.deepEqual(errors, []);
  } finally {
    await page.context().close();
  }
});
