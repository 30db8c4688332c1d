// Development aid: screenshots of consult mode's AP projection at steps 3, 5 and 7 for L1 with two
// balloons, T8 with two levels and the extrapedicular route, and L1 with one balloon.
// Usage: KX_DIST=... node scripts/shoot-ap.mjs [width] [height] [outdir]
import { serve, launch, openPage, widget, bringUp, CONTENT } from "../tests/e2e/harness.mjs";
import { join } from "node:path";

const width = Number(process.argv[2] || 1280);
const height = Number(process.argv[3] || 800);
const out = process.argv[4] || "/tmp/ap-shots";
const ui = CONTENT.ui;
const server = await serve(process.env.KX_DIST || undefined);
const browser = await launch();
const page = await openPage(browser, { width, height, reducedMotion: "reduce" });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(server.url);
await bringUp(page);
await widget(page).evaluate((e) => e.setAttribute("mode", "consult"));
const w = widget(page);
await w.getByRole("group", { name: ui.patient_settings }).waitFor();
await w.getByRole("button", { name: ui.xray_view }).click();
await w.getByRole("button", { name: ui.ap, exact: true }).click();
const cases = [
  ["L1-two", async () => {}],
  ["T8-2lv-extra", async () => {
    await w.getByLabel(ui.level).selectOption("T8");
    await w.getByLabel(ui.levels_treated).selectOption("2");
    await w.getByLabel(ui.route).selectOption("extra");
  }],
  ["L1-one", async () => {
    await w.getByLabel(ui.level).selectOption("L1");
    await w.getByLabel(ui.levels_treated).selectOption("1");
    await w.getByLabel(ui.balloons).selectOption("1");
  }],
];
for (const [name, setup] of cases) {
  await setup();
  for (const i of [2, 4, 6]) {
    await w.getByRole("button", { name: CONTENT.steps[i].consult.title }).click();
    await page.waitForTimeout(700);
    await w.locator("svg.coronal-diagram").screenshot({ path: join(out, `ap-${width}-${name}-step${i + 1}.png`) });
  }
}
await w.screenshot({ path: join(out, `widget-${width}.png`) });
await browser.close();
server.close();
