// Shared end-to-end harness: serves the built dist/ on a free loopback port and launches
// Debian's Chromium through playwright-core. Tests use the page as a person does: roles, names
// and the live region's text.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const DIST = join(ROOT, "dist");
export const SHOTS = join(ROOT, "tests", "screenshots");

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** Serves `dir` on 127.0.0.1; returns { url, close }. */
export async function serve(dir = DIST) {
  const port = await freePort();
  const child = spawn("python3", ["-m", "http.server", String(port), "--bind", "127.0.0.1", "--directory", dir], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, close: () => child.kill() };
}

/** Launches headless Chromium with flags that keep it off the network. */
export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** The first widget on the page (a Locator that pierces its open shadow root). */
export function widget(page, n = 0) {
  return page.locator("kyphoplasty-explainer").nth(n);
}

/** Waits until widget `n` has started (its shadow root holds the region). */
export async function started(page, n = 0) {
  await widget(page, n).getByRole("region", { name: "How balloon kyphoplasty works" }).waitFor();
}

/** The live region's text of widget `n`. */
export function liveText(page, n = 0) {
  return widget(page, n).locator("[aria-live]").textContent();
}

/** Waits until the widget's current step has finished animating (no frame requested). */
export async function settle(page, ms = 6000) {
  await page.waitForTimeout(50);
  await page.clock?.runFor?.(0).catch(() => {});
  await page.waitForTimeout(ms);
}

export function shotsDir(...sub) {
  const d = join(SHOTS, ...sub);
  mkdirSync(d, { recursive: true });
  return d;
}
