//! Builds the table of content files: every `content/<lang>.json` becomes a built-in language,
//! so adding a language is adding one file.

use std::fmt::Write as _;
use std::path::Path;
use std::{env, fs};

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
    let dest = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("languages.rs");
    if let Err(e) = fs::write(&dest, out) {
        panic!("cannot write {}: {e}", dest.display());
    }
}
