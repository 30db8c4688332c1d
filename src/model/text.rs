//! Finding and replacing a piece of text in the widget's own short texts (placeholders such as
//! `{n}`, paragraph breaks, glossary words). A plain left-to-right comparison: `str::find` and
//! `str::replace` with a `&str` pattern bring core's two-way string search into the WebAssembly,
//! about 3 KB of code for texts of a few hundred characters. The results are the same (the
//! native tests compare them with the standard library's).

/// Where `pat` first occurs in `s`, as a byte index (0 for an empty `pat`).
pub fn find(s: &str, pat: &str) -> Option<usize> {
    if pat.is_empty() {
        return Some(0);
    }
    s.as_bytes()
        .windows(pat.len())
        .position(|w| w == pat.as_bytes())
}

/// `s` with every `from` (not overlapping, left to right) replaced by `to`.
pub fn replace(s: &str, from: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = find(rest, from).filter(|_| !from.is_empty()) {
        // A match of valid UTF-8 in valid UTF-8 starts and ends on character boundaries.
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push_str(to);
        rest = rest.get(at + from.len()..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The text before and after the first `pat` in `s`.
pub fn split_once<'a>(s: &'a str, pat: &str) -> Option<(&'a str, &'a str)> {
    let at = find(s, pat)?;
    Some((s.get(..at)?, s.get(at + pat.len()..)?))
}

/// The pieces of `s` between the occurrences of `pat` (a non-empty `pat`).
pub fn split<'a>(s: &'a str, pat: &str) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some((before, after)) = split_once(rest, pat).filter(|_| !pat.is_empty()) {
        out.push(before);
        rest = after;
    }
    out.push(rest);
    out
}

/// The pieces joined with `sep` between them, as `[..].join(sep)` (whose code is about 1 KB in the
/// WebAssembly).
pub fn join<S: AsRef<str>>(pieces: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, piece) in pieces.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(piece.as_ref());
    }
    out
}

/// The pieces of `s` between the bytes `sep` (an ASCII character), as `s.split(char)` without
/// core's character searcher.
pub fn pieces(s: &str, sep: u8) -> Pieces<'_> {
    debug_assert!(
        sep.is_ascii(),
        "a separator inside a character would split it"
    );
    Pieces { rest: Some(s), sep }
}

/// The iterator of [`pieces`].
pub struct Pieces<'a> {
    rest: Option<&'a str>,
    sep: u8,
}

impl<'a> Iterator for Pieces<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let rest = self.rest?;
        match rest.bytes().position(|b| b == self.sep) {
            // An ASCII byte is always a character boundary.
            Some(at) => {
                self.rest = rest.get(at + 1..);
                rest.get(..at)
            }
            None => self.rest.take(),
        }
    }
}

/// `s` up to its first `a` or `b` (ASCII characters), as `s.split([a, b]).next()`.
pub fn before_either(s: &str, a: u8, b: u8) -> &str {
    let end = s.bytes().position(|c| c == a || c == b).unwrap_or(s.len());
    s.get(..end).unwrap_or(s)
}

/// A whole number written in ASCII digits (with an optional `+`), as `s.parse::<usize>().ok()`.
pub fn number(s: &str) -> Option<usize> {
    let digits = s.strip_prefix("+").unwrap_or(s);
    if digits.is_empty() {
        return None;
    }
    digits.bytes().try_fold(0usize, |n, b| {
        let d = b.wrapping_sub(b'0');
        (d < 10).then_some(())?;
        n.checked_mul(10)?.checked_add(usize::from(d))
    })
}

/// True for Unicode's white space (as `char::is_whitespace`), written out: the standard one
/// looks non-ASCII characters up in a table.
fn is_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | ' '
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `s` without white space at either end, as `s.trim()` (a no-break space counts, as a clinic's
/// `&nbsp;` should), in one forward pass instead of core's two-way character walk.
pub fn trim(s: &str) -> &str {
    let mut start = None;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if !is_space(c) {
            start.get_or_insert(i);
            end = i + c.len_utf8();
        }
    }
    start.and_then(|start| s.get(start..end)).unwrap_or("")
}

/// `s`'s characters, each as `f` maps it (left out where it gives `None`), at most `max` of them:
/// one loop for every such filter, where each `.chars()...collect::<String>()` is code of its own.
pub fn map_chars(s: &str, max: usize, f: &dyn Fn(char) -> Option<char>) -> String {
    let mut out = String::new();
    for c in s.chars().filter_map(f).take(max) {
        out.push(c);
    }
    out
}

/// How many words `s` has, as `s.split_whitespace().count()`.
pub fn word_count(s: &str) -> usize {
    let (mut n, mut in_word) = (0, false);
    for c in s.chars() {
        let word = !is_space(c);
        if word && !in_word {
            n += 1;
        }
        in_word = word;
    }
    n
}

/// How many characters (Unicode scalar values) `s` has, as `s.chars().count()`, in less code in
/// the WebAssembly: every byte but a UTF-8 continuation byte starts one.
pub fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXTS: [&str; 9] = [
        "",
        "Step {n} of {total}",
        "{n}{n}",
        "Paso {n} de {total}: vértebra, cifoplastia con balón",
        "first\n\nsecond\n\n\n\nthird",
        "aaaa",
        "ñandú {clinic} ñ",
        "Call {clinic} at {phone}.",
        "no placeholder",
    ];
    const PATTERNS: [&str; 9] = [
        "{n}", "{total}", "\n\n", "aa", "ñ", "{clinic}", "{phone}", "x", "é",
    ];

    #[test]
    fn find_and_split_once_agree_with_std() {
        for s in TEXTS {
            for p in PATTERNS {
                assert_eq!(find(s, p), s.find(p), "{s:?} {p:?}");
                assert_eq!(split_once(s, p), s.split_once(p), "{s:?} {p:?}");
            }
            assert_eq!(find(s, ""), Some(0));
        }
    }

    #[test]
    fn replace_and_split_agree_with_std() {
        for s in TEXTS {
            for p in PATTERNS {
                for to in ["", "12", "{n}", "ü"] {
                    assert_eq!(replace(s, p, to), s.replace(p, to), "{s:?} {p:?} {to:?}");
                }
                assert_eq!(split(s, p), s.split(p).collect::<Vec<_>>(), "{s:?} {p:?}");
            }
        }
    }

    #[test]
    fn join_and_char_count_agree_with_std() {
        for sep in ["", ", ", "\u{1f}", "ñ"] {
            for n in 0..=TEXTS.len() {
                assert_eq!(join(&TEXTS[..n], sep), TEXTS[..n].join(sep), "{n} {sep:?}");
            }
            let owned: Vec<String> = PATTERNS.iter().map(|p| p.to_string()).collect();
            assert_eq!(join(&owned, sep), owned.join(sep));
        }
        for s in TEXTS.iter().chain(&PATTERNS).chain(&["€ 𝄞 日本語"]) {
            assert_eq!(char_count(s), s.chars().count(), "{s:?}");
        }
    }

    #[test]
    fn trim_and_word_count_agree_with_std() {
        // Every character std counts as white space, and its neighbours, at each end and inside.
        let spaces: Vec<char> = (0..=0x3001u32)
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .collect();
        assert_eq!(spaces.len(), 25, "{spaces:?}");
        // All of Unicode (std has no white space above U+3000 today, but a later one might).
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_space(c), c.is_whitespace(), "{c:?}");
        }
        let mut texts: Vec<String> = TEXTS.iter().map(|t| t.to_string()).collect();
        for &sp in &spaces {
            texts.push(format!("{sp}"));
            texts.push(format!("{sp}a{sp}"));
            texts.push(format!("{sp}{sp}ñ b{sp}é{sp}"));
            texts.push(format!("x{sp}"));
        }
        texts.push("\u{200b}a\u{feff}".into()); // not white space for std either
        for t in &texts {
            assert_eq!(trim(t), t.trim(), "{t:?}");
            assert_eq!(word_count(t), t.split_whitespace().count(), "{t:?}");
        }
    }

    #[test]
    fn map_chars_agrees_with_std() {
        let texts = TEXTS
            .iter()
            .chain(&["", " \u{a0}ñ b\u{7}é\u{9f} ", "abcdef", "1a2b3c4d"]);
        for t in texts {
            let upper = |c: char| Some(c.to_ascii_uppercase());
            assert_eq!(
                map_chars(t, usize::MAX, &upper),
                t.to_ascii_uppercase(),
                "{t:?}"
            );
            // Filtered, then at most `max` kept (the order config's clinic name relies on).
            let letters = |c: char| c.is_alphabetic().then_some(c);
            for max in [0, 1, 3, 100] {
                let std: String = t.chars().filter(|c| c.is_alphabetic()).take(max).collect();
                assert_eq!(map_chars(t, max, &letters), std, "{t:?} {max}");
            }
        }
    }

    #[test]
    fn pieces_before_either_and_number_agree_with_std() {
        let texts = TEXTS
            .iter()
            .chain(&["a.b.c", ".", "..", "a.", ".a", "es-MX", "pt_BR", "x-y_z"]);
        for s in texts.clone() {
            for sep in [b'.', b' ', b'\x1f', b'-', b'{'] {
                let std: Vec<&str> = s.split(char::from(sep)).collect();
                assert_eq!(pieces(s, sep).collect::<Vec<_>>(), std, "{s:?} {sep}");
            }
            assert_eq!(
                Some(before_either(s, b'-', b'_')),
                s.split(['-', '_']).next()
            );
        }
        for s in [
            "",
            "0",
            "7",
            "+7",
            "-7",
            "12",
            "007",
            " 1",
            "1 ",
            "1.5",
            "+",
            "++1",
            "x",
            "٣",
            "18446744073709551615",
            "18446744073709551616",
            "99999999999999999999",
        ] {
            assert_eq!(number(s), s.parse::<usize>().ok(), "{s:?}");
        }
    }
}
