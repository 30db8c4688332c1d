//! The widget's root component: player state, keyboard, the frame loop and the layout.

use super::axial::{axial, top_view_title, AxialProps};
use super::bridge::Bridge;
use super::clock::{Animated, Clock, Frame, Moment};
use super::compare::Compare;
use super::controls::{controls, ControlsProps};
use super::coronal::Coronal;
use super::diagram::{diagram, DiagramProps};
use super::disclaimer::{disclaimer, DisclaimerProps};
use super::drawing::{InkLayer, InkState, InkToolbar};
use super::handout::Handout;
use super::projection::Projection;
use super::scrubber::{scrubber, ScrubberProps};
use super::share_link::ShareLink;
use super::sizer::{sizer, SizerProps};
use super::speech::{voice_for, Speaker};
use super::spine_overview::SpineOverview;
use super::step_list::{step_list, StepListProps};
use super::svg::{el, f, leaf, part, text, yes};
use crate::config::{Config, Mode};
use crate::content::{mark_terms, sentences, Content, Piece, Term};
use crate::model::drawing::{Ink, View};
use crate::model::easing::Easing;
use crate::model::levels::{segment, treated_list, MAX_LEVELS};
use crate::model::patient::{is_thoracic, readout, Grade, SPINE_LEVELS};
use crate::model::player::{Action, Player, StepTiming};
use crate::model::route::Route;
use crate::model::scene::Scene;
use crate::model::share::Share;
use crate::model::text as txt;
use crate::model::timeline::Timeline;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::html::onkeydown;
use yew::prelude::*;

/// Reading time per word while playing, in milliseconds (about 150 words a minute).
pub const MS_PER_WORD: f32 = 400.0;
/// Shortest time a step stays on screen after its animation while playing.
pub const MIN_DWELL_MS: f32 = 3000.0;

/// Props of [`App`].
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// The validated words (never changed once mounted: compared by reference).
    pub content: SharedContent,
    /// This instance's settings.
    pub config: Config,
    /// The reader asked for reduced motion: end states only, no autoplay.
    #[prop_or_default]
    pub reduced_motion: bool,
    /// The link to the page's element (its JS API in, DOM events out); none without an element.
    /// A prop, not a context: a context provider is one more component type in the WebAssembly.
    #[prop_or_default]
    pub bridge: Option<Bridge>,
}

/// The picture at a frame: the timeline's scene (gliding from where a jump started), with this
/// patient's collapse.
fn scene_for(timeline: &Timeline, fr: Frame, loss: f32) -> Scene {
    let target = timeline.scene_at(fr.position);
    let scene = if fr.blend < 1.0 {
        timeline
            .scene_at(fr.from)
            .blend(&target, Easing::InOut.apply(fr.blend))
    } else {
        target
    };
    Scene { loss, ..scene }
}

/// Step timings from the content: the diagram's animation, then reading time.
pub fn timings(content: &Content) -> Vec<StepTiming> {
    content
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let animate_ms = s.diagram.keyframe().duration_ms;
            let reading = content.word_count(i) as f32 * MS_PER_WORD;
            StepTiming {
                animate_ms,
                dwell_ms: (reading - animate_ms).max(MIN_DWELL_MS),
            }
        })
        .collect()
}

/// `{ index, id, total }` for a step: the detail of `stepchange` and `complete` events.
pub fn step_detail(content: &Content, index: usize) -> JsValue {
    let detail = js_sys::Object::new();
    let id = content.steps.get(index).map_or("", |s| s.id.as_str());
    let _ = js_sys::Reflect::set(&detail, &"index".into(), &(index as u32).into());
    let _ = js_sys::Reflect::set(&detail, &"id".into(), &id.into());
    let _ = js_sys::Reflect::set(
        &detail,
        &"total".into(),
        &(content.steps.len() as u32).into(),
    );
    detail.into()
}

/// The clinic's call to action (last step), when the page gave a clinic name or phone number.
/// The last step's call to action in words: a title and a line, with the clinic's phone number
/// (if set) between `before` and `after`.
#[derive(Clone, PartialEq)]
pub struct CtaText {
    /// "Questions about this treatment?"
    pub title: String,
    /// The line up to the phone number (the whole line when there is none).
    pub before: String,
    /// The phone number as shown, if the clinic gave one.
    pub phone: Option<String>,
    /// The line after the phone number.
    pub after: String,
}

/// The call to action's words for this clinic, or none when it gave neither name nor phone.
pub fn cta_text(content: &Content, config: &Config) -> Option<CtaText> {
    let ui = &content.ui;
    let (before, phone, after) = match (&config.clinic_phone, &config.clinic_name) {
        (Some(phone), clinic) => {
            let who = clinic.clone().unwrap_or_else(|| ui.cta_office.clone());
            let text = txt::replace(&ui.cta_call, "{clinic}", &who);
            let (before, after) = txt::split_once(&text, "{phone}").unwrap_or((&text, ""));
            (before.to_string(), Some(phone.clone()), after.to_string())
        }
        (None, Some(name)) => (
            txt::replace(&ui.cta_talk, "{clinic}", name),
            None,
            String::new(),
        ),
        (None, None) => return None,
    };
    Some(CtaText {
        title: ui.cta_title.clone(),
        before,
        phone,
        after,
    })
}

/// Two labels in one place: `now` is shown; `other`, invisible, keeps the place as wide as the
/// wider of the two, so nothing moves when one turns into the other.
pub fn swap(now: &str, other: &str) -> Html {
    el("span|class=kx-swap", &[], &[]).kids(vec![
        el("span", &[], &[]).text(now),
        leaf(
            "span|class=kx-ghost|aria-hidden=true|data-t=$",
            &[],
            &[other],
        ),
    ])
}

fn call_to_action(cta: &CtaText) -> Html {
    let body = match &cta.phone {
        Some(phone) => {
            let tel = txt::map_chars(phone, usize::MAX, &|c| {
                (c.is_ascii_digit() || c == '+').then_some(c)
            });
            el("p", &[], &[]).kids(vec![
                text(&cta.before),
                el("a|class=kx-tel|href=tel:$", &[], &[&tel]).text(phone),
                text(&cta.after),
            ])
        }
        None => el("p", &[], &[]).text(&cta.before),
    };
    el("aside|class=kx-cta|aria-label=$", &[], &[&cta.title]).kids(vec![
        el("p|class=kx-cta-title", &[], &[]).text(&cta.title),
        body,
    ])
}

/// The narration, one span per sentence (the sentence being read aloud is marked), with each
/// glossary word a button that shows its meaning below the text.
fn narration(
    paragraphs: &[&str],
    glossary: &[Term],
    reading: Option<usize>,
    open: Option<usize>,
    ontoggle: &Callback<usize>,
) -> Html {
    let mut k = 0;
    let mut seen = Vec::new();
    let paragraphs_html: Vec<Html> = paragraphs
        .iter()
        .map(|p| {
            let spans: Vec<Html> = sentences(p)
                .into_iter()
                .map(|sent| {
                    let here = reading == Some(k);
                    k += 1;
                    let mut pieces: Vec<Html> = Vec::new();
                    for piece in mark_terms(sent, glossary, &mut seen) {
                        match piece {
                            Piece::Text("") => {}
                            Piece::Text(t) => pieces.push(text(t)),
                            // Inline text, not a <button>: a button is one box, so a long term
                            // wrapped as a block and the punctuation after it could start a line.
                            // Enter and Space are handled by the widget's key handler.
                            Piece::Term(t, i) => pieces.push(
                                el(
                                    "span|class=kx-term|role=button|tabindex=0|aria-expanded=$|aria-controls=kx-definition",
                                    &[],
                                    &[yes(open == Some(i))],
                                )
                                .click(ontoggle.reform(move |_: MouseEvent| i))
                                .text(t),
                            ),
                        }
                    }
                    part(vec![
                        el(
                            "span|class=kx-sentence$",
                            &[],
                            &[if here { " is-reading" } else { "" }],
                        )
                        .kids(pieces),
                        text(" "),
                    ])
                })
                .collect();
            el("p|class=kx-narration", &[], &[]).kids(spans)
        })
        .collect();
    let definition = match open.and_then(|i| glossary.get(i)) {
        Some(t) => el("p", &[], &[]).kids(vec![
            el("strong", &[], &[]).text(&format!("{}: ", t.term)),
            text(&t.definition),
        ]),
        None => Html::default(),
    };
    part(vec![
        part(paragraphs_html),
        el(
            "div|id=kx-definition|class=kx-definition|role=status",
            &[],
            &[],
        )
        .kids(vec![definition]),
    ])
}

/// Scrolls the page to show the pictures again when more than half of them is above the screen:
/// after a step was chosen with a control below them (as on a phone), they would change out of
/// sight. Not after a key (the control then has a visible focus ring): the page stays where the
/// keyboard user's control is.
fn reveal(root: &NodeRef) {
    let Some(r) = root.cast::<web_sys::Element>() else {
        return;
    };
    if let (Ok(None), Ok(Some(e))) = (
        r.query_selector(":focus-visible"),
        r.query_selector(".kx-stage-group"),
    ) {
        let r = e.get_bounding_client_rect();
        if r.top() < -r.height() / 2.0 {
            e.scroll_into_view();
        }
    }
}

/// Before a new step's words replace the old ones, a glossary word with focus would go with them
/// (focus then falls to the page): focus moves to the pictures' group, which stays.
#[inline(never)]
fn keep_focus(root: &NodeRef) {
    let Some(r) = root.cast::<web_sys::Element>() else {
        return;
    };
    if let (Ok(Some(_)), Ok(Some(g))) = (
        r.query_selector(".kx-term:focus"),
        r.query_selector(".kx-stage-group"),
    ) {
        let _ = g.unchecked_into::<web_sys::HtmlElement>().focus();
    }
}

/// Tab on the widget's last control (Shift+Tab on its first) while it fills the screen: focus goes
/// round to its first (last) control rather than to the page behind it.
fn wrap_focus(root: &NodeRef, at: Option<&web_sys::HtmlElement>, back: bool, e: &KeyboardEvent) {
    let (Some(r), Some(at)) = (root.cast::<web_sys::Element>(), at) else {
        return;
    };
    let Ok(all) = r.query_selector_all(
        "button:not([disabled]),select:not([disabled]),input:not([disabled]),a[href],[tabindex='0']",
    ) else {
        return;
    };
    // The controls shown (a hidden one is skipped by Tab too).
    let shown: Vec<web_sys::HtmlElement> = (0..all.length())
        .filter_map(|i| all.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|x| x.offset_width() > 0)
        .collect();
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return;
    };
    let (edge, other) = if back { (first, last) } else { (last, first) };
    if edge.is_same_node(Some(at)) {
        e.prevent_default();
        let _ = other.focus();
    }
}

/// The content shared by reference: equal when it is the same content (no deep comparison on
/// every render).
#[derive(Clone)]
pub struct SharedContent(pub Rc<Content>);

impl PartialEq for SharedContent {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// What [`narration_view`] draws.
pub struct NarrationProps {
    /// The words.
    pub content: SharedContent,
    /// The step shown.
    pub step: usize,
    /// Physician wording (no glossary).
    pub consult: bool,
    /// The sentence being read aloud.
    pub reading: Option<usize>,
    /// The glossary term whose definition is open.
    pub open: Option<usize>,
    /// A glossary term was pressed.
    pub ontoggle: Callback<usize>,
    /// Words that take the place of the first paragraph (consult mode's extrapedicular access).
    pub lead: Option<AttrValue>,
}

/// The narration of one step.
pub fn narration_view(p: &NarrationProps) -> Html {
    let content = &p.content.0;
    let Some(step) = content.steps.get(p.step) else {
        return Html::default();
    };
    let glossary: &[Term] = if cfg!(feature = "consult") && p.consult {
        &[]
    } else {
        &content.glossary
    };
    let mut paragraphs: Vec<&str> = step_narration(step, p.consult)
        .iter()
        .map(String::as_str)
        .collect();
    if let (Some(lead), Some(first)) = (&p.lead, paragraphs.first_mut()) {
        *first = lead;
    }
    narration(&paragraphs, glossary, p.reading, p.open, &p.ontoggle)
}

/// A step's title as shown (and in the list of steps): the access step's is `extra`'s when the
/// needle takes the extrapedicular route.
fn shown_title<'a>(
    step: &'a crate::content::Step,
    consult: bool,
    extra: Option<&'a str>,
) -> &'a str {
    match extra {
        Some(t) if step.diagram == crate::model::timeline::DiagramState::Needle => t,
        _ => step_title(step, consult),
    }
}

/// A step's title for the reader: clinical in consult mode.
fn step_title(step: &crate::content::Step, consult: bool) -> &str {
    if cfg!(feature = "consult") && consult {
        &step.consult.title
    } else {
        &step.title
    }
}

/// A step's narration for the reader: clinical in consult mode.
fn step_narration(step: &crate::content::Step, consult: bool) -> &[String] {
    if cfg!(feature = "consult") && consult {
        &step.consult.narration
    } else {
        &step.narration
    }
}

/// A number with two decimals, written with integer formatting.
fn two_decimals(v: f32) -> String {
    let h = (v * 100.0).round().max(0.0) as u32;
    format!("{}.{:02}", h / 100, h % 100)
}

/// Reads the value of the `<select>` an event came from.
fn select_value(e: &Event) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
        .map(|s| s.value())
        .unwrap_or_default()
}

/// Playback speeds offered in consult mode.
const SPEEDS: [f32; 4] = [0.5, 1.0, 1.5, 2.0];

/// A setting consult mode changes (this patient's settings, speed, X-ray style, full screen): Yew
/// state in the consult build. The patients' build, where nothing changes them, holds each as a
/// fixed value, with no hook and no code to change it.
#[cfg(feature = "consult")]
type Setting<T> = UseStateHandle<T>;
#[cfg(not(feature = "consult"))]
type Setting<T> = Fixed<T>;

/// A setting's value in the patients' build (see [`Setting`]).
#[cfg(not(feature = "consult"))]
#[derive(Clone)]
struct Fixed<T>(T);

#[cfg(not(feature = "consult"))]
impl<T> Fixed<T> {
    fn new(value: T) -> Self {
        Fixed(value)
    }

    /// Only consult mode changes a setting, and the patients' build has no consult mode.
    fn set(&self, _: T) {}
}

#[cfg(not(feature = "consult"))]
impl<T> std::ops::Deref for Fixed<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// The consult-mode settings' state handles.
struct ConsultSettings {
    grade: Setting<Grade>,
    two: Setting<bool>,
    level: Setting<String>,
    speed: Setting<f32>,
    xray: Setting<bool>,
    /// How many neighbouring levels are treated (1 to 3).
    count: Setting<u8>,
    /// The needle's route (extrapedicular only at thoracic levels).
    route: Setting<Route>,
}

/// Consult mode: this patient's settings, the live readout, speed, X-ray style and full screen.
fn consult_panel(
    ui: &crate::content::Ui,
    scene: &crate::model::scene::Scene,
    settings: &ConsultSettings,
    toggle_full: &Callback<()>,
    maximised: bool,
) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let ConsultSettings {
        grade,
        two,
        level,
        speed,
        xray,
        count,
        route,
    } = settings;
    let r = readout(scene);
    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            if let Some(v) = select_value(&e)
                .parse::<usize>()
                .ok()
                .and_then(|i| SPEEDS.get(i))
            {
                speed.set(*v);
            }
        })
    };
    let toggle_xray = {
        let xray = xray.clone();
        Callback::from(move |_: MouseEvent| xray.set(!*xray))
    };
    let on_grade = {
        let grade = grade.clone();
        Callback::from(move |e: Event| {
            if let Some(g) = select_value(&e).parse().ok().and_then(Grade::from_number) {
                grade.set(g);
            }
        })
    };
    let on_balloons = {
        let two = two.clone();
        Callback::from(move |e: Event| two.set(select_value(&e) == "2"))
    };
    let on_level = {
        let level = level.clone();
        Callback::from(move |e: Event| {
            let v = select_value(&e);
            if SPINE_LEVELS.contains(&v.as_str()) {
                level.set(v);
            }
        })
    };
    let current_grade = grade.number();
    let on_count = {
        let count = count.clone();
        Callback::from(move |e: Event| {
            if let Some(n) = select_value(&e)
                .parse::<u8>()
                .ok()
                .filter(|n| (1..=MAX_LEVELS).contains(n))
            {
                count.set(n);
            }
        })
    };
    let on_route = {
        let route = route.clone();
        Callback::from(move |e: Event| {
            route.set(if select_value(&e) == "extra" {
                Route::Extrapedicular
            } else {
                Route::Transpedicular
            })
        })
    };
    let thoracic = is_thoracic(level);
    let route_now = route.at(level);
    html! {
        <div class="kx-consult">
            <fieldset class="kx-settings">
                <legend>{ &ui.patient_settings }</legend>
                <label>{ &ui.severity }
                    <select onchange={on_grade}>
                        { for Grade::ALL.iter().map(|g| html! {
                            <option value={g.number().to_string()} selected={g.number() == current_grade}>
                                { txt::replace(&ui.grade, "{n}", &g.number().to_string()) }
                            </option>
                        }) }
                    </select>
                </label>
                <label>{ &ui.balloons }
                    <select onchange={on_balloons}>
                        <option value="1" selected={!**two}>{ &ui.one_balloon }</option>
                        <option value="2" selected={**two}>{ &ui.two_balloons }</option>
                    </select>
                </label>
                <label>{ &ui.level }
                    <select onchange={on_level}>
                        { for SPINE_LEVELS.iter().map(|l| html! {
                            <option value={l.to_string()} selected={**level == *l}>{ l.to_string() }</option>
                        }) }
                    </select>
                </label>
                <label>{ &ui.levels_treated }
                    <select onchange={on_count}>
                        { for (1..=MAX_LEVELS).map(|n| html! {
                            <option value={n.to_string()} selected={**count == n}>{ n.to_string() }</option>
                        }) }
                    </select>
                </label>
                <label>{ &ui.route }
                    <select onchange={on_route} disabled={!thoracic}
                            aria-describedby={(!thoracic).then_some("kx-route-note")}>
                        <option value="trans" selected={route_now == Route::Transpedicular}>{ &ui.transpedicular }</option>
                        <option value="extra" selected={route_now == Route::Extrapedicular}>{ &ui.extrapedicular }</option>
                    </select>
                </label>
                <label>{ &ui.speed }
                    <select onchange={on_speed}>
                        { for SPEEDS.iter().enumerate().map(|(i, v)| html! {
                            <option value={i.to_string()} selected={(**speed - v).abs() < 1e-3}>
                                { format!("{}\u{D7}", f(*v)) }
                            </option>
                        }) }
                    </select>
                </label>
                <button type="button" class="kx-btn" aria-pressed={xray.to_string()}
                        onclick={toggle_xray}>{ &ui.xray_view }</button>
                <button type="button" class="kx-btn" aria-pressed={maximised.to_string()}
                        onclick={toggle_full.reform(|_: MouseEvent| ())}>{ &ui.full_screen }</button>
            </fieldset>
            <dl class="kx-readout">
                <div><dt>{ &ui.wedge_angle }</dt><dd>{ format!("{}\u{B0}", f(r.wedge_deg)) }</dd></div>
                <div><dt>{ &ui.height_ratio }</dt><dd>{ two_decimals(r.front_back) }</dd></div>
                <div><dt>{ &ui.balloon_readout }</dt><dd>{ format!("{} mL \u{B7} {} psi", f(r.balloon_ml), f(r.pressure_psi).split('.').next().unwrap_or("0")) }</dd></div>
            </dl>
            if !thoracic {
                <p class="kx-route-note" id="kx-route-note">{ &ui.route_thoracic_only }</p>
            } else if route_now == Route::Extrapedicular {
                <p class="kx-route-note">{ &ui.route_extrapedicular_note }</p>
            }
            <p class="kx-illustrative">{ &ui.illustrative }</p>
        </div>
    }
}

/// A yes-or-no state starting at `on` (one hook for all of them, so one copy of the hook's code).
#[hook]
fn use_flag(on: bool) -> UseStateHandle<bool> {
    use_state(move || on)
}

/// A state holding an index, at first none (one hook for all of them).
#[hook]
fn use_none() -> UseStateHandle<Option<usize>> {
    use_state(|| None)
}

/// The explainer.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let content = props.content.0.clone();
    // The player lives in the clock: frames redraw the moving parts only; this component
    // re-renders when the moment (step, playing, end) changes.
    // Made once: the player's clock, the timeline, the callbacks that act on the player (the
    // same object across renders), the read-aloud voice, the last step and end the page heard
    // of (none before "ready"), the last step read aloud or not, and the references to the root
    // and the About button.
    let (clock, timeline, dispatch, seek, speaker, seen, said, root, about_button) = {
        let content = content.clone();
        let config = props.config.clone();
        let reduced = props.reduced_motion;
        let made = use_memo((), move |_| {
            let clock = Clock::new(Player::new(
                timings(&content),
                config.start,
                config.autoplay,
                reduced,
            ));
            let timeline = Rc::new(Timeline::new(
                content.steps.iter().map(|s| s.diagram).collect(),
            ));
            let c = clock.clone();
            let dispatch = Callback::from(move |a: Action| c.apply(a));
            let seek = dispatch.reform(Action::Seek);
            let speaker = Rc::new(RefCell::new(Speaker::default()));
            let seen = Rc::new(Cell::new(None::<(usize, bool)>));
            let said = Rc::new(Cell::new(None::<(bool, usize)>));
            let (root, about_button) = (NodeRef::default(), NodeRef::default());
            (
                clock,
                timeline,
                dispatch,
                seek,
                speaker,
                seen,
                said,
                root,
                about_button,
            )
        });
        (*made).clone()
    };
    // Re-rendered by the clock when the moment changes (see the mount effect).
    let update = use_force_update();
    let moment = Moment::of(&clock.player());
    let show_labels = use_flag(true);
    let about_open = use_flag(false);
    // On narrow widgets one view shows at a time; false = side view, true = from above.
    let top_view = use_flag(false);
    let on_screen = use_flag(true);
    let page_visible = use_flag(true);
    // Consult mode started from a share link: its settings (else the defaults).
    let restored = props.config.share.clone().unwrap_or_default();
    // Consult mode's settings: this patient's (grade, balloons, level, levels treated, route),
    // playback speed, X-ray style and the AP (front-to-back) projection instead of the lateral
    // one, and full screen (see `Setting`).
    #[cfg(feature = "consult")]
    let (grade, two_balloons, level, level_count, route, speed, xray, ap, maximised) = (
        use_state(|| restored.grade),
        use_state(|| restored.two_balloons),
        use_state(|| restored.level.clone()),
        use_state(|| restored.levels),
        use_state(|| restored.route),
        use_state(|| restored.speed()),
        use_state(|| restored.xray),
        use_state(|| restored.ap),
        use_state(|| false),
    );
    #[cfg(not(feature = "consult"))]
    let (grade, two_balloons, level, level_count, route, speed, xray, ap, maximised) = (
        Fixed::new(restored.grade),
        Fixed::new(restored.two_balloons),
        Fixed::new(restored.level.clone()),
        Fixed::new(restored.levels),
        Fixed::new(restored.route),
        Fixed::new(restored.speed()),
        Fixed::new(restored.xray),
        Fixed::new(restored.ap),
        Fixed::new(false),
    );
    clock.set_speed(*speed);
    // Consult mode: what is drawn on the pictures, per step, in memory only
    // (`ink.drawing().svg(step, view, xray)` gives a step's strokes as SVG, e.g. for a handout).
    #[cfg(feature = "consult")]
    let (ink, draw) = {
        let ink = use_reducer(InkState::default);
        let d = ink.dispatcher();
        (ink, use_callback((), move |a: Ink, _| d.dispatch(a)))
    };
    #[cfg(not(feature = "consult"))]
    let (ink, draw) = (Fixed::new(InkState::default()), Callback::<Ink>::noop());

    // The page's side: the element's JS API sends actions in; DOM events go out.
    let bridge = props.bridge.clone();
    // Once mounted: each new moment re-renders; off screen and hidden tab stop the loop; the
    // element's JS API sends its actions to the player.
    {
        let clock = clock.clone();
        let last = Cell::new(moment);
        let on_screen = on_screen.clone();
        let page_visible = page_visible.clone();
        let root = root.clone();
        let bridge = bridge.clone();
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            clock.on_moment(Callback::from(move |m| {
                if last.replace(m) != m {
                    update.force_update();
                }
            }));
            let observer = root.cast::<web_sys::Element>().and_then(|el| {
                let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    if let Ok(entry) = entries
                        .get(entries.length().saturating_sub(1))
                        .dyn_into::<web_sys::IntersectionObserverEntry>()
                    {
                        on_screen.set(entry.is_intersecting());
                    }
                });
                let obs = web_sys::IntersectionObserver::new(cb.as_ref().unchecked_ref()).ok()?;
                obs.observe(&el);
                Some((obs, cb))
            });
            let doc = gloo::utils::document();
            let d2 = doc.clone();
            let listener = gloo::events::EventListener::new(&doc, "visibilitychange", move |_| {
                page_visible.set(!d2.hidden());
            });
            if let Some(b) = &bridge {
                *b.0.dispatch.borrow_mut() = Some(dispatch);
            }
            move || {
                clock.stop();
                if let Some((obs, _cb)) = observer {
                    obs.disconnect();
                }
                drop(listener);
                if let Some(b) = bridge {
                    b.0.dispatch.borrow_mut().take();
                }
            }
        });
    }
    let open_term = use_none();
    // Larger text, and read-aloud with the sentence being read.
    let large_text = use_flag(false);
    let reading = use_flag(false);
    let sentence = use_none();
    let voice_note = use_flag(false);
    // On each new moment, and when the widget comes into or goes out of sight or read-aloud is
    // turned on or off: frames run only while something moves and the widget can be seen (a frame
    // loop that was stopped may have to start again); a new step closes any open definition and
    // the page hears of it ("ready" the first time); at the end, the page hears "complete"; on a
    // new step or a read-aloud switch, the step is read aloud (or reading stops).
    {
        let clock = clock.clone();
        let bridge = bridge.clone();
        let content = content.clone();
        let (seen, said, speaker) = (seen.clone(), said.clone(), speaker.clone());
        let open_term = open_term.clone();
        let sentence = sentence.clone();
        let run = *on_screen && *page_visible;
        let consult = cfg!(feature = "consult") && props.config.mode == Mode::Consult;
        use_effect_with((run, moment, *reading), move |&(run, m, on)| {
            clock.set_can_run(run);
            let before = seen.replace(Some((m.step, m.done)));
            if before.map(|(step, _)| step) != Some(m.step) {
                open_term.set(None);
                if let Some(b) = &bridge {
                    b.0.current.set(m.step);
                    let name = if before.is_some() {
                        "stepchange"
                    } else {
                        "ready"
                    };
                    b.emit(name, &step_detail(&content, m.step));
                }
            }
            if m.done && before.map(|(_, done)| done) != Some(true) {
                if let Some(b) = &bridge {
                    b.emit(
                        "complete",
                        &step_detail(&content, content.steps.len().saturating_sub(1)),
                    );
                }
            }
            if said.replace(Some((on, m.step))) == Some((on, m.step)) {
                return;
            }
            let voice = if on { voice_for(&content.lang) } else { None };
            match (voice, content.steps.get(m.step)) {
                (Some(voice), Some(s)) => {
                    let pieces: Vec<&str> = step_narration(s, consult)
                        .iter()
                        .flat_map(|p| sentences(p))
                        .collect();
                    let mut starts = Vec::with_capacity(pieces.len());
                    let mut at = 0u32;
                    for piece in &pieces {
                        starts.push(at);
                        at += piece.encode_utf16().count() as u32 + 1;
                    }
                    let text = txt::join(&pieces, " ");
                    sentence.set(Some(0));
                    let on_word = {
                        let sentence = sentence.clone();
                        Callback::from(move |i: u32| {
                            sentence.set(Some(starts.iter().rposition(|&s| s <= i).unwrap_or(0)));
                        })
                    };
                    let on_end = {
                        let sentence = sentence.clone();
                        Callback::from(move |()| {
                            sentence.set(None);
                            clock.apply(Action::NarrationEnded);
                        })
                    };
                    speaker
                        .borrow_mut()
                        .speak(&text, &content.lang, &voice, on_word, on_end);
                }
                _ => {
                    speaker.borrow_mut().stop();
                    sentence.set(None);
                }
            }
        });
    }
    let toggle_reading = {
        let reading = reading.clone();
        let voice_note = voice_note.clone();
        let lang = content.lang.clone();
        let clock = clock.clone();
        Callback::from(move |_: MouseEvent| {
            if *reading {
                reading.set(false);
                clock.apply(Action::ReadAloud(false));
            } else if voice_for(&lang).is_some() {
                voice_note.set(false);
                reading.set(true);
                clock.apply(Action::ReadAloud(true));
            } else {
                voice_note.set(true);
            }
        })
    };
    let toggle_term = {
        let open_term = open_term.clone();
        let (dispatch, playing) = (dispatch.clone(), moment.playing);
        Callback::from(move |i: usize| {
            // A meaning opened while playing stays on screen: the show pauses.
            if playing {
                dispatch.emit(Action::Pause);
            }
            open_term.set(if *open_term == Some(i) { None } else { Some(i) })
        })
    };
    // Previous, Next, Play and the list of steps sit below the pictures: a step chosen with them
    // brings the pictures back into sight.
    let onaction = {
        let (root, dispatch) = (root.clone(), dispatch.clone());
        Callback::from(move |a: Action| {
            dispatch.emit(a);
            if a != Action::Pause {
                reveal(&root);
            }
        })
    };
    let toggle_large = {
        let large_text = large_text.clone();
        Callback::from(move |_: MouseEvent| large_text.set(!*large_text))
    };

    // Consult mode: full screen.
    #[cfg(not(feature = "consult"))]
    let toggle_full = Callback::<()>::noop();
    #[cfg(feature = "consult")]
    let toggle_full = {
        let maximised = maximised.clone();
        let host = bridge.as_ref().and_then(|b| b.0.host.clone());
        Callback::from(move |()| {
            let doc = gloo::utils::document();
            if doc.fullscreen_element().is_some() {
                doc.exit_fullscreen();
                maximised.set(false);
            } else if *maximised {
                maximised.set(false);
            } else {
                // Full screen where the browser allows it; the widget also fills the window,
                // which is all that happens where full screen is refused (some iframes, iOS).
                if let Some(h) = &host {
                    let _ = h.request_fullscreen();
                }
                maximised.set(true);
            }
        })
    };

    // Consult mode: leaving the browser's full screen with its own Escape leaves the widget's too.
    #[cfg(feature = "consult")]
    {
        let maximised = maximised.clone();
        use_effect_with((), move |_| {
            let listener = gloo::events::EventListener::new(
                &gloo::utils::document(),
                "fullscreenchange",
                move |_| {
                    if gloo::utils::document().fullscreen_element().is_none() {
                        maximised.set(false);
                    }
                },
            );
            move || drop(listener)
        });
    }

    let step_index = moment.step;
    // A new step (the page last heard of another): a focused glossary word's focus moves first.
    if seen.get().is_some_and(|(s, _)| s != step_index) {
        keep_focus(&root);
    }
    let step = &content.steps[step_index];
    let count = content.step_of(step_index);
    let total = content.steps.len();

    let ui = &content.ui;
    // Consult mode is only in the consult build (the feature `consult`).
    let consult = cfg!(feature = "consult") && props.config.mode == Mode::Consult;
    // Consult mode at a thoracic level with the extrapedicular route: the access step says so.
    let extra = (consult && route.at(&level) == Route::Extrapedicular)
        .then_some(ui.extrapedicular_title.as_str());
    let beside = extra.is_some() && step.diagram == crate::model::timeline::DiagramState::Needle;
    let title = shown_title(step, consult, extra);
    let live = format!("{count}: {title}");
    // Consult mode can treat up to three neighbouring levels; patients see one.
    let seg = segment(&level, if consult { *level_count } else { 1 });
    let side_description = if consult {
        format!(
            "{} {}",
            step.picture,
            txt::replace(&ui.treated_levels, "{levels}", &treated_list(&seg))
        )
    } else {
        step.picture.clone()
    };
    let route_now = if consult {
        route.at(&level)
    } else {
        Route::Transpedicular
    };
    // The call to action's words; the pictures' labels (consult mode speaks in clinical terms;
    // the glossary is for patients; the canal holds the spinal cord down to about L1, nerve roots
    // below (clinical.md): its label follows the middle level drawn); the step list's titles.
    // Built at each render of the explainer (new moments, the reader's choices), not on every
    // frame.
    let cta = Rc::new(cta_text(&content, &props.config));
    let canal_labels = {
        let mut l = if consult {
            content.consult_labels.clone()
        } else {
            content.labels.clone()
        };
        l.nerves = match seg.names[1].as_str() {
            "L1" => l.nerves,
            n if n.starts_with("L") => l.roots.clone(),
            _ => l.cord.clone(),
        };
        Rc::new(l)
    };
    let titles: Vec<AttrValue> = content
        .steps
        .iter()
        .map(|s| AttrValue::from(shown_title(s, consult, extra).to_string()))
        .collect();

    let onkeydown = {
        let dispatch = dispatch.clone();
        let playing = moment.playing;
        let show_labels = show_labels.clone();
        let full = toggle_full.clone();
        let draw = draw.clone();
        let drawing_on = ink.drawing().on;
        let step_now = step_index;
        let max = cfg!(feature = "consult") && *maximised;
        let root = root.clone();
        let open_term = open_term.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Spelled out here so that the patients' build drops consult mode's keys.
            let consult = cfg!(feature = "consult") && consult;
            // The real origin of the key (the event may be retargeted at the shadow host).
            let target = e
                .composed_path()
                .get(0)
                .dyn_into::<web_sys::HtmlElement>()
                .ok();
            let target_tag = target
                .as_ref()
                .map(|el| el.tag_name().to_ascii_lowercase())
                .unwrap_or_default();
            // A glossary word (inline text with the role of a button) opens with Enter or Space.
            if let Some(term) = target
                .as_ref()
                .filter(|el| el.class_list().contains("kx-term"))
            {
                if matches!(e.key().as_str(), "Enter" | " " | "Spacebar") {
                    e.prevent_default();
                    // A held key opens it once, as a button does.
                    if !e.repeat() {
                        term.click();
                    }
                    return;
                }
            }
            // A field (the slider, a select, a checkbox, a text field) keeps its own keys; on a
            // button or link only Space and Enter are the control's.
            let in_field = matches!(target_tag.as_str(), "input" | "select" | "textarea");
            let in_control = in_field || matches!(target_tag.as_str(), "button" | "a");
            // Keys with Ctrl, Cmd or Alt are the browser's (Ctrl+F finds, Ctrl+1 switches tabs).
            let modified = e.ctrl_key() || e.meta_key() || e.alt_key();
            let letter = consult && !in_field && !modified;
            let action = match e.key().as_str() {
                "ArrowLeft" if !in_field => Some(Action::Previous),
                "ArrowRight" if !in_field => Some(Action::Next),
                "Home" if !in_field => Some(Action::GoTo(0)),
                "End" if !in_field => Some(Action::GoTo(usize::MAX)),
                // Presentation clickers send PageUp / PageDown: steps, wherever the focus is.
                "PageUp" => Some(Action::Previous),
                "PageDown" => Some(Action::Next),
                // Consult mode: number keys jump to a step (0 is the tenth), F full screen, L labels.
                k if letter && k.len() == 1 && k.as_bytes()[0].is_ascii_digit() => {
                    let n = (k.as_bytes()[0] - b'0') as usize;
                    Some(Action::GoTo(if n == 0 { 9 } else { n - 1 }))
                }
                "f" | "F" if letter => {
                    e.prevent_default();
                    full.emit(());
                    None
                }
                "l" | "L" if letter => {
                    show_labels.set(!*show_labels);
                    None
                }
                // D draws on the pictures; Escape stops drawing.
                "d" | "D" if letter => {
                    draw.emit(Ink::Toggle);
                    None
                }
                // Escape closes a word's meaning.
                "Escape" if open_term.is_some() => {
                    open_term.set(None);
                    None
                }
                "Escape" if consult && drawing_on => {
                    draw.emit(Ink::Stop);
                    None
                }
                // Full screen (or filling the window where the browser refuses it): Escape
                // leaves it, and Tab goes round inside the widget, never to the page behind.
                "Escape" if consult && max => {
                    full.emit(());
                    None
                }
                "Tab" if consult && max => {
                    wrap_focus(&root, target.as_ref(), e.shift_key(), &e);
                    None
                }
                // Ctrl+Z (or Cmd+Z) takes back the last drawing change on this step.
                "z" | "Z" if consult && !in_field && (e.ctrl_key() || e.meta_key()) => {
                    draw.emit(Ink::Undo(step_now));
                    None
                }
                " " | "Spacebar" if !in_control => {
                    Some(if playing { Action::Pause } else { Action::Play })
                }
                _ => None,
            };
            if let Some(a) = action {
                e.prevent_default();
                dispatch.emit(a);
            }
        })
    };

    let toggle_labels = {
        let show_labels = show_labels.clone();
        Callback::from(move |_: MouseEvent| show_labels.set(!*show_labels))
    };
    let toggle_about = {
        let about_open = about_open.clone();
        Callback::from(move |_| about_open.set(!*about_open))
    };
    let close_about = {
        let about_open = about_open.clone();
        let about_button = about_button.clone();
        Callback::from(move |_| {
            about_open.set(false);
            // The Close button disappears: give focus back to the button that opened the panel.
            if let Some(b) = about_button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };

    // The parts drawn anew on every frame (the rest re-renders only when the moment changes).
    let loss = grade.loss();
    let views = {
        let timeline = timeline.clone();
        let labels = canal_labels.clone();
        let show_labels = *show_labels;
        let (names, treated, chosen) = (seg.names.clone(), seg.treated, seg.chosen);
        // The side view's level names, made once here: frames share them.
        let level_names = names.clone().map(AttrValue::from);
        let (xray, is_ap, top_view, two) = (*xray, *ap, *top_view, *two_balloons);
        let thoracic = is_thoracic(&level);
        let top_level = crate::model::axial::TopLevel::of(&level);
        let ink = (*ink).clone();
        let draw = draw.clone();
        // The pictures' words, made once here rather than on every frame.
        let ap_title = AttrValue::from(format!("{}: {}", ui.ap_view, title));
        let side_title = AttrValue::from(title.to_string());
        let side_description = AttrValue::from(side_description);
        let top_title = AttrValue::from(top_view_title(ui, title, route_now));
        let (front, back) = (
            AttrValue::from(ui.front.clone()),
            AttrValue::from(ui.back.clone()),
        );
        let content = content.clone();
        Callback::from(move |fr: Frame| {
            // Spelled out here so that the patients' build (no `consult` feature) drops the rest.
            let consult = cfg!(feature = "consult") && consult;
            let ui = &content.ui;
            let scene = scene_for(&timeline, fr, loss);
            // The wrappers' classes change with the view shown: element templates (a class
            // written as `class={..}` in `html!` would bring in Yew's class-list code).
            let stage = |hidden: bool| {
                el(
                    "figure|class=kx-stage$",
                    &[],
                    &[if hidden { " is-narrow-hidden" } else { "" }],
                )
            };
            let side = html! {
                if consult && xray && is_ap {
                    <Coronal scene={scene} labels={labels.clone()} show_labels={show_labels}
                             levels={names.clone()} treated={treated} chosen={chosen} route={route_now}
                             bilateral={two} thoracic={thoracic} title={ap_title.clone()} />
                    <InkLayer ink={ink.clone()} step={step_index} view={View::Ap} xray={xray} ondraw={draw.clone()} />
                    <figcaption class="kx-caption">{ &ui.ap_view }</figcaption>
                } else {
                    { diagram(&DiagramProps { scene, labels: labels.clone(), show_labels,
                             levels: level_names.clone(), treated, chosen,
                             front: front.clone(), back: back.clone(),
                             title: side_title.clone(), description: side_description.clone(), id_prefix: AttrValue::default(), overlay: Html::default() }) }
                    if consult {
                        <InkLayer ink={ink.clone()} step={step_index} view={View::Side} xray={xray} ondraw={draw.clone()} />
                    }
                    <figcaption class="kx-caption">{ &ui.side_view }</figcaption>
                }
            };
            let top = html! {
                <>
                { axial(&AxialProps { scene, labels: labels.clone(), show_labels,
                       bilateral: two, level: top_level, route: route_now,
                       front: front.clone(), back: back.clone(), title: top_title.clone(),
                       id_prefix: AttrValue::default(), overlay: Html::default() }) }
                if consult {
                    <InkLayer ink={ink.clone()} step={step_index} view={View::Top} xray={xray} ondraw={draw.clone()} />
                }
                <figcaption class="kx-caption">{ &ui.top_view }</figcaption>
                </>
            };
            el(
                "div|class=kx-views$",
                &[],
                &[if consult && xray { " is-xray" } else { "" }],
            )
            .kids(vec![
                stage(top_view).kids(vec![side]),
                stage(!top_view).kids(vec![top]),
            ])
        })
    };
    // Consult mode: the settings with the live readout, the overview and the comparison.
    let side = (cfg!(feature = "consult") && consult).then(|| {
        let timeline = timeline.clone();
        let content = content.clone();
        let settings = ConsultSettings {
            grade: grade.clone(),
            two: two_balloons.clone(),
            level: level.clone(),
            speed: speed.clone(),
            xray: xray.clone(),
            count: level_count.clone(),
            route: route.clone(),
        };
        let toggle_full = toggle_full.clone();
        let maximised = *maximised;
        let overview_name = if consult {
            txt::replace(&ui.spine_overview, "{level}", &treated_list(&seg))
        } else {
            String::new()
        };
        let others: Vec<String> = seg
            .names
            .iter()
            .zip(seg.treated)
            .filter(|(n, t)| *t && **n != *level)
            .map(|(n, _)| n.clone())
            .collect();
        Callback::from(move |fr: Frame| {
            let scene = scene_for(&timeline, fr, loss);
            html! {
                <div class="kx-consult-side">
                <div class="kx-consult-row">
                { consult_panel(&content.ui, &scene, &settings, &toggle_full, maximised) }
                <SpineOverview level={(*settings.level).clone()} name={overview_name.clone()}
                               others={others.clone()} />
                </div>
                <Compare content={SharedContent(content.clone())} scene={scene} />
                </div>
            }
        })
    });
    let slider = {
        // Made once here, not on every frame.
        let label = AttrValue::from(ui.timeline.clone());
        let live = AttrValue::from(live.clone());
        let seek = seek.clone();
        Callback::from(move |fr: Frame| {
            scrubber(&ScrubberProps {
                label: label.clone(),
                position: fr.position,
                total,
                valuetext: live.clone(),
                onseek: seek.clone(),
            })
        })
    };

    let show_view = |top: bool| {
        let t = top_view.clone();
        Callback::from(move |_| t.set(top))
    };
    let (read_now, read_other) = if *reading {
        (&ui.stop_reading, &ui.read_aloud)
    } else {
        (&ui.read_aloud, &ui.stop_reading)
    };
    let on = |b: bool, class: &'static str| if b { class } else { "" };
    el(
        "section|class=kx$$$|role=region|aria-roledescription=carousel|aria-label=$|lang=$",
        &[],
        &[
            on(*large_text, " is-large"),
            on(*maximised, " is-max"),
            on(consult, " is-consult"),
            &ui.heading,
            &content.lang,
        ],
    )
    .node_ref(root)
    .on(Rc::new(onkeydown::Wrapper::new(onkeydown)))
    .kids(vec![
        el("header|class=kx-head", &[], &[]).kids(vec![
            el("h2|class=kx-heading", &[], &[]).text(&ui.heading),
            el(
                "button|type=button|class=kx-link|aria-expanded=$",
                &[],
                &[yes(*about_open)],
            )
            .node_ref(about_button)
            .click(toggle_about)
            .text(&ui.about),
        ]),
        if *about_open {
            disclaimer(&DisclaimerProps {
                title: ui.disclaimer_title.clone(),
                close: ui.close.clone(),
                paragraphs: content.disclaimer.clone(),
                onclose: close_about,
            })
        } else {
            Html::default()
        },
        el("div|class=kx-main", &[], &[]).kids(vec![
            el(
                "div|class=kx-stage-group|role=group|tabindex=0|aria-label=$: $",
                &[],
                &[&ui.heading, title],
            )
            .kids(vec![
                el("div|class=kx-viewtabs|role=group|aria-label=$", &[], &[&ui.views]).kids(vec![
                    el(VIEW_TAB, &[], &[yes(!*top_view)])
                        .click(show_view(false))
                        .text(&ui.side_view),
                    el(VIEW_TAB, &[], &[yes(*top_view)])
                        .click(show_view(true))
                        .text(&ui.top_view),
                ]),
                html! {
                    if consult {
                        <InkToolbar content={SharedContent(content.clone())} ink={(*ink).clone()} step={step_index} ondraw={draw.clone()} />
                    }
                },
                html! {
                    if consult && *xray {
                        <Projection name={ui.projection.clone()} lateral={ui.lateral.clone()} ap={ui.ap.clone()}
                                    is_ap={*ap} onchoose={{ let ap = ap.clone(); Callback::from(move |v| ap.set(v)) }} />
                    }
                },
                html! { <Animated clock={clock.clone()} render={views} /> },
            ]),
            // Named as the count reads ("Step 1 of 10"), not "1 / 10" (read "1 slash 10").
            el(
                "div|class=kx-text|role=group|aria-roledescription=slide|aria-label=$",
                &[],
                &[&count],
            )
            .kids(vec![
                el("div|class=kx-now", &[], &[]).kids(vec![
                    el("p|class=kx-count", &[], &[]).text(&count),
                    el("h3|class=kx-title", &[], &[]).text(title),
                    el("div|class=kx-tools", &[], &[]).kids(vec![
                        el(TOOL, &[], &[yes(*reading)])
                            .click(toggle_reading)
                            .kids(vec![
                                el(
                                    "svg|class=kx-svg-icon|viewBox=0 0 24 24|aria-hidden=true|focusable=false",
                                    &[],
                                    &[],
                                )
                                .kids(vec![
                                    leaf("path|d=M3 9h4l5-4v14l-5-4H3z|fill=currentColor", &[], &[]),
                                    leaf(
                                        "path|d=M15.5 8.5a5 5 0 0 1 0 7M18 6a8.5 8.5 0 0 1 0 12|fill=none|stroke=currentColor|stroke-width=2|stroke-linecap=round",
                                        &[],
                                        &[],
                                    ),
                                ]),
                                swap(read_now, read_other),
                            ]),
                        el(TOOL, &[], &[yes(*large_text)])
                            .click(toggle_large)
                            .kids(vec![
                                el("span|class=kx-icon|aria-hidden=true", &[], &[]).text("A+"),
                                text(&ui.larger_text),
                            ]),
                    ]),
                    el("p|class=kx-voice-note|role=status", &[], &[]).kids(vec![if *voice_note {
                        text(&txt::replace(&ui.no_voice, "{language}", &content.language_name))
                    } else {
                        Html::default()
                    }]),
                    // Keyed by step: a new step's paragraphs are new nodes, not old ones moved
                    // (which the browser would count as layout shift).
                    el("div|class=kx-words", &[], &[]).keyed(
                        step_index,
                        vec![narration_view(&NarrationProps {
                            content: SharedContent(content.clone()),
                            step: step_index,
                            consult,
                            lead: beside.then(|| AttrValue::from(ui.extrapedicular_access.clone())),
                            reading: *sentence,
                            open: *open_term,
                            ontoggle: toggle_term.clone(),
                        })],
                    ),
                    match &*cta {
                        Some(cta) if moment.is_last => call_to_action(cta),
                        _ => Html::default(),
                    },
                ]),
                sizer(&SizerProps {
                    content: SharedContent(content.clone()),
                    consult,
                    cta: cta.clone(),
                }),
            ]),
            // Consult mode: this patient's settings beside the words on wide screens.
            match side {
                Some(side) => html! { <Animated clock={clock.clone()} render={side} /> },
                None => Html::default(),
            },
        ]),
        html! {
            if consult {
                // Take-home: a share link and a printed handout for this patient.
                <div class="kx-takehome">
                    <ShareLink content={SharedContent(content.clone())} fragment={Share {
                        step: step_index,
                        grade: *grade,
                        level: (*level).clone(),
                        two_balloons: *two_balloons,
                        xray: *xray,
                        speed_percent: Share::percent_of(*speed),
                        levels: *level_count,
                        route: route_now,
                        ap: *ap,
                    }.to_fragment()} />
                    <Handout content={SharedContent(content.clone())}
                             share={Share { grade: *grade, level: (*level).clone(), two_balloons: *two_balloons, levels: *level_count, route: route_now, ..Share::default() }}
                             clinic_name={props.config.clinic_name.clone()} clinic_phone={props.config.clinic_phone.clone()}
                             ink={(*ink).clone()} />
                </div>
            }
        },
        html! { <Animated clock={clock.clone()} render={slider} /> },
        controls(&ControlsProps {
            content: SharedContent(content.clone()),
            playing: moment.playing,
            is_first: step_index == 0,
            is_last: moment.is_last,
            count: count.clone().into(),
            labels_on: *show_labels,
            onaction: onaction.clone(),
            ontogglelabels: toggle_labels,
        }),
        step_list(&StepListProps {
            heading: ui.all_steps.clone().into(),
            titles,
            current: step_index,
            onselect: onaction.reform(Action::GoTo),
        }),
        el("p|class=kx-note", &[], &[]).text(content.disclaimer.first().map_or("", |s| s.as_str())),
        el(
            "p|class=kx-live|aria-live=$|aria-atomic=true",
            &[],
            &[if moment.playing { "off" } else { "polite" }],
        )
        .text(&live),
    ])
}

/// A view tab (side or from above), pressed when shown.
const VIEW_TAB: &str = "button|type=button|class=kx-viewtab|aria-pressed=$";
/// A reading tool's toggle (read aloud, larger text).
const TOOL: &str = "button|type=button|class=kx-tool|aria-pressed=$";
