//! The widget's settings, read from the host element's attributes and validated.
//!
//! Unknown or invalid values never stop the widget: each gives one warning that names the
//! attribute and the accepted values, and the default is used instead.

use crate::content::{language_tags, match_language, Content};

/// Who the widget speaks to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Plain words for patients (the default).
    #[default]
    Patient,
    /// A physician explaining in a consultation.
    Consult,
}

/// Settings of one widget instance.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Config {
    /// Who the widget speaks to.
    pub mode: Mode,
    /// Index of the first step shown.
    pub start: usize,
    /// Start playing at once (ignored with reduced motion).
    pub autoplay: bool,
    /// The language asked for by the `lang` attribute, when it is built in.
    pub lang: Option<String>,
    /// The clinic's accent colour (a CSS colour), for buttons and highlights.
    pub accent: Option<String>,
    /// The clinic's name, shown in the call to action on the last step.
    pub clinic_name: Option<String>,
    /// The clinic's phone number, shown (and linked) in the call to action.
    pub clinic_phone: Option<String>,
    /// The clinic's own wording: (text id, text) pairs from the `text` attribute.
    pub text: Vec<(String, String)>,
    /// Consult mode: settings and step from a share link (`#kyphoplasty=...` in the page's
    /// address), read when the widget starts. Not an attribute.
    pub share: Option<crate::model::share::Share>,
}

/// True for a colour the widget accepts: `#rgb`, `#rrggbb`, `rgb(...)`, `hsl(...)` or a CSS colour
/// keyword (letters only). The browser confirms it before use.
pub fn is_plausible_colour(v: &str) -> bool {
    let hex = v.strip_prefix('#').is_some_and(|h| {
        (h.len() == 3 || h.len() == 6) && h.chars().all(|c| c.is_ascii_hexdigit())
    });
    let func = ["rgb(", "rgba(", "hsl(", "hsla("]
        .iter()
        .any(|f| v.starts_with(f))
        && v.ends_with(")")
        && v.chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ' ' | ',' | '.' | '%' | '(' | ')' | '/' | '-')
        });
    let word = !v.is_empty() && v.len() <= 24 && v.chars().all(|c| c.is_ascii_alphabetic());
    hex || func || word
}

/// Parses `#rgb` or `#rrggbb` into red, green and blue.
pub fn parse_hex(v: &str) -> Option<[u8; 3]> {
    let h = v.strip_prefix("#")?.as_bytes();
    // One hex digit's value (`u8::from_str_radix` is several times the code).
    let d = |i: usize| Some(char::from(*h.get(i)?).to_digit(16)? as u8);
    match h.len() {
        3 => Some([d(0)? * 17, d(1)? * 17, d(2)? * 17]),
        6 => Some([d(0)? * 16 + d(1)?, d(2)? * 16 + d(3)?, d(4)? * 16 + d(5)?]),
        _ => None,
    }
}

/// WCAG contrast ratio between two colours.
pub fn contrast(a: [u8; 3], b: [u8; 3]) -> f32 {
    fn lum(c: [u8; 3]) -> f32 {
        let ch = |v: u8| {
            let s = v as f32 / 255.0;
            if s <= 0.039_28 {
                s / 12.92
            } else {
                crate::model::math::powf((s + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * ch(c[0]) + 0.7152 * ch(c[1]) + 0.0722 * ch(c[2])
    }
    let (la, lb) = (lum(a), lum(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// True for a phone number: digits with spaces, dots, dashes, parentheses or a leading plus;
/// 7 to 15 digits.
pub fn is_phone(v: &str) -> bool {
    let digits = v.chars().filter(char::is_ascii_digit).count();
    (7..=15).contains(&digits)
        && v.chars().enumerate().all(|(i, c)| {
            c.is_ascii_digit() || matches!(c, ' ' | '.' | '-' | '(' | ')') || (c == '+' && i == 0)
        })
}

impl Config {
    /// Builds a config from `(name, value)` attribute pairs; returns it with one warning per
    /// problem. Attributes that are not the widget's (e.g. `class`, `id`, `data-*`) are ignored.
    pub fn from_attributes<'a>(
        attrs: impl IntoIterator<Item = (&'a str, &'a str)>,
        content: &Content,
    ) -> (Config, Vec<String>) {
        let mut config = Config::default();
        let mut warnings = Vec::new();
        for (name, value) in attrs {
            let value = crate::model::text::trim(value);
            match name {
                "mode" => match value {
                    "patient" | "" => config.mode = Mode::Patient,
                    "consult" => config.mode = Mode::Consult,
                    _ => warnings.push(format!(
                        "kyphoplasty-explainer: mode=\"{value}\" is not known; use \"patient\" or \"consult\". Using \"patient\"."
                    )),
                },
                "start" => {
                    if let Some(i) = content.step_index(value) {
                        config.start = i;
                    } else if let Some(i) = crate::model::text::number(value)
                        .filter(|n| (1..=content.steps.len()).contains(n))
                    {
                        config.start = i - 1;
                    } else {
                        let ids: Vec<&str> = content.steps.iter().map(|s| s.id.as_str()).collect();
                        warnings.push(format!(
                            "kyphoplasty-explainer: start=\"{value}\" is not a step; use a step number from 1 to {} or one of: {}. Starting at the first step.",
                            content.steps.len(),
                            crate::model::text::join(&ids, ", ")
                        ));
                    }
                }
                "lang" => {
                    if let Some(tag) = match_language(value) {
                        config.lang = Some(tag.to_string());
                    } else if !value.is_empty() {
                        warnings.push(format!(
                            "kyphoplasty-explainer: lang=\"{value}\" is not available; use one of: {}. Using the page's language.",
                            crate::model::text::join(&language_tags(), ", ")
                        ));
                    }
                }
                "accent" => {
                    if is_plausible_colour(value) {
                        config.accent = Some(value.to_string());
                    } else {
                        warnings.push(format!(
                            "kyphoplasty-explainer: accent=\"{value}\" is not a colour; use a CSS colour such as \"#1d6a86\" or \"rgb(29 106 134)\". Using the default colour."
                        ));
                    }
                }
                "clinic-name" => {
                    let name = crate::model::text::map_chars(value, 80, &|c| (!c.is_control()).then_some(c));
                    let name = crate::model::text::trim(&name);
                    if !name.is_empty() {
                        config.clinic_name = Some(name.to_string());
                    }
                }
                "clinic-phone" => {
                    if is_phone(value) {
                        config.clinic_phone = Some(value.to_string());
                    } else if !value.is_empty() {
                        warnings.push(format!(
                            "kyphoplasty-explainer: clinic-phone=\"{value}\" is not a phone number; use digits with spaces, dashes, dots, parentheses or a leading +. Leaving the phone number out."
                        ));
                    }
                }
                "text" => match json_texts(value) {
                    Some(map) => config.text = map,
                    None => warnings.push(format!(
                        "kyphoplasty-explainer: text='{value}' is not a JSON object of text ids and texts, such as {{\"ui.next\": \"Continue\"}}. Using the built-in wording."
                    )),
                },
                "autoplay" => match value {
                    "" | "true" | "autoplay" => config.autoplay = true,
                    "false" => config.autoplay = false,
                    _ => warnings.push(format!(
                        "kyphoplasty-explainer: autoplay=\"{value}\" is not known; write autoplay (or autoplay=\"true\"/\"false\"). Not playing automatically."
                    )),
                },
                _ => {}
            }
        }
        (config, warnings)
    }
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// A JSON object whose values are all strings, such as `{"ui.next": "Continue"}` (a few lines
/// instead of a JSON library in the WebAssembly); `None` for anything else.
fn json_texts(text: &str) -> Option<Vec<(String, String)>> {
    fn space(c: &mut Chars) {
        while c
            .next_if(|x| matches!(x, ' ' | '\t' | '\n' | '\r'))
            .is_some()
        {}
    }
    fn hex(c: &mut Chars) -> Option<u32> {
        (0..4).try_fold(0, |n, _| Some(n * 16 + c.next()?.to_digit(16)?))
    }
    fn string(c: &mut Chars) -> Option<String> {
        space(c);
        c.next_if_eq(&'"')?;
        let mut out = String::new();
        loop {
            let ch = match c.next()? {
                '"' => return Some(out),
                '\\' => match c.next()? {
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'n' => '\n',
                    'r' => '\r',
                    't' => '\t',
                    'u' => {
                        let hi = hex(c)?;
                        let code = if (0xd800..0xdc00).contains(&hi) {
                            c.next_if_eq(&'\\')?;
                            c.next_if_eq(&'u')?;
                            0x10000 + ((hi - 0xd800) << 10) + hex(c)?.checked_sub(0xdc00)?
                        } else {
                            hi
                        };
                        char::from_u32(code)?
                    }
                    e @ ('"' | '\\' | '/') => e,
                    _ => return None,
                },
                ch if ch < ' ' => return None,
                ch => ch,
            };
            out.push(ch);
        }
    }
    let mut c = text.chars().peekable();
    let mut map: Vec<(String, String)> = Vec::new();
    space(&mut c);
    c.next_if_eq(&'{')?;
    space(&mut c);
    if c.next_if_eq(&'}').is_none() {
        loop {
            let key = string(&mut c)?;
            space(&mut c);
            c.next_if_eq(&':')?;
            let value = string(&mut c)?;
            // A key given twice: the last one counts, as in JSON.parse.
            map.retain(|(k, _)| *k != key);
            map.push((key, value));
            space(&mut c);
            match c.next()? {
                ',' => {}
                '}' => break,
                _ => return None,
            }
        }
    }
    space(&mut c);
    c.next().is_none().then_some(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::EN_JSON;

    fn content() -> Content {
        match Content::load(EN_JSON) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn good_attributes_are_used() {
        let c = content();
        let (cfg, w) = Config::from_attributes(
            [
                ("mode", "consult"),
                ("start", "balloon-inflated"),
                ("autoplay", ""),
            ],
            &c,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(cfg.mode, Mode::Consult);
        assert_eq!(c.steps[cfg.start].id, "balloon-inflated");
        assert!(cfg.autoplay);
        let (cfg, _) = Config::from_attributes([("start", "3")], &c);
        assert_eq!(cfg.start, 2);
    }

    #[test]
    fn a_clinic_name_loses_control_characters_and_stops_at_80() {
        let c = content();
        let long = format!("\u{7}Riverside\u{9f} {}", "x".repeat(100));
        let (cfg, _) = Config::from_attributes([("clinic-name", long.as_str())], &c);
        let name = cfg.clinic_name.unwrap_or_default();
        assert_eq!(name, format!("Riverside {}", "x".repeat(70)));
        assert_eq!(name.chars().count(), 80);
        // Only control characters and white space: no name.
        let (cfg, _) = Config::from_attributes([("clinic-name", "\u{7}\u{a0}\n ")], &c);
        assert_eq!(cfg.clinic_name, None);
    }

    #[test]
    fn clinic_attributes_are_checked() {
        let c = content();
        let (cfg, w) = Config::from_attributes(
            [
                ("accent", "#0a5"),
                ("clinic-name", "  Riverside Spine "),
                ("clinic-phone", "+1 (555) 010-0199"),
                ("lang", "en-US"),
            ],
            &c,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(cfg.lang.as_deref(), Some("en"));
        assert_eq!(cfg.accent.as_deref(), Some("#0a5"));
        assert_eq!(cfg.clinic_name.as_deref(), Some("Riverside Spine"));
        assert_eq!(cfg.clinic_phone.as_deref(), Some("+1 (555) 010-0199"));
        let (cfg, w) = Config::from_attributes(
            [
                ("accent", "red; background:url(x)"),
                ("clinic-phone", "call us"),
                ("lang", "fr"),
            ],
            &c,
        );
        assert_eq!((cfg.accent, cfg.clinic_phone), (None, None));
        assert_eq!(w.len(), 3, "{w:#?}");
        assert!(w[0].contains("accent=") && w[0].contains("CSS colour"));
        assert!(w[1].contains("clinic-phone="));
        assert!(w[2].contains("lang=\"fr\"") && w[2].contains("en"));
    }

    #[test]
    fn the_text_attribute_takes_a_json_object_of_strings() {
        let c = content();
        let (cfg, w) = Config::from_attributes([("text", r#"{"ui.next": "Continue"}"#)], &c);
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(
            cfg.text,
            vec![("ui.next".to_string(), "Continue".to_string())]
        );
        let (cfg, w) = Config::from_attributes([("text", "ui.next=Continue")], &c);
        assert!(cfg.text.is_empty());
        assert_eq!(w.len(), 1);
        assert!(w[0].contains("JSON object"), "{w:?}");
    }

    #[test]
    fn the_text_attribute_reads_json_strings_with_escapes() {
        let map = json_texts(
            r#" { "a": "x \"y\" \\ \/ \n\t", "b" : "\u00e9\u00F1 \ud83d\ude00", "a": "last" } "#,
        );
        let Some(map) = map else {
            panic!("valid JSON was refused")
        };
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(map, vec![pair("b", "éñ 😀"), pair("a", "last")]);
        let map = json_texts(r#"{"a": "x \"y\" \\ \/ \n\t"}"#).unwrap_or_default();
        assert_eq!(map, vec![pair("a", "x \"y\" \\ / \n\t")]);
        assert_eq!(json_texts("{}").map(|m| m.len()), Some(0));
        for bad in [
            "",
            "{",
            "[]",
            r#"{"a": 1}"#,
            r#"{"a": "b",}"#,
            r#"{"a" "b"}"#,
            r#"{"a": "b"} x"#,
            r#"{"a": "\x"}"#,
            r#"{"a": "\ud83d"}"#,
            "{\"a\": \"line\nbreak\"}",
        ] {
            assert!(json_texts(bad).is_none(), "{bad:?}");
        }
    }

    #[test]
    fn colours_phones_and_contrast() {
        for ok in [
            "#123",
            "#1d6a86",
            "rgb(29 106 134)",
            "hsl(200, 60%, 30%)",
            "teal",
        ] {
            assert!(is_plausible_colour(ok), "{ok}");
        }
        for bad in ["", "#12", "#12345g", "url(x)", "red;x", "rgb(1,2,3"] {
            assert!(!is_plausible_colour(bad), "{bad}");
        }
        assert_eq!(parse_hex("#fff"), Some([255, 255, 255]));
        assert_eq!(parse_hex("#1d6a86"), Some([0x1d, 0x6a, 0x86]));
        assert_eq!(parse_hex("teal"), None);
        assert_eq!(parse_hex("#FFA500"), Some([255, 165, 0]));
        for bad in ["#ff", "#ffff", "#12345g", "#ééé", "fff"] {
            assert_eq!(parse_hex(bad), None, "{bad}");
        }
        // Each pair as u8::from_str_radix reads it, except its leading '+' ("#+f+f+f" is no
        // colour, and is_plausible_colour lets only hex digits through anyway).
        let chars = "09afAFgz+-é ";
        for a in chars.chars() {
            for b in chars.chars() {
                let pair = format!("{a}{b}");
                let std = u8::from_str_radix(&pair, 16).ok().filter(|_| a != '+');
                assert_eq!(
                    parse_hex(&format!("#{pair}{pair}{pair}")),
                    std.map(|v| [v; 3]),
                    "{pair}"
                );
            }
            let std = u8::from_str_radix(&a.to_string(), 16)
                .ok()
                .filter(|_| a != '+');
            assert_eq!(
                parse_hex(&format!("#{a}{a}{a}")),
                std.map(|v| [v * 17; 3]),
                "{a}"
            );
        }
        assert!((contrast([0, 0, 0], [255, 255, 255]) - 21.0).abs() < 0.01);
        assert!(contrast([0x1d, 0x6a, 0x86], [255, 255, 255]) > 4.5);
        assert!(is_phone("555-010-0199") && is_phone("+44 20 7946 0958"));
        assert!(!is_phone("12345") && !is_phone("555 CALL NOW") && !is_phone("5+55 010 0199"));
    }

    #[test]
    fn bad_attributes_warn_once_each_and_fall_back() {
        let c = content();
        let (cfg, w) = Config::from_attributes(
            [
                ("mode", "doctor"),
                ("start", "99"),
                ("autoplay", "maybe"),
                ("class", "x"),
            ],
            &c,
        );
        assert_eq!(cfg, Config::default());
        assert_eq!(w.len(), 3, "{w:#?}");
        assert!(w[0].contains("mode=\"doctor\"") && w[0].contains("\"patient\" or \"consult\""));
        assert!(w[1].contains("start=\"99\"") && w[1].contains("broken-bone"));
        assert!(w[2].contains("autoplay=\"maybe\""));
    }
}
