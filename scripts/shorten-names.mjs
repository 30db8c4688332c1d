// Shortens the names by which the WebAssembly and its wasm-bindgen glue call each other, in both
// files at once, after wasm-bindgen and wasm-opt: the glue's functions that the WebAssembly
// imports (`__wbg_setAttribute_<16 hex digits>` and the like), the module they are imported from
// (`./<name>_bg.js`), and the WebAssembly's exports that the glue calls (`wasm.<name>`). These
// names are private to the two files (the glue's own exports, which embed.js and the tests use, do
// not change), and their hashes do not compress: about 3 KB of brotli for a widget. Also drops the
// `producers` and `target_features` custom sections, which no browser reads.
//
// It checks its work: every import of the new WebAssembly is a function of the glue, and every
// `wasm.<name>` in the glue is an export of the new WebAssembly; it throws otherwise.

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

/** Encodes an unsigned LEB128. */
function uleb(n) {
  const out = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

/** A name as the WebAssembly writes it: its length, then its UTF-8 bytes. */
const name = (s) => {
  const b = Buffer.from(s, "utf8");
  return [...uleb(b.length), ...b];
};

/** Reads a name at `at`: [string, next offset]. */
function readName(bytes, at) {
  const [len, from] = leb(bytes, at);
  return [Buffer.from(bytes.subarray(from, from + len)).toString("utf8"), from + len];
}

/** The end of an import's or export's description (what follows its names), from `at`. */
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  if (kind === 0) return leb(bytes, at)[1]; // function: type index
  if (kind === 1) at++; // table: element type, then limits
  if (kind === 1 || kind === 2) {
    const flags = bytes[at++];
    at = leb(bytes, at)[1];
    return flags & 1 ? leb(bytes, at)[1] : at;
  }
  if (kind === 3) return at + 2; // global: value type, mutability
  if (kind === 4) return leb(bytes, at + 1)[1]; // tag: attribute, type index
  throw new Error(`shorten-names: unknown import kind ${kind}`);
}

/** Short names: a, b, ..., Z, ba, ca, ... (skipping the JavaScript keywords this short). */
function* shortNames() {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  const reserved = new Set(["do", "if", "in", "for", "let", "new", "try", "var"]);
  for (let n = 0; ; n++) {
    let s = "";
    let k = n;
    do {
      s += letters[k % letters.length];
      k = Math.floor(k / letters.length);
    } while (k);
    if (!reserved.has(s)) yield s;
  }
}

/** The sections of a WebAssembly module: { id, from, to } (from..to: the section's body). */
function sectionsOf(wasm) {
  const sections = [];
  for (let at = 8; at < wasm.length; ) {
    const id = wasm[at];
    const [size, from] = leb(wasm, at + 1);
    sections.push({ id, from, to: from + size });
    at = from + size;
  }
  return sections;
}

/** The names a WebAssembly module exports. */
function exportsOf(wasm) {
  const names = new Set();
  const s = sectionsOf(wasm).find((x) => x.id === 7);
  if (!s) return names;
  let [count, at] = leb(wasm, s.from);
  for (; count > 0; count--) {
    const [n, next] = readName(wasm, at);
    names.add(n);
    at = leb(wasm, next + 1)[1];
  }
  return names;
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Returns `{ wasm, glue, renamed }`: the WebAssembly (a Buffer) and its glue (the text
 * wasm-bindgen wrote, before any minifying) with the shortened names, and how many names changed.
 */
export function shortenNames(wasm, glue) {
  const sections = sectionsOf(wasm);
  const sectionOf = (id) => sections.find((s) => s.id === id);

  const fresh = shortNames();
  const modules = new Map();
  const imports = new Map();
  const exports = new Map();

  let newImports = null;
  const imp = sectionOf(2);
  if (imp) {
    let [count, at] = leb(wasm, imp.from);
    const out = [...uleb(count)];
    for (; count > 0; count--) {
      const [mod, a1] = readName(wasm, at);
      const [field, a2] = readName(wasm, a1);
      const end = skipImportDesc(wasm, a2);
      let newMod = mod;
      let newField = field;
      // Only the glue's own modules: `"./x_bg.js": import0` in its imports object.
      if (new RegExp(`["']${escape(mod)}["']\\s*:\\s*import\\d+`).test(glue)) {
        if (!modules.has(mod)) modules.set(mod, fresh.next().value);
        newMod = modules.get(mod);
        if (new RegExp(`(^|[\\s,{])${escape(field)}\\s*:\\s*function\\b`, "m").test(glue)) {
          if (!imports.has(field)) imports.set(field, fresh.next().value);
          newField = imports.get(field);
        }
      }
      out.push(...name(newMod), ...name(newField), ...wasm.subarray(a2, end));
      at = end;
    }
    newImports = Buffer.from(out);
  }

  let newExports = null;
  const exp = sectionOf(7);
  if (exp) {
    let [count, at] = leb(wasm, exp.from);
    const out = [...uleb(count)];
    for (; count > 0; count--) {
      const [n, next] = readName(wasm, at);
      const kind = wasm[next];
      const end = leb(wasm, next + 1)[1];
      let newName = n;
      // Functions and tables the glue reaches as `wasm.name` (the memory keeps its name: the
      // benchmark reads it from the instance).
      if ((kind === 0 || kind === 1) && new RegExp(`\\bwasm\\.${escape(n)}(?![\\w$])`).test(glue)) {
        newName = fresh.next().value;
        exports.set(n, newName);
      }
      out.push(...name(newName), ...wasm.subarray(next, end));
      at = end;
    }
    newExports = Buffer.from(out);
  }

  // The new WebAssembly: the changed sections, the two custom sections left out.
  const parts = [wasm.subarray(0, 8)];
  for (const s of sections) {
    if (s.id === 0) {
      const [custom] = readName(wasm, s.from);
      if (custom === "producers" || custom === "target_features") continue;
    }
    const body = s.id === 2 && newImports ? newImports : s.id === 7 && newExports ? newExports : wasm.subarray(s.from, s.to);
    parts.push(Buffer.from([s.id, ...uleb(body.length)]), body);
  }
  const newWasm = Buffer.concat(parts);

  // The new glue.
  let text = glue;
  const replaceAll = (re, to, what) => {
    const before = text;
    text = text.replace(re, to);
    if (text === before) throw new Error(`shorten-names: ${what} not found in the glue`);
  };
  for (const [from, to] of modules) {
    replaceAll(new RegExp(`["']${escape(from)}["'](\\s*:\\s*import\\d+)`, "g"), `"${to}"$1`, `module ${from}`);
  }
  for (const [from, to] of imports) {
    replaceAll(new RegExp(`(^|[\\s,{])${escape(from)}(\\s*:\\s*function\\b)`, "gm"), `$1${to}$2`, `import ${from}`);
  }
  for (const [from, to] of exports) {
    replaceAll(new RegExp(`\\bwasm\\.${escape(from)}(?![\\w$])`, "g"), `wasm.${to}`, `export ${from}`);
  }

  // The check: the two files still agree.
  const newExportNames = exportsOf(newWasm);
  for (const m of text.matchAll(/\bwasm\.([\w$]+)/g)) {
    if (!newExportNames.has(m[1])) throw new Error(`shorten-names: the glue calls wasm.${m[1]}, which the WebAssembly does not export`);
  }
  for (const [, to] of imports) {
    if (!new RegExp(`(^|[\\s,{])${escape(to)}\\s*:\\s*function\\b`, "m").test(text)) {
      throw new Error(`shorten-names: import ${to} is not in the glue`);
    }
  }
  return { wasm: newWasm, glue: text, renamed: modules.size + imports.size + exports.size };
}
