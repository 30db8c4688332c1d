// Development aid: consult mode with drawings on both pictures, in the illustration and the
// X-ray style, and on the AP projection. Usage: KX_DIST=... node scripts/shoot-draw.mjs [width] [height]
import { serve, launch, widget, bringUp, shotsDir, CONTENT } from "../tests/e2e/harness.mjs";
import { join } from "node:path";

const width = Number(process.argv[2] || 1280);
const height = Number(process.argv[3] || 800);
const server = await serve(process.env.KX_DIST || undefined);
const browser = await launch();
const page = await browser.newPage({ viewport: { width, height } });
page.on("console", (m) => console.log("console:", m.type(), m.text()));
page.on("pageerror", (e) => console.log("pageerror:", e.message));
await page.goto(server.url);
await bringUp(page);
await page.locator("kyphoplasty-explainer").first().evaluate((e) => e.setAttribute("mode", "consult"));
const w = widget(page);
await w.getByRole("group", { name: CONTENT.ui.patient_settings }).waitFor();
await w.getByRole("button", { name: CONTENT.steps[4].consult.title }).click();
await page.waitForTimeout(5500);
await w.getByRole("button", { name: CONTENT.ui.draw, exact: true }).click();

/** Drags through points given in a picture's user units. */
async function drag(layer, size, pts) {
  await layer.scrollIntoViewIfNeeded();
  const b = await layer.boundingBox();
  const s = Math.min(b.width / size[0], b.height / size[1]);
  const ox = b.x + (b.width - size[0] * s) / 2, oy = b.y + (b.height - size[1] * s) / 2;
  const at = ([x, y]) => [ox + x * s, oy + y * s];
  await page.mouse.move(...at(pts[0]));
  await page.mouse.down();
  for (const p of pts.slice(1)) await page.mouse.move(...at(p), { steps: 4 });
  await page.mouse.up();
}
const circle = (cx, cy, rx, ry, n = 40) =>
  Array.from({ length: n + 1 }, (_, i) => [cx + rx * Math.cos((i / n) * 2 * Math.PI), cy + ry * Math.sin((i / n) * 2 * Math.PI)]);

const side = w.locator("svg.kx-ink").first();
const top = w.locator("svg.kx-ink").nth(1);
const visible = async (l) => (await l.boundingBox())?.width > 0;
await drag(side, [272, 240], circle(90, 122, 34, 24));
await w.getByRole("button", { name: CONTENT.ui.arrow, exact: true }).click();
await w.getByRole("button", { name: CONTENT.ui.yellow, exact: true }).click();
await w.getByRole("button", { name: CONTENT.ui.arrow, exact: true }).click();
await drag(side, [272, 240], [[30, 60], [64, 104]]);
await w.getByRole("button", { name: CONTENT.ui.highlighter, exact: true }).click();
await w.getByRole("button", { name: CONTENT.ui.blue, exact: true }).click();
if (!(await visible(top))) await w.getByRole("button", { name: CONTENT.ui.top_view, exact: true }).click();
await drag(top, [240, 230], [[70, 60], [100, 70], [140, 70], [170, 60]]);
await w.getByRole("button", { name: CONTENT.ui.pen, exact: true }).click();
await w.getByRole("button", { name: CONTENT.ui.green, exact: true }).click();
await drag(top, [240, 230], [[120, 110], [120, 150], [115, 145], [120, 150], [125, 145]]);
if (!(await visible(side))) await w.getByRole("button", { name: CONTENT.ui.side_view, exact: true }).click();

const dir = shotsDir("dev");
await w.getByRole("group", { name: CONTENT.ui.drawing_tools }).scrollIntoViewIfNeeded();
await page.screenshot({ path: join(dir, `draw-${width}-illustration.png`) });
await w.screenshot({ path: join(dir, `draw-${width}-widget.png`) });
await w.getByRole("button", { name: CONTENT.ui.xray_view, exact: true }).click();
await w.getByRole("group", { name: CONTENT.ui.drawing_tools }).scrollIntoViewIfNeeded();
await page.waitForTimeout(200);
await page.screenshot({ path: join(dir, `draw-${width}-xray.png`) });
await w.locator(".kx-views").screenshot({ path: join(dir, `draw-${width}-xray-views.png`) });
// The AP projection has a drawing of its own.
await w.getByRole("button", { name: CONTENT.ui.ap, exact: true }).click();
const ap = w.locator("svg.kx-ink").first();
await w.getByRole("button", { name: CONTENT.ui.red, exact: true }).click();
await drag(ap, [240, 240], circle(120, 118, 40, 22));
await w.locator(".kx-views").screenshot({ path: join(dir, `draw-${width}-ap-views.png`) });
await w.getByRole("button", { name: CONTENT.ui.lateral, exact: true }).click();
// Full screen (the widget fills the window): the drawing stays on the anatomy.
await w.getByRole("button", { name: CONTENT.ui.full_screen, exact: true }).click();
await page.waitForTimeout(400);
await page.screenshot({ path: join(dir, `draw-${width}-full.png`) });
await browser.close();
server.close();
