//! Checks that a translation says what the English says where a slip would mislead a patient:
//! the same placeholders in the controls, the same numbers in each step (911, 101 °F, the
//! minutes …), and no English left untranslated. (That every file loads, with the same step ids
//! and diagrams, is checked in `src/content.rs`.)
#![cfg(not(target_arch = "wasm32"))]

use kyphoplasty_explainer::content::{Content, BUILT_IN, EN_JSON};
use serde_json::Value;
use std::collections::BTreeSet;

fn load(tag: &str, json: &str) -> Content {
    match Content::load(json) {
        Ok(c) => c,
        Err(e) => panic!("content/{tag}.json: {e}"),
    }
}

fn english() -> Content {
    load("en", EN_JSON)
}

/// The translations: every built-in language but English.
fn translations() -> impl Iterator<Item = (&'static str, &'static str)> {
    BUILT_IN.iter().copied().filter(|(tag, _)| *tag != "en")
}

/// The `{name}` placeholders in a string.
fn placeholders(s: &str) -> BTreeSet<&str> {
    let mut out = BTreeSet::new();
    let mut rest = s;
    while let Some(open) = rest.find('{') {
        let Some(len) = rest[open..].find('}') else {
            break;
        };
        out.insert(&rest[open..=open + len]);
        rest = &rest[open + len + 1..];
    }
    out
}

/// The numbers written in some paragraphs, as digit strings ("101", "911").
fn numbers(paragraphs: &[String]) -> BTreeSet<String> {
    paragraphs
        .iter()
        .flat_map(|p| p.split(|c: char| !c.is_ascii_digit()))
        .filter(|n| !n.is_empty())
        .map(str::to_string)
        .collect()
}

#[test]
fn controls_keep_the_english_placeholders() {
    let parse = |tag: &str, json: &str| -> Value {
        serde_json::from_str(json).unwrap_or_else(|e| panic!("content/{tag}.json: {e}"))
    };
    let en = parse("en", EN_JSON);
    let Some(en_ui) = en["ui"].as_object() else {
        panic!("content/en.json has no ui object")
    };
    for (tag, json) in translations() {
        let ui = &parse(tag, json)["ui"];
        for (key, en_value) in en_ui {
            let want = placeholders(en_value.as_str().unwrap_or_default());
            let got = placeholders(ui[key].as_str().unwrap_or_default());
            assert_eq!(got, want, "content/{tag}.json, ui.{key}: placeholders");
        }
    }
}

#[test]
fn every_number_in_the_english_is_in_the_translation() {
    let en = english();
    for (tag, json) in translations() {
        let c = load(tag, json);
        for (en_step, step) in en.steps.iter().zip(&c.steps) {
            let missing: Vec<String> = numbers(&en_step.narration)
                .difference(&numbers(&step.narration))
                .cloned()
                .collect();
            assert!(
                missing.is_empty(),
                "content/{tag}.json, step \"{}\": the narration lacks {missing:?}",
                step.id
            );
        }
        let missing: Vec<String> = numbers(&en.disclaimer)
            .difference(&numbers(&c.disclaimer))
            .cloned()
            .collect();
        assert!(
            missing.is_empty(),
            "content/{tag}.json, disclaimer: lacks {missing:?}"
        );
    }
}

#[test]
fn no_sentence_is_left_in_english() {
    let en = english();
    for (tag, json) in translations() {
        let c = load(tag, json);
        for (en_step, step) in en.steps.iter().zip(&c.steps) {
            let texts = step
                .narration
                .iter()
                .chain([&step.title, &step.picture])
                .zip(
                    en_step
                        .narration
                        .iter()
                        .chain([&en_step.title, &en_step.picture]),
                );
            for (text, en_text) in texts {
                assert_ne!(
                    text, en_text,
                    "content/{tag}.json, step \"{}\": not translated",
                    step.id
                );
            }
        }
        for p in &c.disclaimer {
            assert!(
                !en.disclaimer.contains(p),
                "content/{tag}.json, disclaimer not translated: {p:?}"
            );
        }
    }
}

#[test]
fn the_helpers_find_placeholders_and_numbers() {
    let want: BTreeSet<&str> = ["{clinic}", "{phone}"].into_iter().collect();
    assert_eq!(placeholders("Call {clinic} at {phone}."), want);
    assert!(placeholders("no { closing").is_empty());
    let n = numbers(&["Over 101 °F (38.3 °C), call 911.".to_string()]);
    let want: BTreeSet<String> = ["101", "38", "3", "911"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert_eq!(n, want);
}

#[test]
fn the_take_home_words_are_translated_with_their_placeholders() {
    let en = english();
    for (tag, json) in translations() {
        let c = load(tag, json);
        for ((name, text), (_, en_text)) in c.takehome.fields().iter().zip(en.takehome.fields()) {
            assert_eq!(
                placeholders(text),
                placeholders(en_text),
                "content/{tag}.json, takehome.{name}: placeholders"
            );
            assert_ne!(
                *text, en_text,
                "content/{tag}.json, takehome.{name}: not translated"
            );
        }
    }
}
