//! The widget's settings, read from the host element's attributes and validated.
//!
//! Unknown or invalid values never stop the widget: each gives one warning that names the
//! attribute and the accepted values, and the default is used instead.

use crate::content::Content;

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
}

/// Attributes the element understands.
pub const KNOWN_ATTRIBUTES: [&str; 7] = [
    "lang",
    "mode",
    "start",
    "autoplay",
    "accent",
    "clinic-name",
    "clinic-phone",
];

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
            let value = value.trim();
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
                    } else if let Some(i) = value
                        .parse::<usize>()
                        .ok()
                        .filter(|n| (1..=content.steps.len()).contains(n))
                    {
                        config.start = i - 1;
                    } else {
                        let ids: Vec<&str> = content.steps.iter().map(|s| s.id.as_str()).collect();
                        warnings.push(format!(
                            "kyphoplasty-explainer: start=\"{value}\" is not a step; use a step number from 1 to {} or one of: {}. Starting at the first step.",
                            content.steps.len(),
                            ids.join(", ")
                        ));
                    }
                }
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
