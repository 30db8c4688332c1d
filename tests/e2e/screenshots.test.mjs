// Screenshots of every step of the first widget at 360 px and 1280 px wide, each taken at the end
// of the step's animation (the fake clock runs the animation through, then the SVG must hold
// still). Written to tests/screenshots/steps/ (git-ignored), e.g. w360-step03-hollow-needle.png.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import {
  server, browser, useBrowser,
  openPage, widget, bringUp, expectLive, announcement, untilStill, shotsDir,
  CONTENT,
} from "./harness.mjs";

const STEPS = CONTENT.steps;
const DIR = shotsDir("steps");
useBrowser();

for (const width of [360, 1280]) {
  test(`every step at ${width} px, at the end of its animation`, async () => {
    const page = await openPage(browser, { width, height: 900, clock: true });
    try {
      await page.goto(server.url);
      await bringUp(page, 0);
      const w = widget(page, 0);
      const next = w.getByRole("button", { name: CONTENT.ui.next, exact: true });
      for (let i = 0; i < STEPS.length; i++) {
        if (i > 0) await next.click();
        await expectLive(page, announcement(i));
        // Clean pictures: no hover or focus ring left on the Next button.
        await page.mouse.move(0, 0);
        await page.evaluate(() => document.activeElement?.blur());
        await page.clock.runFor(6000);
        await untilStill(page, 0, { clock: true, quiet: 500 });
        const n = String(i + 1).padStart(2, "0");
        await w.screenshot({ path: join(DIR, `w${width}-step${n}-${STEPS[i].id}.png`), animations: "disabled" });
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px at ${width}px wide`);
      const box = await w.boundingBox();
      assert.ok(box.x >= 0 && box.x + box.width <= width + 0.5, `the widget (${box.x}..${box.x + box.width}) fits ${width}px`);
    } finally {
      await page.context().close();
    }
  });
}
