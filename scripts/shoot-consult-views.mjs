// Development aid: screenshots of consult mode's AP projection, spine overview and vertebroplasty
// comparison. Usage: KX_DIST=... node scripts/shoot-consult-views.mjs [width] [height] [outdir]
import { serve, launch, openPage, widget, bringUp, CONTENT } from "../tests/e2e/harness.mjs";
import { join } from "node:path";

const width = Number(process.argv[2] || 1280);
const height = Number(process.argv[3] || 800);
const out = process.argv[4] || "/tmp/views-shots";
const server = await serve(process.env.KX_DIST || undefined);
const browser = await launch();
const page = await openPage(browser, { width, height, reducedMotion: "reduce" });
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(server.url);
await bringUp(page);
await widget(page).evaluate((e) => e.setAttribute("mode", "consult"));
const w = widget(page);
await w.getByRole("group", { name: CONTENT.ui.patient_settings }).waitFor();
await w.getByRole("button", { name: CONTENT.ui.xray_view }).click();
await w.getByRole("button", { name: CONTENT.ui.ap, exact: true }).click();
const steps = process.argv[5] ? process.argv[5].split(",").map(Number) : [0, 2, 3, 4, 5, 6, 7];
for (const i of steps) {
  await w.getByRole("button", { name: CONTENT.steps[i].consult.title }).click();
  await page.waitForTimeout(700);
  await w.locator("svg.coronal-diagram").screenshot({ path: join(out, `ap-${width}-step${i + 1}.png`) });
}
await w.screenshot({ path: join(out, `widget-${width}-ap.png`) });
await w.getByLabel(CONTENT.ui.balloons).selectOption("1");
await w.getByLabel(CONTENT.ui.level).selectOption("T8");
await w.getByLabel(CONTENT.ui.severity).selectOption("3");
await page.waitForTimeout(300);
await w.locator("svg.coronal-diagram").screenshot({ path: join(out, `ap-${width}-one-T8-g3.png`) });
await w.getByRole("button", { name: CONTENT.ui.compare_open }).click();
await page.waitForTimeout(300);
await w.getByRole("region", { name: CONTENT.ui.compare_title }).screenshot({ path: join(out, `compare-${width}.png`) });
await w.locator(".kx-consult-row").screenshot({ path: join(out, `settings-${width}.png`) });
await page.screenshot({ path: join(out, `page-${width}.png`), fullPage: false });
await browser.close();
server.close();
