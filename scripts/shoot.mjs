// Development aid: screenshots of every step of the first widget at one width.
// Usage: node scripts/shoot.mjs [width] [progress: end|mid]
import { serve, launch, widget, started, shotsDir } from "../tests/e2e/harness.mjs";
import { join } from "node:path";

const width = Number(process.argv[2] || 1280);
const server = await serve(process.env.KX_DIST || undefined);
const browser = await launch();
const page = await browser.newPage({ viewport: { width, height: 900 }, reducedMotion: process.argv[3] === "reduced" ? "reduce" : "no-preference" });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(server.url);
await widget(page).scrollIntoViewIfNeeded();
await started(page);
const dir = shotsDir("dev");
const next = widget(page).getByRole("button", { name: "Next step" });
for (let i = 0; i < 10; i++) {
  await page.waitForTimeout(process.argv[3] === "mid" ? 1500 : 5200);
  await widget(page).screenshot({ path: join(dir, `w${width}-step${i + 1}.png`) });
  await widget(page).getByRole("img").first().screenshot({ path: join(dir, `d${width}-step${i + 1}.png`) });
  if (i < 9) await next.click();
}
await browser.close();
server.close();
