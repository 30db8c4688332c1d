//! Reading level of the patient narration, for every built-in language.
//!
//! What is measured: the narration paragraphs of each step (not the titles, which are short
//! headings without sentence punctuation and would make the text look easier than it is; not the
//! picture descriptions or the controls). Each step is measured alone, and "overall" pools the
//! counts of all steps (it is not an average of the step figures).
//!
//! - English: Flesch-Kincaid grade level. Fails above grade 6.0 overall or above grade 8 for any
//!   step (AMA: 6th grade or below; NIH: below 8th).
//! - Spanish: Fernández-Huerta readability, in the corrected form (Law 2011), where F is the mean
//!   number of words per sentence. Higher is easier; 70–80 is "somewhat easy", 6th grade. Fails
//!   below 70 overall or below 60 (7th–8th grade, "normal") for any step.
//!
//! A language with no measure here is listed and skipped, so adding a language stays a matter of
//! adding one content file.
//!
//! To see the table of figures, run
//! `cargo test --test reading_level -- --nocapture`.
#![cfg(not(target_arch = "wasm32"))]

use kyphoplasty_explainer::content::{Content, BUILT_IN};

// ---------------------------------------------------------------------------------------------
// Language-agnostic pieces: words, sentences, counts.
// ---------------------------------------------------------------------------------------------

/// The words of a text: whitespace-separated tokens with at least one letter or digit, so that a
/// lone dash or "°" is not a word, while "X-ray", "°F" and "101" are.
fn words(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric))
        .collect()
}

/// Number of sentences in one paragraph.
///
/// A sentence ends at a run of `.`, `!` or `?` (optionally followed by closing quotes or
/// brackets) that is followed by whitespace or the end of the paragraph. So "38.3", "101 °F" and
/// "X-ray" do not end a sentence. A paragraph whose last sentence has no end mark still counts
/// that sentence; a stretch without words (e.g. "...") is not a sentence.
fn sentence_count(paragraph: &str) -> usize {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut count = 0;
    let mut has_word = false;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() {
            has_word = true;
        }
        if matches!(c, '.' | '!' | '?') {
            let mut j = i;
            while j < chars.len() && matches!(chars[j], '.' | '!' | '?') {
                j += 1;
            }
            while j < chars.len() && matches!(chars[j], '"' | '\'' | '”' | '’' | '»' | ')' | ']')
            {
                j += 1;
            }
            if j == chars.len() || chars[j].is_whitespace() {
                if has_word {
                    count += 1;
                }
                has_word = false;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    if has_word {
        count += 1;
    }
    count
}

/// Syllables of one word token: each run of letters is counted by the language's counter, each
/// run of digits is read out digit by digit ("911" is "nine one one") with the language's table of
/// syllables per digit name, and a token with neither counts as one.
fn token_syllables(token: &str, letters: fn(&str) -> usize, digit_names: &[usize; 10]) -> usize {
    let mut total = 0;
    let mut run = String::new();
    for c in token.chars().chain(std::iter::once(' ')) {
        if c.is_alphabetic() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            total += letters(&run);
            run.clear();
        }
        if let Some(d) = c.to_digit(10) {
            total += digit_names[d as usize];
        }
    }
    total.max(1)
}

/// Word, sentence and syllable counts of some text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Counts {
    words: usize,
    sentences: usize,
    syllables: usize,
}

impl Counts {
    /// Counts the paragraphs, each one on its own (a sentence never runs across paragraphs).
    fn of(paragraphs: &[String], lang: &Language) -> Counts {
        let mut c = Counts::default();
        for p in paragraphs {
            let ws = words(p);
            c.words += ws.len();
            c.sentences += sentence_count(p);
            c.syllables += ws
                .iter()
                .map(|w| token_syllables(w, lang.syllables, &lang.digit_syllables))
                .sum::<usize>();
        }
        c
    }

    /// The sum of two counts (for the "overall" figure).
    fn add(self, o: Counts) -> Counts {
        Counts {
            words: self.words + o.words,
            sentences: self.sentences + o.sentences,
            syllables: self.syllables + o.syllables,
        }
    }

    /// Mean words per sentence.
    fn words_per_sentence(&self) -> f64 {
        self.words as f64 / self.sentences.max(1) as f64
    }

    /// Mean syllables per word.
    fn syllables_per_word(&self) -> f64 {
        self.syllables as f64 / self.words.max(1) as f64
    }
}

// ---------------------------------------------------------------------------------------------
// English.
// ---------------------------------------------------------------------------------------------

/// Flesch-Kincaid grade level: 0.39 · words/sentence + 11.8 · syllables/word − 15.59.
fn flesch_kincaid_grade(c: &Counts) -> f64 {
    0.39 * c.words_per_sentence() + 11.8 * c.syllables_per_word() - 15.59
}

/// English syllables of one run of letters, by vowel groups.
///
/// Vowels are a, e, i, o, u, and y when not the first letter ("you", "yes"). Each group of
/// adjacent vowels is one syllable, then:
/// - a final silent "e" after a consonant is dropped ("spine", "whole"), except in a consonant
///   + "le" ending, which is a syllable of its own ("table", "people");
/// - a final "-ed" after a consonant other than t or d is silent ("watched", "used"; not
///   "needed");
/// - a final "-es" after a consonant is silent ("bones", "makes") except after a hissing sound:
///   s, x, z, ch, sh, ce, ge ("pushes", "places");
/// - every word has at least one syllable ("the", "X");
/// - a run of two or more capitals is an abbreviation read letter by letter ("MRI", "OK"): one
///   syllable a letter, three for W.
///
/// Like every counter of this kind it misses a few words: a few vowel pairs that are spoken as
/// two syllables count as one ("fluid", "being"; "osteoporosis" counts 5, though it is spoken
/// os-te-o-po-ro-sis).
fn english_syllables(word: &str) -> usize {
    if word.chars().count() > 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return word.chars().map(|c| if c == 'W' { 3 } else { 1 }).sum();
    }
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(char::is_ascii_alphabetic)
        .collect();
    let is_vowel = |i: usize| match w[i] {
        'a' | 'e' | 'i' | 'o' | 'u' => true,
        'y' => i > 0,
        _ => false,
    };
    let mut groups = 0;
    for i in 0..w.len() {
        if is_vowel(i) && (i == 0 || !is_vowel(i - 1)) {
            groups += 1;
        }
    }
    let n = w.len();
    let ends_with = |s: &str| w.ends_with(&s.chars().collect::<Vec<char>>());
    let consonant_at = |i: usize| i < n && !is_vowel(i);
    if groups > 1 && n >= 3 {
        let silent = if ends_with("e") {
            // "-le" after a consonant is its own syllable.
            consonant_at(n - 2) && !(w[n - 2] == 'l' && consonant_at(n - 3))
        } else if ends_with("ed") {
            consonant_at(n - 3) && !matches!(w[n - 3], 't' | 'd')
        } else if ends_with("es") {
            let hissing = matches!(w[n - 3], 's' | 'x' | 'z')
                || (n >= 4 && matches!((w[n - 4], w[n - 3]), ('c' | 's', 'h')))
                || matches!(w[n - 3], 'c' | 'g');
            consonant_at(n - 3) && !hissing
        } else {
            false
        };
        if silent {
            groups -= 1;
        }
    }
    groups.max(1)
}

/// Syllables of the English digit names zero … nine.
const ENGLISH_DIGITS: [usize; 10] = [2, 1, 1, 1, 1, 1, 1, 2, 1, 1];

// ---------------------------------------------------------------------------------------------
// Spanish.
// ---------------------------------------------------------------------------------------------

/// Fernández-Huerta readability, corrected form (Gwillim Law, 2011):
/// L = 206.84 − 0.60 · P − 1.02 · F, where P is the number of syllables per 100 words and F the
/// mean number of words per sentence.
///
/// The form often printed, with F = sentences per 100 words, cannot be right: more (so shorter)
/// sentences would lower the score. Read with F = words per sentence, it is Flesch's Reading Ease
/// with a Spanish syllable weight, as Fernández Huerta meant (1959).
fn fernandez_huerta(c: &Counts) -> f64 {
    let p = 100.0 * c.syllables_per_word();
    let f = c.words_per_sentence();
    206.84 - 0.60 * p - 1.02 * f
}

/// Spanish syllables of one run of letters, by vowel groups and the rules of diphthong and
/// hiatus.
///
/// - "qu" and "gu" before e or i: the u is silent ("que", "guía", "seguir"); "ü" is spoken
///   ("pingüino").
/// - "y" is a vowel only at the end of a word ("y", "muy", "hoy").
/// - In a group of adjacent vowels, two strong vowels (a, e, o, with or without accent) are two
///   syllables ("óseo", "leer"); an accented í or ú next to any vowel is a syllable of its own
///   ("día", "reúne"); an unaccented i or u (or ü) joins the vowel next to it in one syllable
///   ("hueso", "ciudad", "cifoplastia").
/// - "h" is a consonant ("ahora" is a-ho-ra).
fn spanish_syllables(word: &str) -> usize {
    let w: Vec<char> = word.to_lowercase().chars().collect();
    let n = w.len();
    // The vowels that are spoken, in order, with None where a consonant stands.
    let mut sounds: Vec<Option<char>> = Vec::with_capacity(n);
    for i in 0..n {
        let c = w[i];
        let silent_u = c == 'u'
            && i > 0
            && matches!(w[i - 1], 'q' | 'g')
            && i + 1 < n
            && matches!(w[i + 1], 'e' | 'i' | 'é' | 'í');
        let vowel = match c {
            'a' | 'e' | 'i' | 'o' | 'u' | 'á' | 'é' | 'í' | 'ó' | 'ú' | 'ü' => !silent_u,
            'y' => i + 1 == n,
            _ => false,
        };
        if silent_u {
            continue;
        }
        sounds.push(vowel.then_some(c));
    }
    let strong = |c: char| matches!(c, 'a' | 'e' | 'o' | 'á' | 'é' | 'ó');
    let accented_weak = |c: char| matches!(c, 'í' | 'ú');
    let mut count = 0;
    let mut prev: Option<char> = None;
    for s in sounds {
        match (prev, s) {
            (_, None) => {}
            (None, Some(_)) => count += 1,
            (Some(a), Some(b)) => {
                let hiatus = (strong(a) && strong(b)) || accented_weak(a) || accented_weak(b);
                if hiatus {
                    count += 1;
                }
            }
        }
        prev = s;
    }
    count.max(1)
}

/// Syllables of the Spanish digit names cero … nueve.
const SPANISH_DIGITS: [usize; 10] = [2, 2, 1, 1, 2, 2, 1, 2, 2, 2];

// ---------------------------------------------------------------------------------------------
// Languages and limits.
// ---------------------------------------------------------------------------------------------

/// How one language is measured.
struct Language {
    /// The measure's name, for the table.
    measure: &'static str,
    /// Syllables of one run of letters.
    syllables: fn(&str) -> usize,
    /// Syllables of the digit names 0 … 9.
    digit_syllables: [usize; 10],
    /// The score from the counts.
    score: fn(&Counts) -> f64,
    /// True when an overall score passes.
    overall_ok: fn(f64) -> bool,
    /// True when one step's score passes.
    step_ok: fn(f64) -> bool,
    /// The limits in words, for failure messages.
    limits: &'static str,
}

/// The measure for a language tag, if there is one.
fn language(tag: &str) -> Option<Language> {
    match tag {
        "en" => Some(Language {
            measure: "Flesch-Kincaid grade",
            syllables: english_syllables,
            digit_syllables: ENGLISH_DIGITS,
            score: flesch_kincaid_grade,
            overall_ok: |g| g <= 6.0,
            step_ok: |g| g <= 8.0,
            limits: "at most grade 6.0 overall and grade 8 per step",
        }),
        "es" => Some(Language {
            measure: "Fernández-Huerta",
            syllables: spanish_syllables,
            digit_syllables: SPANISH_DIGITS,
            score: fernandez_huerta,
            overall_ok: |l| l >= 70.0,
            step_ok: |l| l >= 60.0,
            limits: "at least 70 overall and 60 per step",
        }),
        _ => None,
    }
}

/// One line of the table.
fn row(name: &str, c: &Counts, score: f64) -> String {
    format!(
        "  {name:<18} {:>6} {:>6} {:>6} {:>8.2} {:>8.2} {score:>8.1}",
        c.words,
        c.sentences,
        c.syllables,
        c.words_per_sentence(),
        c.syllables_per_word()
    )
}

fn load(tag: &str, json: &str) -> Content {
    match Content::load(json) {
        Ok(c) => c,
        Err(e) => panic!("content/{tag}.json: {e}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------------------------

#[test]
fn the_narration_of_every_language_is_easy_to_read() {
    let mut failures = Vec::new();
    for (tag, json) in BUILT_IN {
        let content = load(tag, json);
        let Some(lang) = language(tag) else {
            println!("\n{tag}: no readability measure for this language; skipped.");
            continue;
        };
        println!(
            "\n{} ({tag}): {} of the narration",
            content.language_name, lang.measure
        );
        println!(
            "  {:<18} {:>6} {:>6} {:>6} {:>8} {:>8} {:>8}",
            "step", "words", "sent.", "syll.", "w/sent.", "syll/w", "score"
        );
        let mut total = Counts::default();
        for step in &content.steps {
            let c = Counts::of(&step.narration, &lang);
            let score = (lang.score)(&c);
            println!("{}", row(&step.id, &c, score));
            if !(lang.step_ok)(score) {
                failures.push(format!(
                    "{tag}, step \"{}\": {} {score:.1} (want {})",
                    step.id, lang.measure, lang.limits
                ));
            }
            total = total.add(c);
        }
        let overall = (lang.score)(&total);
        println!("{}", row("overall", &total, overall));
        if !(lang.overall_ok)(overall) {
            failures.push(format!(
                "{tag}, overall: {} {overall:.1} (want {})",
                lang.measure, lang.limits
            ));
        }
    }
    println!("\n(see this table with `cargo test --test reading_level -- --nocapture`)");
    assert!(
        failures.is_empty(),
        "the narration is too hard to read:\n{}",
        failures.join("\n")
    );
}

#[test]
fn english_syllables_of_known_words() {
    let known = [
        ("spine", 1),
        ("fracture", 2),
        ("osteoporosis", 5),
        ("cement", 2),
        ("balloon", 2),
        ("vertebra", 3),
        ("the", 1),
        ("hardens", 2),
        ("table", 2),
        ("people", 2),
        ("whole", 1),
        ("bone", 1),
        ("bones", 1),
        ("makes", 1),
        ("pushes", 2),
        ("places", 2),
        ("causes", 2),
        ("goes", 1),
        ("medicines", 3),
        ("allergies", 3),
        ("watched", 1),
        ("used", 1),
        ("needed", 2),
        ("padded", 2),
        ("need", 1),
        ("hardened", 2),
        ("you", 1),
        ("body", 2),
        ("dye", 1),
        ("infection", 3),
        ("bandage", 2),
        ("needle", 2),
        ("hollow", 2),
        ("inside", 2),
        ("X", 1),
        ("MRI", 3),
        ("OK", 2),
    ];
    for (word, want) in known {
        assert_eq!(english_syllables(word), want, "{word}");
    }
}

#[test]
fn spanish_syllables_of_known_words() {
    let known = [
        ("cifoplastia", 4),
        ("vértebra", 3),
        ("hueso", 2),
        ("balón", 2),
        ("día", 2),
        ("aguja", 3),
        ("que", 1),
        ("óseo", 3),
        ("compresión", 3),
        ("radiografía", 5),
        ("guía", 2),
        ("seguir", 2),
        ("agua", 2),
        ("pingüino", 3),
        ("leer", 2),
        ("país", 2),
        ("ciudad", 2),
        ("muy", 1),
        ("y", 1),
        ("hoy", 1),
        ("reúne", 3),
        ("aire", 2),
        ("ahora", 3),
        ("raquídeo", 4),
        ("anestesia", 4),
        ("infección", 3),
        ("médula", 3),
        ("cemento", 3),
        ("Español", 3),
        ("ayuda", 3),
    ];
    for (word, want) in known {
        assert_eq!(spanish_syllables(word), want, "{word}");
    }
}

#[test]
fn numbers_and_symbols_are_words_without_breaking_sentences() {
    let text = "Call if you have a fever over 101 °F. Your X-ray is ready! Is it 38.3 °C? Yes";
    assert_eq!(sentence_count(text), 4);
    assert_eq!(words("a — b 101 °F X-ray").len(), 5);
    assert_eq!(sentence_count("Wait... then go."), 2);
    assert_eq!(sentence_count("He said \"stop.\" Then he left."), 2);
    assert_eq!(sentence_count(""), 0);
    assert_eq!(
        token_syllables("X-ray", english_syllables, &ENGLISH_DIGITS),
        2
    );
    assert_eq!(
        token_syllables("911", english_syllables, &ENGLISH_DIGITS),
        3
    );
    assert_eq!(
        token_syllables("911", spanish_syllables, &SPANISH_DIGITS),
        6
    );
    assert_eq!(
        token_syllables("°F.", english_syllables, &ENGLISH_DIGITS),
        1
    );
}

#[test]
fn the_formulas_match_worked_examples() {
    // 100 words, 5 sentences, 150 syllables.
    let c = Counts {
        words: 100,
        sentences: 5,
        syllables: 150,
    };
    // 0.39 · 20 + 11.8 · 1.5 − 15.59 = 9.91
    assert!((flesch_kincaid_grade(&c) - 9.91).abs() < 1e-9);
    // 206.84 − 0.60 · 150 − 1.02 · 20 = 96.44
    assert!((fernandez_huerta(&c) - 96.44).abs() < 1e-9);
}
