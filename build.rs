//! Builds the table of content files: every `content/<lang>.json` becomes a built-in language,
//! so adding a language is adding one file.
//!
//! It also checks, at build time, that every file has exactly the shape of `content/en.json`
//! (the same keys everywhere), and writes the code that reads a language's words from the small
//! file the widget ships for it (see `Content::decode`): the fields' order comes from the JSON's
//! keys, so adding a text is adding the field to its struct in `src/content.rs` and the key to
//! each JSON file; nothing to change here.

use serde_json::Value;
use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

/// The Rust type of each object (or list of objects) in a content file, by path (`[]`: an item).
const TYPES: &[(&str, &str)] = &[
    ("", "Content"),
    ("ui", "Ui"),
    ("labels", "Labels"),
    ("consult_labels", "Labels"),
    ("steps[]", "Step"),
    ("steps[].consult", "ConsultText"),
    ("glossary[]", "Term"),
    ("takehome", "TakeHome"),
];
/// Strings that are read as a diagram state, by path.
const STATES: &[&str] = &["steps[].diagram"];

fn main() {
    println!("cargo:rerun-if-changed=content");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("content");
    let mut langs: Vec<(String, String)> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "json"))
                .filter_map(|p| {
                    let stem = p.file_stem()?.to_str()?.to_string();
                    println!("cargo:rerun-if-changed={}", p.display());
                    Some((stem, p.display().to_string()))
                })
                .collect()
        })
        .unwrap_or_default();
    // English first: it is the fallback language.
    langs.sort_by_key(|(l, _)| (l != "en", l.clone()));
    let mut out = String::from("/// Built-in content files: (language tag, JSON).\npub const BUILT_IN: &[(&str, &str)] = &[\n");
    for (lang, path) in &langs {
        let _ = writeln!(out, "    ({lang:?}, include_str!({path:?})),");
    }
    out.push_str("];\n");
    out.push_str("/// The built-in languages' tags, English first.\npub const LANGS: &[&str] = &[");
    for (lang, _) in &langs {
        let _ = write!(out, "{lang:?}, ");
    }
    out.push_str("];\n");
    write_out("languages.rs", &out);

    // Build-time check: every file parses and has English's shape.
    let parse = |lang: &str, path: &str| -> Value {
        let text = fs::read_to_string(path).unwrap_or_default();
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("content/{lang}.json is not valid JSON: {e}"))
    };
    let Some((_, en_path)) = langs.iter().find(|(l, _)| l == "en") else {
        panic!("content/en.json is missing: English is the fallback language")
    };
    let en = parse("en", en_path);
    let mut problems = Vec::new();
    // The steps' ids and diagram states, in order, are English's in every language (the widget
    // checks only texts at run time; English's own order is checked by the native tests), and
    // every glossary entry has a term, a definition and a form to find.
    let steps = |v: &Value| -> Vec<(String, String)> {
        let field = |s: &Value, k: &str| s[k].as_str().unwrap_or_default().to_string();
        v["steps"].as_array().map_or(Vec::new(), |a| {
            a.iter()
                .map(|s| (field(s, "id"), field(s, "diagram")))
                .collect()
        })
    };
    let en_steps = steps(&en);
    for (i, (id, _)) in en_steps.iter().enumerate() {
        if en_steps[..i].iter().any(|(other, _)| other == id) {
            problems.push(format!(
                "content/en.json, steps: the id {id:?} is used twice"
            ));
        }
    }
    for (lang, path) in &langs {
        let file = parse(lang, path);
        same_shape(&en, &file, "", &mut |p| {
            problems.push(format!("content/{lang}.json, {p}"))
        });
        if steps(&file) != en_steps {
            problems.push(format!(
                "content/{lang}.json, steps: the ids and diagram states must be English's, in its order"
            ));
        }
        for (i, t) in file["glossary"]
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
        {
            let blank = |k: &str| t[k].as_str().is_none_or(|x| x.trim().is_empty());
            let no_form = t["forms"].as_array().is_none_or(|f| {
                f.iter()
                    .all(|x| x.as_str().is_none_or(|x| x.trim().is_empty()))
            });
            if blank("term") || blank("definition") || no_form {
                problems.push(format!(
                    "content/{lang}.json, glossary[{i}]: needs a term, a definition and a form"
                ));
            }
        }
    }
    if !problems.is_empty() {
        panic!(
            "the content files do not match content/en.json:\n- {}",
            problems.join("\n- ")
        );
    }

    // The widget's stylesheet, without comments and spaces (src/view/mod.rs includes it).
    println!("cargo:rerun-if-changed=src/view/style.css");
    let css =
        Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("src/view/style.css");
    // Consult mode's rules (between `consult-only` marker comments) only in the consult build.
    let css = fs::read_to_string(css).unwrap_or_default();
    let css = if env::var_os("CARGO_FEATURE_CONSULT").is_some() {
        css
    } else {
        without_consult_rules(&css)
    };
    write_out("style.css", &minify_css(&css));

    let mut code = String::from("// Written by build.rs from the shape of content/en.json.\n");
    let mut done = Vec::new();
    decoder(&en, "", &mut code, &mut done);
    write_out("decode.rs", &code);
}

/// The stylesheet without the parts between `/* consult-only { */` and `/* } consult-only */`.
fn without_consult_rules(css: &str) -> String {
    const BEGIN: &str = "/* consult-only { */";
    const END: &str = "/* } consult-only */";
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(i) = rest.find(BEGIN) {
        out.push_str(&rest[..i]);
        let Some(j) = rest[i..].find(END) else {
            panic!("src/view/style.css: a consult-only part has no end marker");
        };
        rest = &rest[i + j + END.len()..];
    }
    out.push_str(rest);
    out
}

/// CSS without comments, line breaks and the spaces no rule needs (strings are kept as they are;
/// a space before `:` is kept, as it means "descendant" in a selector; so are spaces around `+`
/// and `-`, which `calc()` needs).
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut prev = ' ';
                for d in chars.by_ref() {
                    if prev == '*' && d == '/' {
                        break;
                    }
                    prev = d;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            _ => {
                let last = out.chars().next_back();
                if space
                    && last.is_some_and(|l| !matches!(l, '{' | '}' | ';' | ',' | ':' | '>' | '('))
                    && !matches!(c, '{' | '}' | ';' | ',' | '>' | ')')
                {
                    out.push(' ');
                }
                space = false;
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                if c == '"' || c == '\'' {
                    while let Some(d) = chars.next() {
                        out.push(d);
                        if d == '\\' {
                            out.extend(chars.next());
                        } else if d == c {
                            break;
                        }
                    }
                }
            }
        }
    }
    out
}

fn write_out(name: &str, text: &str) {
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join(name);
    if let Err(e) = fs::write(&dest, text) {
        panic!("cannot write {}: {e}", dest.display());
    }
}

/// The path's Rust type, for an object.
fn type_of(path: &str) -> &'static str {
    TYPES
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, t)| *t)
        .unwrap_or_else(|| {
            panic!("build.rs: content/en.json has an object at `{path}` with no Rust type: add it to TYPES in build.rs")
        })
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Reports where `other` differs in shape from `en`: missing or extra keys, or another kind of value.
fn same_shape(en: &Value, other: &Value, path: &str, bad: &mut dyn FnMut(String)) {
    let at = |p: &str| {
        if p.is_empty() {
            "(top)".to_string()
        } else {
            p.to_string()
        }
    };
    match (en, other) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                match b.get(k) {
                    Some(w) => same_shape(v, w, &join(path, k), bad),
                    None => bad(format!("{}: is missing", join(path, k))),
                }
            }
            for k in b.keys().filter(|k| !a.contains_key(*k)) {
                bad(format!(
                    "{}: is not in English (unknown field)",
                    join(path, k)
                ));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            let item = format!("{path}[]");
            if let Some(first) = a.first() {
                for w in b {
                    same_shape(first, w, &item, bad);
                }
            } else if b.iter().any(|w| !w.is_string()) {
                bad(format!("{}: must be a list of texts", at(path)));
            }
        }
        (Value::String(_), Value::String(s)) => {
            if s.contains('\u{1f}') {
                bad(format!(
                    "{}: contains the control character U+001F",
                    at(path)
                ));
            }
        }
        _ => bad(format!(
            "{}: is not the same kind of value as in English",
            at(path)
        )),
    }
}

/// Writes, for the struct at `path` and the structs inside it: `decode` (reads it from a shipped
/// file; fields in key order, as `scripts/write-loader.mjs` writes them), `slot` (the text or list
/// of paragraphs a clinic may override, by name) and the `Texts` table of its text fields (their
/// names in key order and each one by index), so that reading, overriding and checking the texts
/// are loops over that table rather than code repeated for every field.
fn decoder(v: &Value, path: &str, code: &mut String, done: &mut Vec<&'static str>) {
    let Value::Object(map) = v else { return };
    let ty = type_of(path);
    // A struct literal reading every field in key order (for structs with more than texts).
    let mut fields = String::new();
    // `Ty { field: String::new(), .. }` with every field empty (for structs of texts only).
    let mut empty = String::new();
    let mut lists = String::new();
    let mut names = Vec::new();
    let mut only_texts = true;
    // Key order, whatever order serde_json keeps (scripts/write-loader.mjs sorts them too).
    let mut keys: Vec<&String> = map.keys().collect();
    keys.sort();
    for k in keys {
        let v = &map[k];
        let p = join(path, k);
        let read = match v {
            Value::String(_) if STATES.contains(&p.as_str()) => "r.state()".to_string(),
            Value::String(_) => {
                names.push(k.as_str());
                let _ = writeln!(empty, "            {k}: String::new(),");
                "r.text()".to_string()
            }
            Value::Array(a) => match a.first() {
                Some(item @ Value::Object(_)) => {
                    let item_path = format!("{p}[]");
                    decoder(item, &item_path, code, done);
                    format!("r.list({}::decode)", type_of(&item_path))
                }
                Some(Value::String(_)) | None => {
                    let _ = writeln!(
                        lists,
                        "        if name == {k:?} {{\n            return Some(Slot::Many(&mut self.{k}));\n        }}"
                    );
                    "r.texts()".to_string()
                }
                Some(_) => panic!("build.rs: content/en.json `{p}`: lists hold texts or objects"),
            },
            Value::Object(_) => {
                decoder(v, &p, code, done);
                format!("{}::decode(r)", type_of(&p))
            }
            _ => panic!(
                "build.rs: content/en.json `{p}`: only texts, lists and objects are supported"
            ),
        };
        if read != "r.text()" {
            only_texts = false;
        }
        let _ = writeln!(fields, "            {k}: {read},");
    }
    if done.contains(&ty) {
        return;
    }
    done.push(ty);
    // The `Texts` table, for an object with texts.
    let texts = match names.pop() {
        Some(last) => texts_table(ty, &names, last),
        None => String::new(),
    };
    let decode = if only_texts && !texts.is_empty() {
        // A constant, so that it is one copy of a block of data, not code for every field.
        format!(
            "const EMPTY: {ty} = {ty} {{
{empty}        }};
        let mut v = EMPTY;
        r.fill(&mut v);
        v"
        )
    } else {
        format!(
            "{ty} {{
{fields}        }}"
        )
    };
    let one = if texts.is_empty() {
        "let _ = name;\n        None"
    } else {
        "text_named(self, name).map(Slot::One)"
    };
    let _ = write!(
        code,
        "{texts}impl {ty} {{
    /// Reads this from a shipped content file.
    pub(crate) fn decode(r: &mut Reader<'_>) -> {ty} {{
        {decode}
    }}

    /// The text field (or list of paragraphs) with this name, for the `text` overrides.
    #[allow(dead_code)]
    pub(crate) fn slot(&mut self, name: &str) -> Option<Slot<'_>> {{
{lists}        {one}
    }}
}}

"
    );
}

/// `impl Texts` for the struct `ty` whose text fields are `names` then `last`, in key order.
fn texts_table(ty: &str, names: &[&str], last: &str) -> String {
    let mut table = String::new();
    let mut by_index = String::new();
    let mut by_index_mut = String::new();
    for (i, k) in names.iter().enumerate() {
        let _ = write!(table, "{k} ");
        let _ = writeln!(by_index, "            {i} => &self.{k},");
        let _ = writeln!(by_index_mut, "            {i} => &mut self.{k},");
    }
    let _ = write!(table, "{last}");
    // One text: the match has only its `_` arm.
    let allow = if names.is_empty() {
        "#[allow(clippy::match_single_binding)]\n"
    } else {
        ""
    };
    format!(
        "{allow}impl Texts for {ty} {{
    fn names(&self) -> &'static str {{
        {table:?}
    }}

    fn text(&self, i: usize) -> &String {{
        match i {{
{by_index}            _ => &self.{last},
        }}
    }}

    fn text_mut(&mut self, i: usize) -> &mut String {{
        match i {{
{by_index_mut}            _ => &mut self.{last},
        }}
    }}
}}

"
    )
}
