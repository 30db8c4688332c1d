// Trunk post-build hook. Trunk has built the patients' variant of the WebAssembly (index.html:
// cargo --no-default-features, wasm-bindgen, wasm-opt); this builds the consult variant (the
// default features: with consult mode's views) the same way, with the same CARGO_TARGET_DIR, so
// that only this crate compiles again; each widget loads only its own mode's variant. In both,
// the names the WebAssembly and its glue call each other by are shortened (shorten-names.mjs).
// Then it writes each language's words (content/<lang>.json, in the compact form
// the widget reads: Content::read in src/content.rs) as kyphoplasty-explainer-<lang>-<hash>.txt;
// minifies both variants' glue (terser) and names each variant's glue and .wasm by the hash of
// what ships (replacing Trunk's names for the patients' pair);
// writes embed.js (the stable-named loader) into the build, with the hashed names of the
// wasm-bindgen glue, the .wasm and the words and their integrity hashes; copies the iframe page
// (embed.html) and the configurator (configure.html) next to it.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { shortenNames } from "./shorten-names.mjs";

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
if (!staging) {
  console.error("write-loader: run me as a Trunk hook (TRUNK_STAGING_DIR is not set)");
  process.exit(1);
}
const files = readdirSync(staging);
const one = (re, what) => {
  const found = files.filter((f) => re.test(f));
  if (found.length !== 1) {
    console.error(`write-loader: expected one ${what} in ${staging}, found ${found.length}: ${found}`);
    process.exit(1);
  }
  return found[0];
};
const glue = one(/^kyphoplasty-explainer-[0-9a-f]+\.js$/, "glue script");
const wasm = one(/^kyphoplasty-explainer-[0-9a-f]+_bg\.wasm$/, "wasm file");

// --- The consult variant --------------------------------------------------------------------
const release = process.env.TRUNK_PROFILE !== "debug";
const targetDir = resolve(source, process.env.CARGO_TARGET_DIR || "target");
function run(cmd, args) {
  console.log(`write-loader: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { cwd: source, stdio: "inherit", env: { ...process.env, CARGO_TARGET_DIR: targetDir } });
  if (r.status !== 0) {
    console.error(`write-loader: ${cmd} failed (${r.error ? r.error.message : `exit ${r.status}`})`);
    process.exit(1);
  }
}
// The crate's .wasm has the same name whatever the features: cargo compiles it again for each
// variant (checked: it does not take the other variant's file for this one's), so copy it now.
const out = join(targetDir, "wasm32-unknown-unknown", release ? "release" : "debug");
run("cargo", ["build", ...(release ? ["--release"] : []), "--target", "wasm32-unknown-unknown", "--offline", "--lib"]);
const scratch = join(targetDir, "kx-consult");
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
copyFileSync(join(out, "kyphoplasty_explainer.wasm"), join(scratch, "built.wasm"));
const stem = "kyphoplasty-explainer-consult";
const bindgenVersion = spawnSync("wasm-bindgen", ["--version"], { encoding: "utf8" }).stdout?.trim();
const pinned = /name = "wasm-bindgen"\nversion = "([^"]+)"/.exec(readFileSync(join(source, "Cargo.lock"), "utf8"))?.[1];
if (bindgenVersion !== `wasm-bindgen ${pinned}`) {
  console.error(`write-loader: need wasm-bindgen ${pinned} on PATH (Cargo.lock), found ${bindgenVersion || "none"}; run scripts/bootstrap`);
  process.exit(1);
}
run("wasm-bindgen", ["--target=web", `--out-dir=${scratch}`, `--out-name=${stem}`, "--no-typescript", join(scratch, "built.wasm")]);
if (release) {
  // The same optimisation as Trunk's for the patients' variant: index.html's data-wasm-opt(-params).
  const page = readFileSync(join(source, "index.html"), "utf8");
  const tag = /<link data-trunk rel="rust"[^>]*>/.exec(page)?.[0] ?? "";
  const level = /data-wasm-opt="([^"]*)"/.exec(tag)?.[1];
  const params = (/data-wasm-opt-params="([^"]*)"/.exec(tag)?.[1] ?? "").split(/\s+/).filter(Boolean);
  if (level && level !== "0") {
    // The npm binaryen's (package-lock.json), as the Makefile puts it first on PATH.
    const npmOpt = join(source, "node_modules", ".bin", "wasm-opt");
    run(existsSync(npmOpt) ? npmOpt : "wasm-opt", [`--output=${join(scratch, "opt.wasm")}`, `-O${level}`, join(scratch, `${stem}_bg.wasm`), ...params]);
    copyFileSync(join(scratch, "opt.wasm"), join(scratch, `${stem}_bg.wasm`));
  }
}
// The names the WebAssembly and its glue call each other by, shortened in both (see
// scripts/shorten-names.mjs): the consult variant's here, the patients' (Trunk's) below.
const shortened = (wasmBytes, glueText, what) => {
  const r = shortenNames(wasmBytes, glueText);
  console.log(`write-loader: ${what}: ${r.renamed} names shortened, wasm ${wasmBytes.length} -> ${r.wasm.length} bytes`);
  return r;
};
const consultShort = shortened(readFileSync(join(scratch, `${stem}_bg.wasm`)), readFileSync(join(scratch, `${stem}.js`), "utf8"), "consult variant");
const patientShort = shortened(readFileSync(join(staging, wasm)), readFileSync(join(staging, glue), "utf8"), "patients' variant");

// The wasm-bindgen glue of both builds, minified by terser (package.json): compressed, its local
// names shortened, comments dropped. Its exports, which embed.js (default, mount, mountAt) and
// the tests (__panicForTests) call, keep their names: checked below by importing the glue before
// and after. Terser adds no eval or new Function (the CSP allows neither) and no syntax newer than
// the glue's own (ES2020: it uses ?.).
const { minify } = await import("terser").catch(() => {
  console.error("write-loader: the npm package terser is missing; run scripts/bootstrap");
  process.exit(1);
});
const exportsOf = async (text, tag) => {
  const path = join(scratch, `exports-${tag}.mjs`);
  writeFileSync(path, text);
  return Object.keys(await import(pathToFileURL(path).href)).sort().join(", ");
};
// Minified by terser with `options`; stops the build if the result calls eval or new Function.
async function minified(text, options, what) {
  const { code } = await minify(text, options);
  if (/\beval\s*\(|\bFunction\s*\(\s*["'`]|new\s+Function\b/.test(code)) {
    console.error(`write-loader: the minified ${what} calls eval or new Function`);
    process.exit(1);
  }
  return code;
}
// A variant's glue minified, with the same exports (else the build stops).
async function minifiedGlue(text, what) {
  const code = (await minified(text, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } }, `${what} glue`)) + "\n";
  const tag = what.replace(/\W/g, "");
  const [before, after] = [await exportsOf(text, `${tag}-bindgen`), await exportsOf(code, `${tag}-minified`)];
  if (after !== before) {
    console.error(`write-loader: minifying the ${what} glue changed its exports: ${before} -> ${after}`);
    process.exit(1);
  }
  console.log(`write-loader: ${what} glue: ${text.length} -> ${code.length} bytes (exports: ${after})`);
  return code;
}

// Each pair is named by the hash of the WebAssembly and the minified glue as they ship (Trunk's
// name for the patients' pair comes from a hash taken before wasm-opt, the shortening and
// terser, so a change of optimizer flags or of terser alone would keep the name for other bytes,
// and a copy cached under it would fail the new integrity check). The glue's own default URL for
// its WebAssembly (wasm-bindgen writes `<out-name>_bg.wasm`, used only when it is given none;
// embed.js always gives one) is set to the shipped name after hashing: it follows from the name.
async function ship(short, name, builtWasmName, what) {
  const glueText = await minifiedGlue(short.glue, what);
  const hash = createHash("sha256").update(short.wasm).update(glueText).digest("hex").slice(0, 16);
  const shipped = { wasm: `${name}-${hash}_bg.wasm`, glue: `${name}-${hash}.js`, bytes: short.wasm };
  if (!glueText.includes(builtWasmName)) {
    console.error(`write-loader: the ${what} glue does not name ${builtWasmName}`);
    process.exit(1);
  }
  writeFileSync(join(staging, shipped.wasm), short.wasm);
  writeFileSync(join(staging, shipped.glue), glueText.split(builtWasmName).join(shipped.wasm));
  return shipped;
}
rmSync(join(staging, wasm));
rmSync(join(staging, glue));
const consult = await ship(consultShort, stem, `${stem}_bg.wasm`, "consult");
const patient = await ship(patientShort, "kyphoplasty-explainer", "kyphoplasty-explainer_bg.wasm", "patients'");
console.log(`write-loader: consult variant -> ${consult.glue}, ${consult.wasm} (${consult.bytes.length} bytes); patients' -> ${patient.glue}, ${patient.wasm} (${patient.bytes.length} bytes)`);

// SHA-256 (every browser with integrity checks has it): 20 characters shorter per hash in embed.js
// than SHA-384, and base64 does not compress.
const sri = (bytes) => "sha256-" + createHash("sha256").update(bytes).digest("base64");
// Each mode's glue and WebAssembly, and the WebAssembly's integrity hash.
const modules = {
  patient: [patient.glue, patient.wasm, sri(readFileSync(join(staging, patient.wasm)))],
  consult: [consult.glue, consult.wasm, sri(readFileSync(join(staging, consult.wasm)))],
};

// The words: the JSON's texts in key order (keys sorted), separated by U+001F; a list is its
// length, then its items. build.rs checks every file's shape and writes the matching reader.
// Consult mode's texts (consult_labels, steps[].consult, takehome, and the ui texts below) go
// to a second file that only consult mode loads; the first holds U+0002 in their places, and the
// loader puts them back. tests/e2e/words-files.test.mjs checks that a patient's widget never
// shows a U+0002 (a text listed here that patients see).
const SEP = "\u001f";
const HOLE = "\u0002";
const CONSULT_UI = new Set([
  // The X-ray projection and the AP view; the whole-spine overview.
  "projection", "lateral", "ap", "ap_view", "spine_overview",
  // The comparison with vertebroplasty.
  "compare_open", "compare_title", "kyphoplasty", "vertebroplasty", "kp_picture", "vp_picture",
  "compare_feature", "compare_technique", "kp_technique", "vp_technique", "compare_angle", "kp_angle",
  "vp_angle", "compare_leak", "kp_leak", "vp_leak", "compare_pain", "pain_similar", "compare_time",
  "kp_time", "vp_time", "compare_note", "compare_follows",
  // This patient's settings.
  "patient_settings", "severity", "grade", "balloons", "one_balloon", "two_balloons", "level",
  "wedge_angle", "height_ratio", "balloon_readout", "illustrative", "full_screen", "speed",
  "xray_view", "levels_treated", "treated_levels", "route", "transpedicular", "extrapedicular",
  "route_thoracic_only", "route_extrapedicular_note", "extrapedicular_title", "extrapedicular_access",
  // Drawing on the pictures.
  "draw", "drawing_tools", "pen", "highlighter", "arrow", "eraser", "ink_colour", "red", "yellow",
  "blue", "green", "undo", "clear",
]);
const isConsult = (path) =>
  /\.consult_labels\.|\.consult\.|\.takehome\./.test(path) || CONSULT_UI.has(/^[^.]+\.ui\.(\w+)$/.exec(path)?.[1]);
function encode(v, out, path, consult) {
  if (typeof v === "string") {
    if (v.includes(SEP) || v === HOLE) throw new Error(`${path}: contains U+001F or is U+0002`);
    if (isConsult(path)) {
      consult.push(v);
      out.push(HOLE);
    } else {
      out.push(v);
    }
  } else if (Array.isArray(v)) {
    out.push(String(v.length));
    v.forEach((x, i) => encode(x, out, `${path}[${i}]`, consult));
  } else if (v && typeof v === "object") {
    for (const k of Object.keys(v).sort()) encode(v[k], out, `${path}.${k}`, consult);
  } else {
    throw new Error(`${path}: only texts, lists and objects are supported`);
  }
  return out;
}
const words = {};
const hashed = (stem, body) => {
  const name = `kyphoplasty-explainer-${stem}-${createHash("sha256").update(body).digest("hex").slice(0, 16)}.txt`;
  writeFileSync(join(staging, name), body);
  return [name, sri(body)];
};
let englishUi = null;
for (const f of readdirSync(join(source, "content")).filter((f) => f.endsWith(".json")).sort()) {
  const tag = f.slice(0, -".json".length);
  const consult = [];
  const json = JSON.parse(readFileSync(join(source, "content", f), "utf8"));
  if (tag === "en") englishUi = json.ui;
  const body = Buffer.from(encode(json, [], tag, consult).join(SEP));
  words[tag] = [...hashed(tag, body), ...hashed(`${tag}-consult`, Buffer.from(consult.join(SEP)))];
}
if (!words.en) {
  console.error("write-loader: content/en.json is missing");
  process.exit(1);
}
{
  const unknown = [...CONSULT_UI].filter((k) => !(k in englishUi));
  if (unknown.length) {
    console.error(`write-loader: CONSULT_UI names texts content/en.json's ui does not have: ${unknown.join(", ")}`);
    process.exit(1);
  }
}

const template = readFileSync(join(source, "static", "embed.js"), "utf8");
const loader = template
  .replace('"__MODULES__"', JSON.stringify(modules))
  .replace('"__WORDS__"', JSON.stringify(words));
if (loader.includes("__MODULES__") || loader.includes("__WORDS__")) {
  console.error("write-loader: a placeholder was left in embed.js");
  process.exit(1);
}
// The loader is minified too (a classic script: ES2017, for its async function), with a line on
// top that says what it is; the readable source is static/embed.js.
const loaderCode = await minified(loader, {
  ecma: 2017,
  compress: { passes: 2 },
  format: { comments: false, preamble: "/* Kyphoplasty explainer: the loader (<script src=\".../embed.js\" async></script>, then <kyphoplasty-explainer>). Source: static/embed.js. */" },
}, "embed.js");
writeFileSync(join(staging, "embed.js"), loaderCode + "\n");

// The iframe page and the configurator, under stable names next to embed.js. The configurator's
// list of languages is written from content/*.json (the files the widget builds in; see build.rs).
const PAGES = ["embed.html", "frame.js", "frame.css", "configure.html", "configure.js", "configure.css"];
for (const name of PAGES) copyFileSync(join(source, "static", name), join(staging, name));
const contentDir = join(source, "content");
const languages = readdirSync(contentDir)
  .filter((f) => f.endsWith(".json"))
  .map((f) => f.slice(0, -".json".length))
  .sort((a, b) => (a !== "en") - (b !== "en") || a.localeCompare(b))
  .map((tag) => {
    const c = JSON.parse(readFileSync(join(contentDir, `${tag}.json`), "utf8"));
    return {
      tag,
      name: c.language_name,
      heading: c.ui.heading,
      note: c.disclaimer[0],
      steps: c.steps.map((s) => [s.id, s.title]),
    };
  });
const configure = join(staging, "configure.js");
const marked = /\/\* languages: \*\/[\s\S]*?\/\* :languages \*\//;
const script = readFileSync(configure, "utf8");
if (!marked.test(script)) {
  console.error("write-loader: configure.js has no /* languages: */ ... /* :languages */ list");
  process.exit(1);
}
writeFileSync(configure, script.replace(marked, () => `/* languages: */ ${JSON.stringify(languages)} /* :languages */`));

// With inject_scripts off, Trunk leaves its own <link data-trunk rel="rust"> tag in the page.
for (const page of files.filter((f) => f.endsWith(".html"))) {
  const path = join(staging, page);
  const html = readFileSync(path, "utf8").replace(/[ \t]*<link data-trunk rel="rust"[^>]*>\n?/g, "");
  writeFileSync(path, html);
}
console.log(`write-loader: embed.js -> patient ${patient.glue}, ${patient.wasm}; consult ${consult.glue}, ${consult.wasm}; ${Object.values(words).map((w) => `${w[0]} (+ ${w[2]})`).join(", ")}; ${PAGES.join(", ")}; languages: ${languages.map((l) => l.tag).join(", ")}`);
