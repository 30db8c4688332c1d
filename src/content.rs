//! Content: the words of the explainer, as data. One JSON file per language in `content/`.
//!
//! A file is parsed into [`Content`] and validated; every problem is collected and reported with
//! the step id and the field, so a translator can fix a file without reading code.
//! **Invariant:** this module knows nothing of the web; it is plain data and checks.

use crate::model::text;
use crate::model::timeline::DiagramState;
use serde::Deserialize;
use std::fmt;

/// The English content, built into the widget (the fallback language).
pub const EN_JSON: &str = include_str!("../content/en.json");

mod languages {
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
}
pub use languages::{BUILT_IN, LANGS};

// `decode` and `slot` for each content struct, written by build.rs from content/en.json's keys.
include!(concat!(env!("OUT_DIR"), "/decode.rs"));

/// The tags of the built-in languages, English first.
pub fn language_tags() -> Vec<&'static str> {
    LANGS.to_vec()
}

/// The built-in language that best matches a BCP 47 tag ("es-MX" matches "es"), if any.
pub fn match_language(tag: &str) -> Option<&'static str> {
    let tag = text::trim(tag).to_ascii_lowercase();
    let base = text::before_either(&tag, b'-', b'_');
    LANGS
        .iter()
        .copied()
        .find(|t| *t == tag)
        .or_else(|| LANGS.iter().copied().find(|t| *t == base))
}

/// The JSON of a built-in language.
pub fn built_in(tag: &str) -> Option<&'static str> {
    BUILT_IN.iter().find(|(t, _)| *t == tag).map(|(_, j)| *j)
}

/// Words for the controls and the frame around the diagram.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Ui {
    /// Accessible name of the whole widget, and its visible heading.
    pub heading: String,
    /// "Previous step" button.
    pub previous: String,
    /// "Next step" button.
    pub next: String,
    /// "Play" button (auto-advance).
    pub play: String,
    /// "Pause" button.
    pub pause: String,
    /// "Step {n} of {total}": both placeholders required.
    pub step_of: String,
    /// Heading of the list of all steps.
    pub all_steps: String,
    /// Button that opens the disclaimer.
    pub about: String,
    /// Button that closes a panel.
    pub close: String,
    /// Which side of the diagram is the front of the body.
    pub front: String,
    /// Which side of the diagram is the back.
    pub back: String,
    /// "Labels" toggle.
    pub labels: String,
    /// Title of the disclaimer panel.
    pub disclaimer_title: String,
    /// Accessible name of the timeline slider (scrubber).
    pub timeline: String,
    /// Name of the side view.
    pub side_view: String,
    /// Name of the top-down view.
    pub top_view: String,
    /// Accessible name of the switch between the two views.
    pub views: String,
    /// Accessible name of the choice between the lateral and AP projections (consult mode, X-ray style).
    pub projection: String,
    /// "Lateral" projection button (the side view in X-ray style).
    pub lateral: String,
    /// "AP" projection button (front to back).
    pub ap: String,
    /// Name and caption of the AP projection.
    pub ap_view: String,
    /// Accessible name of the whole-spine overview: `{level}` required.
    pub spine_overview: String,
    /// Button that opens the comparison with vertebroplasty (consult mode).
    pub compare_open: String,
    /// Title of the comparison panel and caption of its table.
    pub compare_title: String,
    /// Name of balloon kyphoplasty (column header, picture caption).
    pub kyphoplasty: String,
    /// Name of vertebroplasty (column header, picture caption).
    pub vertebroplasty: String,
    /// What the kyphoplasty picture of the comparison shows.
    pub kp_picture: String,
    /// What the vertebroplasty picture of the comparison shows.
    pub vp_picture: String,
    /// Header of the comparison table's first column.
    pub compare_feature: String,
    /// Row: technique.
    pub compare_technique: String,
    /// Kyphoplasty's technique.
    pub kp_technique: String,
    /// Vertebroplasty's technique.
    pub vp_technique: String,
    /// Row: wedge-angle correction.
    pub compare_angle: String,
    /// Kyphoplasty's wedge-angle correction.
    pub kp_angle: String,
    /// Vertebroplasty's wedge-angle correction.
    pub vp_angle: String,
    /// Row: cement leakage.
    pub compare_leak: String,
    /// Kyphoplasty's cement leakage rate.
    pub kp_leak: String,
    /// Vertebroplasty's cement leakage rate.
    pub vp_leak: String,
    /// Row: pain relief.
    pub compare_pain: String,
    /// Pain relief of both: similar.
    pub pain_similar: String,
    /// Row: procedure time.
    pub compare_time: String,
    /// Kyphoplasty's procedure time.
    pub kp_time: String,
    /// Vertebroplasty's procedure time.
    pub vp_time: String,
    /// Notes under the comparison table.
    pub compare_note: String,
    /// Note that the comparison's drawings follow the timeline.
    pub compare_follows: String,
    /// Heading of the clinic's call to action on the last step.
    pub cta_title: String,
    /// "Call {clinic} at {phone}.": `{phone}` required, `{clinic}` optional.
    pub cta_call: String,
    /// "Talk with {clinic}." (a clinic name without a phone number): `{clinic}` required.
    pub cta_talk: String,
    /// Stands for `{clinic}` when only a phone number is given, e.g. "our office".
    pub cta_office: String,
    /// "Read aloud" button.
    pub read_aloud: String,
    /// "Stop reading" button.
    pub stop_reading: String,
    /// Said instead when the device has no voice for the language: `{language}` required.
    pub no_voice: String,
    /// "Larger text" toggle.
    pub larger_text: String,
    /// Heading of the consult-mode settings for this patient.
    pub patient_settings: String,
    /// "Fracture severity" setting.
    pub severity: String,
    /// "Grade {n}" (Genant grade): `{n}` required.
    pub grade: String,
    /// "Balloons" setting.
    pub balloons: String,
    /// "One (one side)".
    pub one_balloon: String,
    /// "Two (both sides)".
    pub two_balloons: String,
    /// "Spine level" setting.
    pub level: String,
    /// "Wedge angle" readout.
    pub wedge_angle: String,
    /// "Front/back height" readout.
    pub height_ratio: String,
    /// "Balloon" readout (volume and pressure).
    pub balloon_readout: String,
    /// Note that the readout values are illustrative.
    pub illustrative: String,
    /// "Full screen" button.
    pub full_screen: String,
    /// "Speed" setting (playback speed).
    pub speed: String,
    /// "X-ray style" toggle (the drawing as a fluoroscopy-like greyscale image).
    pub xray_view: String,
    /// "Levels treated" setting (1 to 3 neighbouring levels).
    pub levels_treated: String,
    /// Added to the side view's description: "Levels treated: {levels}." (`{levels}` required).
    pub treated_levels: String,
    /// "Route" setting (how the needle reaches the body).
    pub route: String,
    /// "Transpedicular" (through the pedicle).
    pub transpedicular: String,
    /// "Extrapedicular" (beside the pedicle, by the rib head; thoracic levels).
    pub extrapedicular: String,
    /// Why the route cannot be changed at a lumbar level.
    pub route_thoracic_only: String,
    /// What the extrapedicular route is, shown while it is chosen.
    pub route_extrapedicular_note: String,
    /// The access step's clinical title with the extrapedicular route.
    pub extrapedicular_title: String,
    /// The access step's first paragraph with the extrapedicular route.
    pub extrapedicular_access: String,
    /// "Draw" toggle: drawing on the pictures (consult mode).
    pub draw: String,
    /// Accessible name of the drawing toolbar.
    pub drawing_tools: String,
    /// "Pen" tool: a thin line.
    pub pen: String,
    /// "Highlighter" tool: a wide see-through line.
    pub highlighter: String,
    /// "Arrow" tool.
    pub arrow: String,
    /// "Eraser" tool: removes the lines it touches.
    pub eraser: String,
    /// Accessible name of the group of drawing colours.
    pub ink_colour: String,
    /// Drawing colour red.
    pub red: String,
    /// Drawing colour yellow.
    pub yellow: String,
    /// Drawing colour blue.
    pub blue: String,
    /// Drawing colour green.
    pub green: String,
    /// "Undo": takes back the last drawing change on this step.
    pub undo: String,
    /// "Clear": removes the drawing on this step.
    pub clear: String,
}

/// Names of the parts drawn in the diagram.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Labels {
    /// A healthy spine bone.
    pub vertebra: String,
    /// The broken (collapsed) spine bone.
    pub fracture: String,
    /// A disc between two spine bones.
    pub disc: String,
    /// The spinal cord and nerves (at L1, where the cord ends).
    pub nerves: String,
    /// The spinal cord, above L1.
    pub cord: String,
    /// The nerve roots (cauda equina), below L1.
    pub roots: String,
    /// The bony bridge at the back that the needle goes through.
    pub pedicle: String,
    /// The hollow needle.
    pub needle: String,
    /// The balloon.
    pub balloon: String,
    /// The space left by the balloon.
    pub cavity: String,
    /// The bone cement.
    pub cement: String,
    /// The numbing shot at the needle site (getting ready).
    pub numbing: String,
    /// The live X-ray.
    pub xray: String,
    /// The small bandage.
    pub bandage: String,
}

/// A step's words for a physician (consult mode): clinical terms, not held to a reading level.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ConsultText {
    /// Short clinical title.
    pub title: String,
    /// Clinical narration, one paragraph per entry.
    pub narration: Vec<String>,
}

/// Words for consult mode's take-home tools: the share link and the printed handout. The handout
/// is for the patient, so its words are plain.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct TakeHome {
    /// "Copy share link" button.
    pub share_link: String,
    /// Said (politely) once the link is on the clipboard.
    pub link_copied: String,
    /// Label of the read-only field that shows the link when it cannot be copied by itself.
    pub copy_manually: String,
    /// Said when the link could not be copied by itself (it is shown, selected, instead).
    pub copy_hint: String,
    /// "Print handout" button (opens the handout's options and preview).
    pub print_handout: String,
    /// Heading of the checkboxes that choose the steps to print.
    pub choose_steps: String,
    /// Note that recovery and when to call are always printed.
    pub always_included: String,
    /// "Print" button.
    pub print: String,
    /// The handout's title.
    pub title: String,
    /// "Date: {date}": `{date}` required.
    pub date: String,
    /// Heading of this patient's settings, in plain words.
    pub shown: String,
    /// Note under the settings: they set up the drawings; they are not measurements.
    pub shown_note: String,
    /// "Which bone".
    pub which_bone: String,
    /// "{level}, in your lower back": `{level}` required.
    pub lumbar: String,
    /// "{level}, in your mid back": `{level}` required.
    pub thoracic: String,
    /// "How much it has collapsed".
    pub collapse: String,
    /// Grade 1 in plain words.
    pub grade_1: String,
    /// Grade 2 in plain words.
    pub grade_2: String,
    /// Grade 3 in plain words.
    pub grade_3: String,
    /// "Balloons".
    pub balloons: String,
    /// "One balloon, from one side".
    pub one_balloon: String,
    /// "Two balloons, one from each side".
    pub two_balloons: String,
    /// "How many bones" (more than one level treated).
    pub how_many: String,
    /// "{n} bones: {levels}".
    pub bones: String,
    /// "How the needle goes in" (the extrapedicular route).
    pub route: String,
    /// The extrapedicular route in plain words.
    pub route_beside: String,
    /// The access step's second paragraph for the extrapedicular route, in plain words (the
    /// handout's text of that step).
    pub needle_beside: String,
    /// Heading of the printed steps.
    pub steps: String,
}

impl TakeHome {
    /// Every text with its field name, in key order.
    pub fn fields(&self) -> Vec<(&'static str, &str)> {
        let names = text::pieces(self.names(), b' ');
        names
            .enumerate()
            .map(|(i, n)| (n, self.text(i).as_str()))
            .collect()
    }
}

/// One step of the explainer.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Stable id (lowercase words joined by hyphens), the same in every language.
    pub id: String,
    /// Short title.
    pub title: String,
    /// Narration, one paragraph per entry, in plain words.
    pub narration: Vec<String>,
    /// What the picture shows, in words (the diagram's description for screen readers).
    pub picture: String,
    /// The diagram state this step animates to.
    pub diagram: DiagramState,
    /// The same step in physician language (consult mode).
    pub consult: ConsultText,
}

/// A word from the narration with its meaning in plain words (tap to define).
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The word as the definition names it, e.g. "Bone cement".
    pub term: String,
    /// The forms of it to find in the narration (matched without regard to case, whole words).
    pub forms: Vec<String>,
    /// What it means, in plain words.
    pub definition: String,
}

/// One language's content.
#[derive(Clone, Debug, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Content {
    /// BCP 47 language tag, e.g. "en".
    pub lang: String,
    /// The language's own name, e.g. "English".
    pub language_name: String,
    /// Words for controls.
    pub ui: Ui,
    /// Names of the drawn parts.
    pub labels: Labels,
    /// Names of the drawn parts in clinical terms (consult mode).
    pub consult_labels: Labels,
    /// The steps, in order.
    pub steps: Vec<Step>,
    /// The disclaimer, one paragraph per entry. Always reachable from the widget.
    pub disclaimer: Vec<String>,
    /// Medical words explained in plain words; each is marked where it first appears in a step.
    pub glossary: Vec<Term>,
    /// Consult mode's share link and printed handout.
    pub takehome: TakeHome,
}

/// One problem found in a content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    /// The step's id, when the problem is in a step.
    pub step: Option<String>,
    /// The field, e.g. `title` or `ui.next`.
    pub field: String,
    /// What is wrong.
    pub message: String,
}

impl ContentError {
    /// A problem in `field` of the whole file, or of step `step` (its index and id; a step
    /// without an id is named `#n`).
    fn at(
        step: Option<(usize, &str)>,
        field: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        ContentError {
            step: step.map(|(i, id)| {
                if id.is_empty() {
                    format!("#{}", i + 1)
                } else {
                    id.to_string()
                }
            }),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.step {
            Some(id) => write!(
                f,
                "step \"{id}\", field \"{}\": {}",
                self.field, self.message
            ),
            None => write!(f, "field \"{}\": {}", self.field, self.message),
        }
    }
}

/// Every problem found in a content file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentErrors(pub Vec<ContentError>);

impl fmt::Display for ContentErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} problem(s) in the content:", self.0.len())?;
        for e in &self.0 {
            write!(f, "\n- {e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ContentErrors {}

/// What a patients' words file holds in place of each of consult mode's texts (written by
/// `scripts/write-loader.mjs`; consult mode's loader puts the texts back). Patients never see
/// these texts, so they are not checked for placeholders.
pub const HOLE: &str = "\u{2}";

/// Longest title, in characters, that fits the step list on a phone.
pub const MAX_TITLE_CHARS: usize = 48;

/// The diagram states every language must show, in this order (the whole procedure).
pub const REQUIRED_STATES: [DiagramState; 8] = [
    DiagramState::Fracture,
    DiagramState::Preparation,
    DiagramState::Needle,
    DiagramState::BalloonPlaced,
    DiagramState::BalloonInflated,
    DiagramState::BalloonRemoved,
    DiagramState::Cement,
    DiagramState::Finish,
];

impl Content {
    /// Parses and validates a content file.
    pub fn load(json: &str) -> Result<Content, ContentErrors> {
        let content: Content = serde_json::from_str(json).map_err(|e| {
            ContentErrors(vec![ContentError {
                step: None,
                field: "(file)".into(),
                message: format!("not valid content JSON: {e}"),
            }])
        })?;
        let problems = content.problems();
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(ContentErrors(problems))
        }
    }

    /// Parses a content file with a clinic's own wording laid over it: `overrides` maps text ids to
    /// text. An id is `ui.<name>`, `labels.<name>`, `consult_labels.<name>`, `disclaimer`, or
    /// `steps.<step id>.<title|picture|narration>` (`consult.title` and `consult.narration` too);
    /// narration and the disclaimer take paragraphs separated by a blank line. Returns the content
    /// and one warning per unknown id. Overrides that would make the content invalid are all
    /// dropped, with the problems as warnings.
    pub fn load_with(
        json: &str,
        overrides: &[(String, String)],
    ) -> (Result<Content, ContentErrors>, Vec<String>) {
        match Content::load(json) {
            Ok(c) => {
                let (changed, warnings) = c.clone().with_overrides(overrides);
                (Ok(changed.unwrap_or(c)), warnings)
            }
            Err(e) => (Err(e), Vec::new()),
        }
    }

    /// Reads and validates a content file as the build ships it next to the widget: the JSON's
    /// texts in key order, separated by U+001F, a list as its length then its items (written by
    /// `scripts/write-loader.mjs`; [`encode`] does the same).
    pub fn read(words: &str) -> Result<Content, ContentErrors> {
        let mut r = Reader {
            parts: text::pieces(words, 0x1f),
            bad: false,
        };
        let content = Content::decode(&mut r);
        if r.bad || r.parts.next().is_some() {
            return Err(ContentErrors(vec![ContentError {
                step: None,
                field: "(file)".into(),
                message: "is not a content file of this build".into(),
            }]));
        }
        let problems = content.problems();
        if problems.is_empty() {
            Ok(content)
        } else {
            Err(ContentErrors(problems))
        }
    }

    /// This content with a clinic's own wording laid over it (see [`Content::load_with`]), and
    /// the warnings; `None` when the overrides would make the content invalid (they are then all
    /// dropped, and the warnings say why). It takes the content by value, so nothing is copied
    /// (the widget reads a fresh copy of the words for it).
    pub fn with_overrides(
        mut self,
        overrides: &[(String, String)],
    ) -> (Option<Content>, Vec<String>) {
        let mut warnings = Vec::new();
        for (id, text) in overrides {
            match self.text_slot(id) {
                Some(Slot::One(s)) => *s = text.clone(),
                Some(Slot::Many(v)) => {
                    *v = crate::model::text::split(text, "\n\n")
                        .into_iter()
                        .map(|p| text::trim(p).to_string())
                        .collect()
                }
                None => warnings.push(format!(
                    "kyphoplasty-explainer: text id \"{id}\" is not known; ids look like \"ui.next\", \"labels.balloon\" or \"steps.recovery.title\". Ignoring it."
                )),
            }
            // The handout tells the access step by the route beside the pedicle with its own
            // second paragraph; a clinic's own words for that step are kept there as they are.
            if cfg!(feature = "consult") {
                if let Some(s) = self.steps.iter().find(|s| {
                    s.diagram == DiagramState::Needle && *id == format!("steps.{}.narration", s.id)
                }) {
                    if let Some(p) = s.narration.get(1) {
                        self.takehome.needle_beside = p.clone();
                    }
                }
            }
        }
        let problems = self.problems();
        if problems.is_empty() {
            return (Some(self), warnings);
        }
        for p in problems {
            warnings.push(format!(
                "kyphoplasty-explainer: the text overrides were not used: {p}"
            ));
        }
        (None, warnings)
    }

    /// The text with this id (see [`Content::load_with`]), if there is one.
    fn text_slot(&mut self, id: &str) -> Option<Slot<'_>> {
        if id == "disclaimer" {
            return self.slot(id);
        }
        // Field names hold no dot, so `ui.next.x` finds nothing.
        let (object, name) = text::split_once(id, ".")?;
        match object {
            "ui" => self.ui.slot(name),
            "labels" => self.labels.slot(name),
            "consult_labels" => self.consult_labels.slot(name),
            "steps" => {
                let (step, field) = text::split_once(name, ".")?;
                let step = self.steps.iter_mut().find(|s| s.id == step)?;
                match field {
                    "title" | "picture" | "narration" => step.slot(field),
                    _ => step.consult.slot(field.strip_prefix("consult.")?),
                }
            }
            _ => None,
        }
    }

    /// Every problem in already-parsed content (empty when it is fine).
    ///
    /// In the WebAssembly only the texts are checked (blank, placeholders, title length): the
    /// shape of a shipped words file (step ids and order, the diagram states, the glossary) is the
    /// build's own (`build.rs` stops a build whose languages differ from English there, and the
    /// native tests check English), and a clinic's overrides change texts only.
    pub fn problems(&self) -> Vec<ContentError> {
        let mut out = self.text_problems();
        if !cfg!(target_arch = "wasm32") {
            self.shape_problems(&mut out);
        }
        out
    }

    /// The texts' problems: blank texts, missing placeholders, titles too long.
    fn text_problems(&self) -> Vec<ContentError> {
        let mut out = Vec::new();
        fn top(out: &mut Vec<ContentError>, field: &str, message: &str) {
            out.push(ContentError::at(None, field, message))
        }
        if blank(&self.lang) {
            top(&mut out, "lang", "is empty");
        }
        if blank(&self.language_name) {
            top(&mut out, "language_name", "is empty");
        }
        blank_texts(&self.ui, "ui", &mut out);
        must_hold(&self.ui, "ui", UI_PLACEHOLDERS, &mut out);
        blank_texts(&self.takehome, "takehome", &mut out);
        must_hold(&self.takehome, "takehome", TAKEHOME_PLACEHOLDERS, &mut out);
        blank_texts(&self.labels, "labels", &mut out);
        blank_texts(&self.consult_labels, "consult_labels", &mut out);
        if self.disclaimer.iter().all(|p| blank(p)) {
            top(&mut out, "disclaimer", "is empty");
        }
        if self.steps.is_empty() {
            top(&mut out, "steps", "there are no steps");
        }
        for (i, step) in self.steps.iter().enumerate() {
            let mut bad = |field: &str, message: &str| {
                out.push(ContentError::at(Some((i, &step.id)), field, message))
            };
            let title = text::trim(&step.title);
            if title.is_empty() {
                bad("title", "is empty");
            } else if text::char_count(title) > MAX_TITLE_CHARS {
                bad(
                    "title",
                    &format!("is longer than {MAX_TITLE_CHARS} characters"),
                );
            }
            if step.narration.is_empty() {
                bad("narration", "is empty");
            }
            for (k, para) in step.narration.iter().enumerate() {
                if blank(para) {
                    bad(&format!("narration[{k}]"), "is empty");
                }
            }
            if blank(&step.picture) {
                bad("picture", "is empty");
            }
            if blank(&step.consult.title) {
                bad("consult.title", "is empty");
            }
            if step.consult.narration.iter().all(|p| blank(p)) {
                bad("consult.narration", "is empty");
            }
        }
        out
    }

    /// The file's shape: the glossary's entries, the steps' ids, their order in the procedure and
    /// the diagram states they must show. Checked natively only (see [`Content::problems`]).
    fn shape_problems(&self, out: &mut Vec<ContentError>) {
        for (i, t) in self.glossary.iter().enumerate() {
            let mut bad =
                |field: String, message: &str| out.push(ContentError::at(None, field, message));
            if blank(&t.term) || blank(&t.definition) {
                bad(format!("glossary[{i}]"), "needs a term and a definition");
            }
            if t.forms.iter().all(|f| blank(f)) {
                bad(
                    format!("glossary[{i}].forms"),
                    "needs at least one form to find",
                );
            }
        }
        let mut last_state: Option<DiagramState> = None;
        for (i, step) in self.steps.iter().enumerate() {
            let mut bad = |field: &str, message: &str| {
                out.push(ContentError::at(Some((i, &step.id)), field, message))
            };
            if !is_valid_id(&step.id) {
                bad(
                    "id",
                    "must be lowercase letters and digits joined by single hyphens",
                );
            }
            if let Some(first) = self.steps[..i].iter().position(|s| s.id == step.id) {
                bad("id", &format!("is used twice (also step {})", first + 1));
            }
            if let Some(prev) = last_state {
                if step.diagram < prev {
                    bad(
                        "diagram",
                        &format!(
                            "\"{}\" comes before \"{}\" in the procedure",
                            state_name(step.diagram),
                            state_name(prev)
                        ),
                    );
                }
            }
            last_state = Some(step.diagram);
        }
        for required in REQUIRED_STATES {
            if !self.steps.iter().any(|s| s.diagram == required) {
                out.push(ContentError::at(
                    None,
                    "steps",
                    format!("no step shows the diagram \"{}\"", state_name(required)),
                ));
            }
        }
    }

    /// "Step 3 of 10" in this language.
    pub fn step_of(&self, index: usize) -> String {
        let count = text::replace(&self.ui.step_of, "{n}", &(index + 1).to_string());
        text::replace(&count, "{total}", &self.steps.len().to_string())
    }

    /// The index of the step with this id.
    pub fn step_index(&self, id: &str) -> Option<usize> {
        self.steps.iter().position(|s| s.id == id)
    }

    /// Number of words in a step's narration (for reading time).
    pub fn word_count(&self, index: usize) -> usize {
        self.steps
            .get(index)
            .map_or(0, |s| s.narration.iter().map(|p| text::word_count(p)).sum())
    }
}

/// Splits a paragraph into sentences (after `.`, `!` or `?` followed by a space), keeping each
/// sentence's punctuation; the pieces, joined with single spaces, give the paragraph back.
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        let ends = matches!(c, '.' | '!' | '?') && bytes.get(i + 1) == Some(&b' ');
        if ends {
            out.push(text::trim(&text[start..=i]));
            start = i + 2;
        }
    }
    let rest = text::trim(&text[start.min(text.len())..]);
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// A piece of narration: plain text, or a glossary word (with the index of its [`Term`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Plain text.
    Text(&'a str),
    /// A glossary word as written in the text, and the index of its term.
    Term(&'a str, usize),
}

/// Lower case for finding glossary words: as `str::to_lowercase` for the capitals of the Latin,
/// Greek and Cyrillic alphabets, other characters as they are. Each character keeps its UTF-8
/// length, so byte indices carry over; and the Unicode case tables stay out of the WebAssembly.
pub fn fold(text: &str) -> String {
    text::map_chars(text, usize::MAX, &|c| Some(fold_char(c)))
}

fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5a | 0xc0..=0xde if u != 0xd7 => u + 32,
        0x100..=0x137 | 0x14a..=0x177 if u.is_multiple_of(2) && u != 0x130 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if !u.is_multiple_of(2) => u + 1,
        0x178 => 0xff,
        0x391..=0x3a9 if u != 0x3a2 => u + 32,
        0x410..=0x42f => u + 32,
        0x400..=0x40f => u + 80,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// A letter or digit, for telling where a word ends: ASCII letters and digits, and from `À` on
/// everything but `×`, `÷` and the punctuation, arrows and symbols of U+2000 to U+2BFF (as
/// `char::is_alphanumeric` for every character of the content, without its Unicode tables).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (c >= '\u{c0}' && !matches!(c, '\u{d7}' | '\u{f7}' | '\u{2000}'..='\u{2bff}'))
}

/// Byte index of the first whole-word, case-insensitive occurrence of `needle` in `hay`.
fn find_word(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (fold(hay), fold(needle));
    if h.len() != hay.len() || n.is_empty() {
        return None;
    }
    let mut from = 0;
    while let Some(rel) = text::find(&h[from..], &n) {
        let at = from + rel;
        let before = h[..at].chars().next_back();
        let after = h[at + n.len()..].chars().next();
        let edge = |c: Option<char>| c.is_none_or(|c| !is_word_char(c));
        if edge(before) && edge(after) {
            return Some(at);
        }
        from = at + n.len();
    }
    None
}

/// Splits `text` into plain pieces and glossary words. Each term is marked once: `seen` holds the
/// terms already marked (in earlier sentences of the same step) and is updated.
pub fn mark_terms<'a>(text: &'a str, glossary: &[Term], seen: &mut Vec<usize>) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let next = glossary
            .iter()
            .enumerate()
            .filter(|(i, _)| !seen.contains(i))
            .flat_map(|(i, t)| {
                t.forms
                    .iter()
                    .filter_map(move |f| find_word(rest, f).map(|at| (at, f.len(), i)))
            })
            .min_by_key(|&(at, len, _)| (at, usize::MAX - len));
        let Some((at, len, i)) = next else { break };
        if at > 0 {
            out.push(Piece::Text(&rest[..at]));
        }
        out.push(Piece::Term(&rest[at..at + len], i));
        seen.push(i);
        rest = &rest[at + len..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// The text fields of a content struct, by index in key order (`impl`s written by build.rs from
/// content/en.json's keys): reading a shipped file, the `text` overrides and the checks for empty
/// texts loop over this table instead of repeating code for every field.
pub(crate) trait Texts {
    /// The text fields' names in key order, separated by spaces (one string: no table of
    /// pointers in the WebAssembly).
    fn names(&self) -> &'static str;
    /// The text field at this index of [`Texts::names`].
    fn text(&self, i: usize) -> &String;
    /// The text field at this index of [`Texts::names`], to change it.
    fn text_mut(&mut self, i: usize) -> &mut String;
}

/// The index of the text field with this name.
fn index_of(texts: &dyn Texts, name: &str) -> Option<usize> {
    text::pieces(texts.names(), b' ').position(|n| n == name)
}

/// The text field with this name.
fn text_named<'a>(texts: &'a mut dyn Texts, name: &str) -> Option<&'a mut String> {
    let i = index_of(texts, name)?;
    Some(texts.text_mut(i))
}

/// True for a text that is empty or only spaces (one function, not inlined at every check).
#[inline(never)]
fn blank(text: &str) -> bool {
    text::trim(text).is_empty()
}

/// Reports every empty (or blank) text of `texts` as the field `<prefix>.<name>`.
fn blank_texts(texts: &dyn Texts, prefix: &str, out: &mut Vec<ContentError>) {
    for (i, name) in text::pieces(texts.names(), b' ').enumerate() {
        if blank(texts.text(i)) {
            out.push(ContentError {
                step: None,
                field: format!("{prefix}.{name}"),
                message: "is empty".into(),
            });
        }
    }
}

/// The texts of `Ui` that must hold placeholders: (field, placeholders).
const UI_PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("spine_overview", &["{level}"]),
    ("step_of", &["{n}", "{total}"]),
    ("cta_call", &["{phone}"]),
    ("treated_levels", &["{levels}"]),
    ("grade", &["{n}"]),
    ("no_voice", &["{language}"]),
    ("cta_talk", &["{clinic}"]),
];

/// The texts of `TakeHome` that must hold placeholders: (field, placeholders).
const TAKEHOME_PLACEHOLDERS: &[(&str, &[&str])] = &[
    ("date", &["{date}"]),
    ("lumbar", &["{level}"]),
    ("thoracic", &["{level}"]),
];

/// Reports each text of `texts` (by field name) that lacks one of its placeholders, as the field
/// `<prefix>.<name>`.
fn must_hold(
    texts: &dyn Texts,
    prefix: &str,
    fields: &[(&str, &[&str])],
    out: &mut Vec<ContentError>,
) {
    for (name, needs) in fields {
        let text = index_of(texts, name).map(|i| texts.text(i));
        if text.is_some_and(|t| t == HOLE) {
            continue;
        }
        if !needs
            .iter()
            .all(|h| text.is_some_and(|t| crate::model::text::find(t, h).is_some()))
        {
            out.push(ContentError {
                step: None,
                field: format!("{prefix}.{name}"),
                message: format!(
                    "must contain {}{}",
                    if needs.len() > 1 { "both " } else { "" },
                    text::join(needs, " and ")
                ),
            });
        }
    }
}

/// A text a clinic may override: one text, or paragraphs.
pub(crate) enum Slot<'a> {
    /// One text.
    One(&'a mut String),
    /// Paragraphs.
    Many(&'a mut Vec<String>),
}

/// Reads a shipped content file (see [`Content::read`]); `bad` once it ran out or met a bad count.
pub(crate) struct Reader<'a> {
    parts: text::Pieces<'a>,
    bad: bool,
}

impl<'a> Reader<'a> {
    fn text(&mut self) -> String {
        match self.parts.next() {
            Some(t) => t.to_string(),
            None => {
                self.bad = true;
                String::new()
            }
        }
    }

    fn list<T>(&mut self, item: fn(&mut Reader<'a>) -> T) -> Vec<T> {
        let n = match self.parts.next().and_then(text::number) {
            Some(n) => n,
            _ => {
                self.bad = true;
                0
            }
        };
        let mut out = Vec::new();
        for _ in 0..n {
            if self.bad {
                break;
            }
            out.push(item(self));
        }
        out
    }

    /// Reads every text field of `texts`, in key order.
    fn fill(&mut self, texts: &mut dyn Texts) {
        for i in 0..text::pieces(texts.names(), b' ').count() {
            *texts.text_mut(i) = self.text();
        }
    }

    fn texts(&mut self) -> Vec<String> {
        self.list(Reader::text)
    }

    fn state(&mut self) -> DiagramState {
        let name = self.parts.next().unwrap_or_default();
        match DiagramState::ALL
            .into_iter()
            .find(|s| state_name(*s) == name)
        {
            Some(s) => s,
            None => {
                self.bad = true;
                DiagramState::Fracture
            }
        }
    }
}

/// A content JSON file as the build ships it (see [`Content::read`]): its texts in key order,
/// separated by U+001F; a list is its length, then its items.
pub fn encode(json: &str) -> Result<String, String> {
    use serde_json::Value;
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => {
                out.push(a.len().to_string());
                a.iter().for_each(|x| walk(x, out));
            }
            Value::Object(m) => {
                let mut keys: Vec<&String> = m.keys().collect();
                keys.sort();
                keys.into_iter().for_each(|k| walk(&m[k], out));
            }
            other => out.push(other.to_string()),
        }
    }
    let v: Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    walk(&v, &mut out);
    Ok(out.join("\u{1f}"))
}

/// The kebab-case name of a diagram state, as written in content files.
pub fn state_name(s: DiagramState) -> &'static str {
    match s {
        DiagramState::Fracture => "fracture",
        DiagramState::Preparation => "preparation",
        DiagramState::Needle => "needle",
        DiagramState::BalloonPlaced => "balloon-placed",
        DiagramState::BalloonInflated => "balloon-inflated",
        DiagramState::BalloonRemoved => "balloon-removed",
        DiagramState::Cement => "cement",
        DiagramState::Finish => "finish",
        DiagramState::Recovery => "recovery",
        DiagramState::Risks => "risks",
    }
}

/// True for ids like `balloon-inflated`: lowercase ASCII letters and digits, single hyphens inside.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with("-")
        && !id.ends_with("-")
        && text::find(id, "--").is_none()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn english() -> Content {
        match Content::load(EN_JSON) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    fn errors_of(json: &str) -> Vec<String> {
        match Content::load(json) {
            Ok(_) => vec![],
            Err(e) => e.0.iter().map(ToString::to_string).collect(),
        }
    }

    fn edited(f: impl FnOnce(&mut serde_json::Value)) -> String {
        let mut v: serde_json::Value = serde_json::from_str(EN_JSON).unwrap_or_default();
        f(&mut v);
        v.to_string()
    }

    #[test]
    fn a_steps_word_count_is_its_narrations_words() {
        let mut c = english();
        for i in 0..c.steps.len() {
            let std: usize = c.steps[i]
                .narration
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum();
            assert_eq!(c.word_count(i), std, "step {i}");
            assert!(std > 0, "step {i} has no words");
        }
        c.steps[0].narration = vec!["One two\u{a0}three.".into(), "  Four  ".into()];
        assert_eq!(c.word_count(0), 4);
        assert_eq!(c.word_count(c.steps.len()), 0, "no such step");
    }

    #[test]
    fn the_english_content_is_valid_and_covers_the_whole_procedure() {
        let c = english();
        assert!(c.steps.len() >= REQUIRED_STATES.len());
        assert_eq!(c.steps[0].diagram, DiagramState::Fracture);
        let ids: Vec<&str> = c.steps.iter().map(|s| s.id.as_str()).collect();
        for id in ["recovery", "risks"] {
            assert!(ids.contains(&id), "no {id} step");
        }
        assert_eq!(c.step_of(2), format!("Step 3 of {}", c.steps.len()));
    }

    #[test]
    fn a_broken_file_reports_every_problem_with_step_and_field() {
        let json = edited(|v| {
            v["steps"][1]["title"] = "".into();
            v["steps"][2]["id"] = "Needle In".into();
            v["steps"][3]["id"] = v["steps"][0]["id"].clone();
            v["steps"][4]["narration"] = serde_json::json!([]);
            v["ui"]["step_of"] = "Step {n}".into();
        });
        let errs = errors_of(&json);
        let c = english();
        let expect = [
            format!("step \"{}\", field \"title\": is empty", c.steps[1].id),
            "step \"Needle In\", field \"id\": must be lowercase letters and digits joined by single hyphens".to_string(),
            format!("step \"{}\", field \"id\": is used twice (also step 1)", c.steps[0].id),
            format!("step \"{}\", field \"narration\": is empty", c.steps[4].id),
            "field \"ui.step_of\": must contain both {n} and {total}".to_string(),
        ];
        for e in &expect {
            assert!(errs.contains(e), "missing {e:?} in {errs:#?}");
        }
        assert_eq!(errs.len(), expect.len(), "{errs:#?}");
    }

    #[test]
    fn steps_out_of_procedure_order_or_missing_are_reported() {
        let json = edited(|v| {
            let steps = v["steps"]
                .as_array_mut()
                .map(std::mem::take)
                .unwrap_or_default();
            let kept: Vec<serde_json::Value> = steps
                .into_iter()
                .filter(|s| s["diagram"] != "cement")
                .collect();
            v["steps"] = kept.into();
            v["steps"][1]["diagram"] = "balloon-inflated".into();
        });
        let errs = errors_of(&json).join("\n");
        assert!(
            errs.contains("no step shows the diagram \"cement\""),
            "{errs}"
        );
        assert!(
            errs.contains("no step shows the diagram \"preparation\""),
            "{errs}"
        );
        assert!(
            errs.contains(
                "field \"diagram\": \"needle\" comes before \"balloon-inflated\" in the procedure"
            ),
            "{errs}"
        );
    }

    #[test]
    fn unknown_fields_and_bad_json_are_clear_errors() {
        let errs = errors_of(&edited(|v| v["steps"][0]["colour"] = "red".into())).join("\n");
        assert!(errs.contains("unknown field `colour`"), "{errs}");
        let errs = errors_of(&edited(|v| v["steps"][0]["diagram"] = "explode".into())).join("\n");
        assert!(errs.contains("unknown variant `explode`"), "{errs}");
        let errs = errors_of("{ not json").join("\n");
        assert!(
            errs.starts_with("field \"(file)\": not valid content JSON"),
            "{errs}"
        );
    }

    #[test]
    fn long_titles_and_blank_text_are_reported() {
        let json = edited(|v| {
            v["steps"][0]["title"] = "x".repeat(MAX_TITLE_CHARS + 1).into();
            v["steps"][0]["picture"] = "  ".into();
            v["labels"]["balloon"] = "".into();
            v["disclaimer"] = serde_json::json!([""]);
        });
        let errs = errors_of(&json).join("\n");
        for want in [
            "field \"title\": is longer than",
            "field \"picture\": is empty",
            "field \"labels.balloon\": is empty",
            "field \"disclaimer\": is empty",
        ] {
            assert!(errs.contains(want), "missing {want} in {errs}");
        }
    }

    #[test]
    fn languages_are_found_by_tag_and_every_file_is_valid() {
        assert_eq!(language_tags()[0], "en");
        assert_eq!(match_language("EN-gb"), Some("en"));
        assert_eq!(match_language("xx"), None);
        let english = english();
        for (tag, json) in BUILT_IN {
            let c = match Content::load(json) {
                Ok(c) => c,
                Err(e) => panic!("content/{tag}.json: {e}"),
            };
            assert_eq!(&c.lang, tag, "content/{tag}.json says lang {}", c.lang);
            let ids: Vec<&str> = c.steps.iter().map(|s| s.id.as_str()).collect();
            let en_ids: Vec<&str> = english.steps.iter().map(|s| s.id.as_str()).collect();
            assert_eq!(
                ids, en_ids,
                "content/{tag}.json must have the same step ids as English"
            );
            let states: Vec<_> = c.steps.iter().map(|s| s.diagram).collect();
            let en_states: Vec<_> = english.steps.iter().map(|s| s.diagram).collect();
            assert_eq!(
                states, en_states,
                "content/{tag}.json must show the same diagrams"
            );
        }
    }

    #[test]
    fn glossary_words_are_marked_once_per_step_as_whole_words() {
        let g = vec![
            Term {
                term: "Bone cement".into(),
                forms: vec!["bone cement".into(), "cement".into()],
                definition: "d".into(),
            },
            Term {
                term: "X-ray".into(),
                forms: vec!["X-ray".into()],
                definition: "d".into(),
            },
        ];
        let mut seen = vec![];
        let pieces = mark_terms(
            "Thick bone cement shows on the x-ray. Cementing",
            &g,
            &mut seen,
        );
        assert_eq!(
            pieces,
            vec![
                Piece::Text("Thick "),
                Piece::Term("bone cement", 0),
                Piece::Text(" shows on the "),
                Piece::Term("x-ray", 1),
                Piece::Text(". Cementing"),
            ]
        );
        // Already marked in this step: plain text now.
        assert_eq!(
            mark_terms("The cement hardens.", &g, &mut seen),
            vec![Piece::Text("The cement hardens.")]
        );
        // Every language's glossary finds each of its words somewhere in the narration.
        for (tag, json) in BUILT_IN {
            let Ok(c) = Content::load(json) else { continue };
            assert!(!c.glossary.is_empty(), "{tag} has no glossary");
            for (i, t) in c.glossary.iter().enumerate() {
                let found = c.steps.iter().any(|s| {
                    s.narration.iter().any(|p| {
                        mark_terms(p, &c.glossary[i..=i], &mut vec![])
                            .iter()
                            .any(|x| matches!(x, Piece::Term(..)))
                    })
                });
                assert!(
                    found,
                    "{tag}: glossary word {:?} is not in any narration",
                    t.term
                );
            }
        }
    }

    #[test]
    fn paragraphs_split_into_sentences() {
        assert_eq!(
            sentences("Call 911. Is it 101 °F? Yes! The X-ray shows it"),
            vec!["Call 911.", "Is it 101 °F?", "Yes!", "The X-ray shows it"]
        );
        assert_eq!(sentences("One."), vec!["One."]);
        assert!(sentences("").is_empty());
        for (tag, json) in BUILT_IN {
            let Ok(c) = Content::load(json) else { continue };
            for step in &c.steps {
                for p in &step.narration {
                    assert_eq!(sentences(p).join(" "), p.trim(), "{tag} {}", step.id);
                }
            }
        }
    }

    #[test]
    fn a_clinic_can_override_any_text_by_id_and_unknown_ids_warn() {
        let o = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect()
        };
        let (c, w) = Content::load_with(
            EN_JSON,
            &o(&[
                ("ui.next", "Continue"),
                ("labels.balloon", "Bone balloon"),
                ("steps.recovery.title", "After your treatment"),
                (
                    "steps.recovery.narration",
                    "First paragraph.\n\nSecond paragraph.",
                ),
                ("steps.risks.consult.title", "Complications"),
                ("disclaimer", "Ask Dr. Lee."),
                ("ui.nope", "x"),
                ("steps.nowhere.title", "x"),
            ]),
        );
        let Ok(c) = c else {
            panic!("overrides broke the content")
        };
        assert_eq!(c.ui.next, "Continue");
        assert_eq!(c.labels.balloon, "Bone balloon");
        let recovery = &c.steps[c.step_index("recovery").unwrap_or(0)];
        assert_eq!(recovery.title, "After your treatment");
        assert_eq!(
            recovery.narration,
            vec!["First paragraph.", "Second paragraph."]
        );
        assert_eq!(c.steps[c.steps.len() - 1].consult.title, "Complications");
        assert_eq!(c.disclaimer, vec!["Ask Dr. Lee."]);
        assert_eq!(w.len(), 2, "{w:#?}");
        assert!(w[0].contains("\"ui.nope\"") && w[1].contains("\"steps.nowhere.title\""));
        // An override that breaks the content is dropped as a whole, with the reason.
        let (c, w) = Content::load_with(EN_JSON, &o(&[("ui.step_of", "Step"), ("ui.next", "Go")]));
        let Ok(c) = c else {
            panic!("the original content should load")
        };
        assert_eq!(c.ui.next, "Next step");
        assert!(w.iter().any(|x| x.contains("ui.step_of")), "{w:#?}");
    }

    #[test]
    fn a_clinics_own_words_for_the_access_step_are_what_the_handout_says_by_either_route() {
        let built_in = Content::load(EN_JSON)
            .unwrap_or_else(|e| panic!("{e}"))
            .takehome
            .needle_beside;
        let needle = REQUIRED_STATES[2];
        let Ok(c) = Content::load(EN_JSON) else {
            panic!("the English content should load")
        };
        let Some(step) = c.steps.iter().find(|s| s.diagram == needle) else {
            panic!("no access step")
        };
        let id = format!("steps.{}.narration", step.id);
        // Two paragraphs: the second stands in the handout for the route beside the pedicle too.
        let (c, w) = Content::load_with(EN_JSON, &[(id.clone(), "Ours.\n\nOur route.".into())]);
        let Ok(c) = c else { panic!("{w:#?}") };
        assert_eq!(c.takehome.needle_beside, "Our route.");
        // One paragraph: the handout has no second one to swap; other overrides leave it be.
        for text in ["Only ours.", "x"] {
            let other = if text == "x" {
                "steps.recovery.narration".to_string()
            } else {
                id.clone()
            };
            let (c, _) = Content::load_with(EN_JSON, &[(other, text.into())]);
            let Ok(c) = c else { panic!("override dropped") };
            assert_eq!(c.takehome.needle_beside, built_in);
        }
    }

    #[test]
    fn the_shipped_file_of_every_language_reads_back_as_its_json() {
        for (tag, json) in BUILT_IN {
            let words = encode(json).unwrap_or_default();
            assert_eq!(
                Content::read(&words),
                Content::load(json),
                "content/{tag}.json"
            );
        }
        // A damaged or foreign file is refused, not half read.
        let words = encode(EN_JSON).unwrap_or_default();
        let cut: Vec<&str> = words.split('\u{1f}').take(60).collect();
        let cut = cut.join("\u{1f}");
        let extra = format!("{words}\u{1f}more");
        for bad in ["", &cut, &extra, "not a content file"] {
            let errs = Content::read(bad).map(|_| ()).unwrap_err_or_default();
            assert!(errs.contains("is not a content file"), "{errs}");
        }
        // It is validated like the JSON.
        let empty_title =
            encode(&edited(|v| v["steps"][0]["title"] = "".into())).unwrap_or_default();
        let errs = Content::read(&empty_title)
            .map(|_| ())
            .unwrap_err_or_default();
        assert!(errs.contains("field \"title\": is empty"), "{errs}");
    }

    #[test]
    fn a_patients_file_reads_with_consult_modes_texts_held_as_holes() {
        // As the build writes a patients' file: consult mode's texts, some of which must hold
        // placeholders once filled in, are U+0002.
        let holed = edited(|v| {
            for (object, key) in [
                ("ui", "spine_overview"),
                ("ui", "grade"),
                ("takehome", "date"),
            ] {
                v[object][key] = HOLE.into();
            }
            v["steps"][0]["consult"]["title"] = HOLE.into();
        });
        let read = Content::read(&encode(&holed).unwrap_or_default());
        let Ok(c) = read else {
            panic!("a file with holes should read: {read:?}")
        };
        assert_eq!(c.ui.spine_overview, HOLE);
        // A text that lacks its placeholder is still refused.
        let broken = edited(|v| v["ui"]["grade"] = "Grade".into());
        let errs = Content::read(&encode(&broken).unwrap_or_default())
            .map(|_| ())
            .unwrap_err_or_default();
        assert!(errs.contains("ui.grade") && errs.contains("{n}"), "{errs}");
    }

    /// The keys of one of en.json's objects of texts.
    fn keys_of(object: &str) -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(EN_JSON).unwrap_or_default();
        let keys = v[object].as_object().map(|m| m.keys().cloned().collect());
        keys.unwrap_or_default()
    }

    #[test]
    fn every_text_of_the_shipped_file_lands_in_its_own_field() {
        // Every text made different from every other, so a text read into another field shows.
        fn unique(v: &mut serde_json::Value, key: &str, n: &mut usize) {
            match v {
                serde_json::Value::String(s) if key != "id" && key != "diagram" => {
                    *n += 1;
                    *s = if s.contains('{') {
                        format!("{s} #{n}")
                    } else {
                        format!("x{n}")
                    };
                }
                serde_json::Value::Array(a) => a.iter_mut().for_each(|x| unique(x, key, n)),
                serde_json::Value::Object(m) => m.iter_mut().for_each(|(k, x)| unique(x, k, n)),
                _ => {}
            }
        }
        let mut n = 0;
        let json = edited(|v| unique(v, "", &mut n));
        assert!(n > 250, "{n} texts");
        let loaded = Content::load(&json);
        assert!(loaded.is_ok(), "{loaded:?}");
        let words = encode(&json).unwrap_or_default();
        assert_eq!(Content::read(&words), loaded);
    }

    #[test]
    fn every_text_id_overrides_its_own_field_and_only_it() {
        let english = english();
        // (text id, JSON pointer of the same text in the file)
        let mut ids: Vec<(String, String)> = Vec::new();
        for object in ["ui", "labels", "consult_labels"] {
            for k in keys_of(object) {
                ids.push((format!("{object}.{k}"), format!("/{object}/{k}")));
            }
        }
        for i in [0, english.steps.len() - 2] {
            let step = &english.steps[i].id;
            for field in [
                "title",
                "picture",
                "narration",
                "consult.title",
                "consult.narration",
            ] {
                let pointer = format!("/steps/{i}/{}", field.replace('.', "/"));
                ids.push((format!("steps.{step}.{field}"), pointer));
            }
        }
        ids.push(("disclaimer".to_string(), "/disclaimer".to_string()));
        for (id, pointer) in &ids {
            let is_list = pointer.ends_with("narration") || pointer.ends_with("disclaimer");
            let json = edited(|v| {
                let Some(at) = v.pointer_mut(pointer) else {
                    panic!("no {pointer} in content/en.json")
                };
                *at = if is_list {
                    serde_json::json!(["Zz one.", "Zz two."])
                } else {
                    "Zz".into()
                };
            });
            let text = if is_list { "Zz one.\n\nZz two." } else { "Zz" };
            let (got, warnings) = Content::load_with(EN_JSON, &[(id.clone(), text.into())]);
            match Content::load(&json) {
                Ok(want) => {
                    assert!(got == Ok(want), "{id}");
                    assert!(warnings.is_empty(), "{id}: {warnings:?}");
                }
                // "Zz" lacks the text's placeholders: the override is dropped, with the reason.
                Err(_) => {
                    assert!(got == Ok(english.clone()), "{id}");
                    assert!(
                        warnings.iter().any(|w| w.contains(&format!("\"{id}\""))),
                        "{id}: {warnings:?}"
                    );
                }
            }
        }
        // Anything else is not an override id: takehome, the step's id, a part too many or few.
        for id in [
            "takehome.print",
            "lang",
            "",
            "ui",
            "ui.",
            "ui.next.x",
            "labels.balloon.x",
            "disclaimer.x",
            "steps",
            "steps.recovery",
            "steps.recovery.id",
            "steps.recovery.diagram",
            "steps.recovery.consult",
            "steps.recovery.title.x",
            "steps.recovery.consult.title.x",
            "steps.recovery.consult.diagram",
            "steps.nowhere.title",
        ] {
            let (got, warnings) = Content::load_with(EN_JSON, &[(id.into(), "Zz".into())]);
            assert!(got == Ok(english.clone()), "{id}");
            assert_eq!(warnings.len(), 1, "{id}: {warnings:?}");
            assert!(warnings[0].contains("is not known"), "{id}: {warnings:?}");
        }
    }

    #[test]
    fn every_blank_text_is_reported_under_its_own_name() {
        for object in ["ui", "labels", "consult_labels", "takehome"] {
            for k in keys_of(object) {
                let errs = errors_of(&edited(|v| v[object][&k] = " ".into()));
                let blank: Vec<&String> = errs.iter().filter(|e| e.ends_with("is empty")).collect();
                assert_eq!(
                    blank,
                    vec![&format!("field \"{object}.{k}\": is empty")],
                    "{errs:#?}"
                );
            }
        }
    }

    #[test]
    fn a_text_without_its_placeholders_is_reported_with_them() {
        for (field, message) in [
            ("ui.spine_overview", "must contain {level}"),
            ("ui.step_of", "must contain both {n} and {total}"),
            ("ui.cta_call", "must contain {phone}"),
            ("ui.treated_levels", "must contain {levels}"),
            ("ui.grade", "must contain {n}"),
            ("ui.no_voice", "must contain {language}"),
            ("ui.cta_talk", "must contain {clinic}"),
            ("takehome.date", "must contain {date}"),
            ("takehome.lumbar", "must contain {level}"),
            ("takehome.thoracic", "must contain {level}"),
        ] {
            let Some((object, key)) = field.split_once('.') else {
                continue;
            };
            let errs = errors_of(&edited(|v| v[object][key] = "x".into()));
            assert_eq!(errs, vec![format!("field \"{field}\": {message}")]);
        }
    }

    trait ErrText {
        fn unwrap_err_or_default(self) -> String;
    }
    impl ErrText for Result<(), ContentErrors> {
        fn unwrap_err_or_default(self) -> String {
            self.err().map(|e| e.to_string()).unwrap_or_default()
        }
    }

    #[test]
    fn glossary_lower_case_and_word_ends_agree_with_unicode() {
        for c in (0..0x500).filter_map(char::from_u32) {
            let folded = fold_char(c);
            if folded != c {
                let std: Vec<char> = c.to_lowercase().collect();
                assert_eq!(std, vec![folded], "{c:?}");
                assert_eq!(folded.len_utf8(), c.len_utf8(), "{c:?}");
            }
        }
        // Every text of every language folds exactly as Unicode lower-cases it.
        for (tag, json) in BUILT_IN {
            let Ok(c) = Content::load(json) else { continue };
            let texts = c.steps.iter().flat_map(|s| s.narration.iter());
            let consult = c.steps.iter().flat_map(|s| s.consult.narration.iter());
            let forms = c.glossary.iter().flat_map(|t| t.forms.iter());
            for t in texts.chain(consult).chain(forms) {
                assert_eq!(fold(t), t.to_lowercase(), "{tag}: {t}");
                for ch in t.chars() {
                    assert_eq!(
                        is_word_char(ch),
                        ch.is_alphanumeric(),
                        "{tag}: {ch:?} in {t}"
                    );
                }
            }
        }
    }

    #[test]
    fn ids_follow_the_kebab_case_rule() {
        assert!(is_valid_id("balloon-inflated"));
        assert!(is_valid_id("step2"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "é"] {
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }
}
