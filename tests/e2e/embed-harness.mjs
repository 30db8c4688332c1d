// Shared helpers of the embed-*.test.mjs files: a host page and a CDN on two origins (two ports of
// 127.0.0.1), so the widget is tested the way clinics embed it.
//
//   host: http://127.0.0.1:A/            test pages from tests/pages/, or pages a test sets
//   cdn:  http://127.0.0.1:B/cdn/kyphoplasty/v1/   a snapshot of the build (KX_DIST or dist/),
//         with Access-Control-Allow-Origin: *, application/wasm, and the cache headers the
//         README recommends
//
// In tests/pages/*.html, {{CDN}} becomes the CDN folder's URL (ending in /), {{HOST}} the host's
// origin, and {{EMBED}} the loader's script tag (or nothing, when the URL has ?without-embed).
import { createServer } from "node:http";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { before, after } from "node:test";
import { DIST, ROOT, launch } from "./harness.mjs";

export const PAGES = join(ROOT, "tests", "pages");
export const CDN_PATH = "/cdn/kyphoplasty/v1/";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

function listen(handler) {
  return new Promise((ok, fail) => {
    const server = createServer(handler);
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => ok(server));
  });
}

/** The sites and browser a test file shares (live bindings, set by `useSites`). */
export let sites, browser;

/** Starts the two sites and the browser before this file's tests; stops both after them. */
export function useSites() {
  before(async () => {
    sites = await startSites();
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    sites?.close();
  });
}

/**
 * Starts the host and the CDN. Returns:
 *   host.url(path)        absolute URL of a host page
 *   host.origin
 *   host.page(path, html, headers)   serve `html` (placeholders filled) at `path`
 *   host.headers(path, headers)      extra response headers for a page from tests/pages/
 *   cdn.base              the CDN folder's URL, ending in "/"
 *   cdn.origin
 *   cdn.fail(re, status)  answer requests whose path matches `re` with `status` (null: stop)
 *   cdn.headers(name, headers)  extra response headers for one CDN file (e.g. embed.html)
 *   requests              every request either server saw: { server, method, path, headers }
 *   close()
 */
export async function startSites({ dist = DIST } = {}) {
  if (!existsSync(join(dist, "embed.js")) || !existsSync(join(dist, "embed.html"))) {
    throw new Error(`${dist} has no embed.js / embed.html: run \`trunk build --release\` first`);
  }
  const snapshot = mkdtempSync(join(tmpdir(), "kx-cdn-"));
  cpSync(dist, snapshot, { recursive: true });
  const requests = [];
  const pages = new Map();
  const pageHeaders = new Map();
  const cdnHeaders = new Map();
  const failures = [];
  let host, cdn;

  const fill = (html, url) => {
    const embed = url.searchParams.has("without-embed") ? "" : `<script src="${cdnBase()}embed.js" async></script>`;
    return html.replaceAll("{{EMBED}}", embed).replaceAll("{{CDN}}", cdnBase()).replaceAll("{{HOST}}", hostOrigin());
  };
  const hostOrigin = () => `http://127.0.0.1:${host.address().port}`;
  const cdnOrigin = () => `http://127.0.0.1:${cdn.address().port}`;
  const cdnBase = () => cdnOrigin() + CDN_PATH;

  host = await listen((req, res) => {
    const url = new URL(req.url, "http://x");
    requests.push({ server: "host", method: req.method, path: url.pathname + url.search, headers: req.headers });
    const extra = pageHeaders.get(url.pathname) ?? {};
    if (pages.has(url.pathname)) {
      const { html, headers } = pages.get(url.pathname);
      res.writeHead(200, { "Content-Type": TYPES[".html"], "Cache-Control": "no-store", ...headers, ...extra });
      res.end(fill(html, url));
      return;
    }
    if (url.pathname === "/favicon.ico") {
      res.writeHead(204);
      res.end();
      return;
    }
    const file = resolve(PAGES, "." + normalize(decodeURIComponent(url.pathname)));
    if (!file.startsWith(PAGES + "/") || !existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("not found");
      return;
    }
    const type = TYPES[extname(file)] ?? "application/octet-stream";
    const body = extname(file) === ".html" ? fill(readFileSync(file, "utf8"), url) : readFileSync(file);
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", ...extra });
    res.end(body);
  });

  cdn = await listen((req, res) => {
    const url = new URL(req.url, "http://x");
    requests.push({ server: "cdn", method: req.method, path: url.pathname + url.search, headers: req.headers });
    const cors = { "Access-Control-Allow-Origin": "*" };
    if (req.method === "OPTIONS") {
      res.writeHead(204, { ...cors, "Access-Control-Allow-Methods": "GET", "Access-Control-Max-Age": "600" });
      res.end();
      return;
    }
    const failing = failures.find((f) => f.re.test(url.pathname));
    if (failing) {
      res.writeHead(failing.status, { "Content-Type": "text/plain", ...cors });
      res.end(`status ${failing.status}`);
      return;
    }
    if (!url.pathname.startsWith(CDN_PATH)) {
      res.writeHead(404, { "Content-Type": "text/plain", ...cors });
      res.end("not found");
      return;
    }
    const name = decodeURIComponent(url.pathname.slice(CDN_PATH.length)) || "index.html";
    const file = resolve(snapshot, normalize(name));
    if (!file.startsWith(snapshot + "/") || !existsSync(file)) {
      res.writeHead(404, { "Content-Type": "text/plain", ...cors });
      res.end("not found");
      return;
    }
    // Hashed names never change: cache them for a year; the stable names only briefly.
    const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/.test(name);
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
      ...cors,
      ...(cdnHeaders.get(name) ?? {}),
    });
    res.end(readFileSync(file));
  });

  return {
    requests,
    host: {
      get origin() { return hostOrigin(); },
      url: (path) => hostOrigin() + path,
      page: (path, html, headers = {}) => pages.set(path, { html, headers }),
      headers: (path, headers) => pageHeaders.set(path, headers),
    },
    cdn: {
      get origin() { return cdnOrigin(); },
      get base() { return cdnBase(); },
      fail(re, status) {
        failures.length = 0;
        if (status) failures.push({ re, status });
      },
      headers: (name, headers) => cdnHeaders.set(name, headers),
    },
    close() {
      host.closeAllConnections?.();
      cdn.closeAllConnections?.();
      host.close();
      cdn.close();
      rmSync(snapshot, { recursive: true, force: true });
    },
  };
}

/**
 * An init script that records, in every frame: Content-Security-Policy violations
 * (window.__kxViolations), dialogs the page opened (alert/confirm/prompt), and the page's own
 * console calls (window.__kxConsole: what scripts logged, not the browser's network messages).
 */
export const RECORDER = () => {
  window.__kxViolations = [];
  window.__kxConsole = [];
  document.addEventListener(
    "securitypolicyviolation",
    (e) => window.__kxViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample }),
    true,
  );
  for (const level of ["log", "info", "warn", "error", "debug"]) {
    const original = console[level];
    console[level] = function (...args) {
      window.__kxConsole.push({ level, text: args.map(String).join(" ") });
      return original.apply(this, args);
    };
  }
};

/** What RECORDER saw in `frame` (a Page or a Frame). */
export function recorded(frame) {
  return frame.evaluate(() => ({ violations: window.__kxViolations ?? null, console: window.__kxConsole ?? null }));
}

/**
 * Compares two PNG screenshots pixel by pixel inside the browser (no image library needed).
 * Returns { width, height, sameSize, different, ratio }: `different` counts pixels whose
 * channels differ by more than `tolerance` (0-255).
 */
export async function comparePngs(browser, a, b, tolerance = 24) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    return await page.evaluate(
      async ([a64, b64, tol]) => {
        const decode = async (s) => {
          const blob = await (await fetch(`data:image/png;base64,${s}`)).blob();
          const bitmap = await createImageBitmap(blob);
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const ctx = canvas.getContext("2d");
          ctx.drawImage(bitmap, 0, 0);
          return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
        };
        const [x, y] = await Promise.all([decode(a64), decode(b64)]);
        const sameSize = x.width === y.width && x.height === y.height;
        const width = Math.min(x.width, y.width);
        const height = Math.min(x.height, y.height);
        let different = 0;
        for (let row = 0; row < height; row++) {
          for (let col = 0; col < width; col++) {
            const i = (row * x.width + col) * 4;
            const j = (row * y.width + col) * 4;
            if (
              Math.abs(x.data[i] - y.data[j]) > tol ||
              Math.abs(x.data[i + 1] - y.data[j + 1]) > tol ||
              Math.abs(x.data[i + 2] - y.data[j + 2]) > tol
            ) different++;
          }
        }
        return { width: [x.width, y.width], height: [x.height, y.height], sameSize, different, ratio: different / (width * height) };
      },
      [a.toString("base64"), b.toString("base64"), tolerance],
    );
  } finally {
    await context.close();
  }
}

/** The widget `n` of `frame` (a Page or a Frame): its host element as a Locator. */
export const explainer = (frame, n = 0) => frame.locator("kyphoplasty-explainer").nth(n);
