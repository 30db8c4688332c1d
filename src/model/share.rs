//! Share links for consult mode: this patient's picture (the consult settings and the step shown)
//! written into a short URL fragment, and read back.
//!
//! ```text
//! #kyphoplasty=step-5.grade-3.level-T11.balloons-1.xray-1
//! #kyphoplasty=step-3.grade-2.level-T8.balloons-2.xray-1.levels-2.route-extra.projection-ap
//! ```
//!
//! `levels`, `route` and `projection` are written only when not their defaults (1, `trans`,
//! `lateral`).
//!
//! The fragment starts with `kyphoplasty=`, then `key-value` items joined by dots. It holds no
//! personal data, only the settings, and it never leaves the browser (a fragment is not sent to
//! the server). Rules, so that links keep working as keys are added:
//! - the value is everything after the first `-` (so `step-bone-cement` names a step by id);
//! - keys that are not known are ignored without a word (a link made by a newer version);
//! - a key that is left out keeps its default;
//! - a bad value falls back to the default, and all bad values of one fragment are reported in
//!   one warning that names each key and the accepted values.
//!
//! **To add a setting:** add a field to [`Share`] (with its default in `Default`), one arm in
//! [`Share::from_fragment`] and one item in [`Share::items`].
//!
//! **Invariant:** pure Rust, no web APIs; the view reads and writes `location.hash`.

use super::levels::MAX_LEVELS;
use super::patient::{Grade, SPINE_LEVELS};
use super::route::Route;

/// The name before `=` that marks the widget's fragment.
pub const FRAGMENT_NAME: &str = "kyphoplasty";

/// Playback speeds a link can carry, in percent (the consult panel's 0.5x to 2x).
pub const SPEED_PERCENTS: [u16; 4] = [50, 100, 150, 200];

/// What a share link carries: the consult settings and the step shown.
#[derive(Clone, Debug, PartialEq)]
pub struct Share {
    /// The step shown, as an index from 0 (written as a number from 1).
    pub step: usize,
    /// Fracture severity.
    pub grade: Grade,
    /// The treated spine level, one of [`SPINE_LEVELS`].
    pub level: String,
    /// Two balloons (both sides) rather than one.
    pub two_balloons: bool,
    /// The X-ray style of the drawing.
    pub xray: bool,
    /// Playback speed in percent, one of [`SPEED_PERCENTS`] (written only when not 100).
    pub speed_percent: u16,
    /// How many neighbouring levels are treated, 1 to [`MAX_LEVELS`].
    pub levels: u8,
    /// The needle's route (extrapedicular applies at thoracic levels only).
    pub route: Route,
    /// The AP projection rather than the lateral one (with the X-ray style).
    pub ap: bool,
}

impl Default for Share {
    /// The consult panel's defaults: first step, grade 2, L1, two balloons, drawing style, 1x.
    fn default() -> Self {
        Share {
            step: 0,
            grade: Grade::default(),
            level: "L1".into(),
            two_balloons: true,
            xray: false,
            speed_percent: 100,
            levels: 1,
            route: Route::Transpedicular,
            ap: false,
        }
    }
}

/// Decodes the few percent-escapes a messaging app may put into a fragment (`%3D` for `=`).
fn unescape(s: &str) -> String {
    s.replace("%3D", "=")
        .replace("%3d", "=")
        .replace("%2D", "-")
        .replace("%2d", "-")
        .replace("%2E", ".")
        .replace("%2e", ".")
}

impl Share {
    /// The items of the fragment, in order, as `(key, value)` pairs.
    pub fn items(&self) -> Vec<(&'static str, String)> {
        let mut items = vec![
            ("step", (self.step + 1).to_string()),
            ("grade", self.grade.number().to_string()),
            ("level", self.level.clone()),
            ("balloons", if self.two_balloons { "2" } else { "1" }.into()),
            ("xray", u8::from(self.xray).to_string()),
        ];
        if self.speed_percent != 100 {
            items.push(("speed", self.speed_percent.to_string()));
        }
        if self.levels != 1 {
            items.push(("levels", self.levels.to_string()));
        }
        if self.route == Route::Extrapedicular {
            items.push(("route", "extra".into()));
        }
        if self.ap {
            items.push(("projection", "ap".into()));
        }
        items
    }

    /// The fragment without its `#`, e.g. `kyphoplasty=step-5.grade-3.level-T11.balloons-1.xray-1`.
    pub fn to_fragment(&self) -> String {
        let items: Vec<String> = self
            .items()
            .iter()
            .map(|(k, v)| format!("{k}-{v}"))
            .collect();
        format!("{FRAGMENT_NAME}={}", super::text::join(&items, "."))
    }

    /// Reads a page's `location.hash` (with or without its `#`). `None` when the hash is not the
    /// widget's fragment; otherwise the settings (defaults where a value is missing or bad) and,
    /// when some values were bad, one warning naming them all. `step_ids` are the steps' ids in
    /// order (a step may be given by number from 1 or by id).
    pub fn from_fragment(hash: &str, step_ids: &[&str]) -> Option<(Share, Option<String>)> {
        let hash = unescape(super::text::trim(hash).trim_start_matches('#'));
        let body = hash.strip_prefix(FRAGMENT_NAME)?.strip_prefix('=')?;
        let mut share = Share::default();
        let mut problems = Vec::new();
        for item in super::text::pieces(body, b'.').filter(|i| !i.is_empty()) {
            let (key, value) = super::text::split_once(item, "-").unwrap_or((item, ""));
            let key = key.to_ascii_lowercase();
            let mut bad = |accepted: String, fallback: &str| {
                problems.push(format!(
                    "{key}-{value} is not valid (use {accepted}; using {fallback})"
                ))
            };
            match key.as_str() {
                "step" => {
                    let by_number = super::text::number(value)
                        .filter(|n| (1..=step_ids.len()).contains(n))
                        .map(|n| n - 1);
                    match by_number.or_else(|| step_ids.iter().position(|id| *id == value)) {
                        Some(i) => share.step = i,
                        None => bad(
                            format!("a step number from 1 to {} or a step id", step_ids.len()),
                            "the first step",
                        ),
                    }
                }
                "grade" => match value.parse().ok().and_then(Grade::from_number) {
                    Some(g) => share.grade = g,
                    None => bad("1, 2 or 3".into(), "grade 2"),
                },
                "level" => {
                    let upper = value.to_ascii_uppercase();
                    match SPINE_LEVELS.iter().find(|l| **l == upper) {
                        Some(l) => share.level = (*l).to_string(),
                        None => bad(
                            format!("a level from {} to {}", SPINE_LEVELS[0], SPINE_LEVELS[12]),
                            "L1",
                        ),
                    }
                }
                "balloons" => match value {
                    "1" => share.two_balloons = false,
                    "2" => share.two_balloons = true,
                    _ => bad("1 or 2".into(), "2"),
                },
                "xray" => match value {
                    "0" => share.xray = false,
                    "1" => share.xray = true,
                    _ => bad("0 or 1".into(), "0"),
                },
                "speed" => match value
                    .parse::<u16>()
                    .ok()
                    .filter(|p| SPEED_PERCENTS.contains(p))
                {
                    Some(p) => share.speed_percent = p,
                    None => bad("50, 100, 150 or 200".into(), "100"),
                },
                "levels" => match value
                    .parse::<u8>()
                    .ok()
                    .filter(|n| (1..=MAX_LEVELS).contains(n))
                {
                    Some(n) => share.levels = n,
                    None => bad(format!("1 to {MAX_LEVELS}"), "1"),
                },
                "route" => match value {
                    "trans" => share.route = Route::Transpedicular,
                    "extra" => share.route = Route::Extrapedicular,
                    _ => bad("trans or extra".into(), "trans"),
                },
                "projection" => match value {
                    "lateral" => share.ap = false,
                    "ap" => share.ap = true,
                    _ => bad("lateral or ap".into(), "lateral"),
                },
                // A key from a newer version: ignored, so older widgets still open newer links.
                _ => {}
            }
        }
        let warning = (!problems.is_empty()).then(|| {
            format!(
                "kyphoplasty-explainer: the link's #{FRAGMENT_NAME}= settings have bad values: {}.",
                super::text::join(&problems, "; ")
            )
        });
        Some((share, warning))
    }

    /// The playback speed as a factor (1.0 is normal speed).
    pub fn speed(&self) -> f32 {
        f32::from(self.speed_percent) / 100.0
    }

    /// The nearest speed a link can carry for a factor (e.g. 1.5 gives 150).
    pub fn percent_of(speed: f32) -> u16 {
        let p = (speed * 100.0).round();
        SPEED_PERCENTS
            .into_iter()
            .min_by_key(|s| (f32::from(*s) - p).abs() as u32)
            .unwrap_or(100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_route_and_projection_round_trip_and_are_checked() {
        let share = Share {
            level: "T8".into(),
            levels: 2,
            route: Route::Extrapedicular,
            ap: true,
            xray: true,
            ..Share::default()
        };
        let fragment = share.to_fragment();
        assert!(
            fragment.ends_with(".levels-2.route-extra.projection-ap"),
            "{fragment}"
        );
        assert_eq!(Share::from_fragment(&fragment, &IDS), Some((share, None)));
        // Defaults are not written.
        assert!(!Share::default().to_fragment().contains("levels"));
        let (got, warning) = read("#kyphoplasty=levels-4.route-side.projection-top");
        assert_eq!(
            (got.levels, got.route, got.ap),
            (1, Route::Transpedicular, false)
        );
        let Some(warning) = warning else {
            panic!("bad levels, route and projection values should give a warning")
        };
        for bad in ["levels-4", "route-side", "projection-top"] {
            assert!(warning.contains(bad), "{warning}");
        }
    }

    const IDS: [&str; 10] = [
        "broken-bone",
        "getting-ready",
        "hollow-needle",
        "balloon-placed",
        "balloon-inflated",
        "balloon-removed",
        "bone-cement",
        "cement-hardens",
        "recovery",
        "risks",
    ];

    fn read(hash: &str) -> (Share, Option<String>) {
        match Share::from_fragment(hash, &IDS) {
            Some(r) => r,
            None => panic!("{hash} should be read as a share fragment"),
        }
    }

    #[test]
    fn the_fragment_is_short_and_readable() {
        let share = Share {
            step: 4,
            grade: Grade::Severe,
            level: "T11".into(),
            two_balloons: false,
            xray: true,
            speed_percent: 100,
            ..Share::default()
        };
        assert_eq!(
            share.to_fragment(),
            "kyphoplasty=step-5.grade-3.level-T11.balloons-1.xray-1"
        );
        let faster = Share {
            speed_percent: 150,
            ..Share::default()
        };
        assert_eq!(
            faster.to_fragment(),
            "kyphoplasty=step-1.grade-2.level-L1.balloons-2.xray-0.speed-150"
        );
    }

    #[test]
    fn every_setting_survives_a_round_trip() {
        for (i, level) in SPINE_LEVELS.iter().enumerate() {
            for grade in Grade::ALL {
                for (two, xray) in [(true, false), (false, true), (true, true)] {
                    let share = Share {
                        step: i % IDS.len(),
                        grade,
                        level: level.to_string(),
                        two_balloons: two,
                        xray,
                        speed_percent: SPEED_PERCENTS[i % 4],
                        levels: 1 + (i % 3) as u8,
                        route: if i % 2 == 0 {
                            Route::Extrapedicular
                        } else {
                            Route::Transpedicular
                        },
                        ap: xray && two,
                    };
                    let hash = format!("#{}", share.to_fragment());
                    assert_eq!(read(&hash), (share, None), "{hash}");
                }
            }
        }
    }

    #[test]
    fn other_hashes_are_not_ours() {
        for other in [
            "",
            "#",
            "#main",
            "#kyphoplasty",
            "#kyphoplastyx=step-2",
            "#step-5",
        ] {
            assert_eq!(Share::from_fragment(other, &IDS), None, "{other}");
        }
    }

    #[test]
    fn unknown_keys_are_ignored_and_missing_keys_keep_their_defaults() {
        let (share, warning) = read("#kyphoplasty=step-7.zoom-2.annotate-yes.theme-dark.future");
        assert_eq!(warning, None);
        assert_eq!(
            share,
            Share {
                step: 6,
                ..Share::default()
            }
        );
        assert_eq!(read("#kyphoplasty="), (Share::default(), None));
    }

    #[test]
    fn steps_by_id_lenient_case_and_escaped_separators() {
        let (share, warning) = read("#kyphoplasty%3Dstep-bone-cement.LEVEL-t8.Grade-1");
        assert_eq!(warning, None);
        assert_eq!(share.step, 6);
        assert_eq!(share.level, "T8");
        assert_eq!(share.grade, Grade::Mild);
    }

    #[test]
    fn bad_values_fall_back_with_one_warning_naming_each() {
        let (share, warning) =
            read("#kyphoplasty=step-99.grade-7.level-C3.balloons-3.xray-yes.speed-300.step");
        assert_eq!(share, Share::default());
        let Some(w) = warning else {
            panic!("bad values should give a warning")
        };
        for part in [
            "step-99",
            "1 to 10",
            "grade-7",
            "level-C3",
            "T5 to L5",
            "balloons-3",
            "xray-yes",
            "speed-300",
        ] {
            assert!(w.contains(part), "{part} missing in {w}");
        }
        assert!(w.starts_with("kyphoplasty-explainer:"), "{w}");
        // Good values next to bad ones are still used.
        let (share, warning) = read("#kyphoplasty=step-5.grade-x.level-L3");
        assert_eq!(
            (share.step, share.grade, share.level.as_str()),
            (4, Grade::Moderate, "L3")
        );
        assert!(warning.is_some_and(|w| w.contains("grade-x") && !w.contains("step-5")));
    }

    #[test]
    fn speeds_snap_to_what_a_link_can_carry() {
        assert_eq!(Share::percent_of(0.5), 50);
        assert_eq!(Share::percent_of(1.5), 150);
        assert_eq!(Share::percent_of(1.0), 100);
        assert!((read("#kyphoplasty=speed-200").0.speed() - 2.0).abs() < 1e-6);
    }
}
