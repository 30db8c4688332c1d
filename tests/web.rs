//! Browser component tests: the Yew app and the custom element's Rust side, in headless Chromium.
//!
//! Run with
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use kyphoplasty_explainer::config::Config;
use kyphoplasty_explainer::content::{encode, Content, EN_JSON};
use kyphoplasty_explainer::embed;
use kyphoplasty_explainer::view::app::{App, AppProps, SharedContent};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRootMode};

wasm_bindgen_test_configure!(run_in_browser);

fn content() -> Rc<Content> {
    match Content::load(EN_JSON) {
        Ok(c) => Rc::new(c),
        Err(e) => panic!("the built-in content does not load: {e}"),
    }
}

/// The English content file, as the build ships it next to the widget.
fn english_words() -> String {
    encode(EN_JSON).unwrap_or_else(|e| panic!("content/en.json: {e}"))
}

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .unwrap_or_else(|| panic!("no document"))
}

/// A fresh `<div>` attached to the body (so layout and IntersectionObserver behave as on a page).
fn fresh_div() -> Element {
    let doc = document();
    let div = doc
        .create_element("div")
        .unwrap_or_else(|e| panic!("create_element: {e:?}"));
    // First in the body, so it is on screen: the widget (rightly) stops animating off screen, and
    // the test runner's own output below can grow past the viewport.
    let body = doc.body().unwrap_or_else(|| panic!("no body"));
    body.insert_before(&div, body.first_child().as_ref())
        .unwrap_or_else(|e| panic!("insert_before: {e:?}"));
    div
}

fn mount(div: &Element, config: Config, reduced_motion: bool) -> yew::AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(
        div.clone(),
        AppProps {
            content: SharedContent(content()),
            config,
            reduced_motion,
            bridge: None,
        },
    )
    .render()
}

async fn sleep(ms: u64) {
    yew::platform::time::sleep(Duration::from_millis(ms)).await;
}

fn query(root: &Element, selector: &str) -> Option<Element> {
    root.query_selector(selector)
        .unwrap_or_else(|e| panic!("bad selector {selector}: {e:?}"))
}

fn buttons(root: &Element) -> Vec<HtmlElement> {
    let list = root
        .query_selector_all("button")
        .unwrap_or_else(|e| panic!("query_selector_all: {e:?}"));
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .collect()
}

/// The button whose visible text (icons aside) is exactly `text`.
fn button(root: &Element, text: &str) -> Option<HtmlElement> {
    buttons(root).into_iter().find(|b| {
        let t = b.text_content().unwrap_or_default();
        t.trim_matches(|c: char| !c.is_alphanumeric()) == text
    })
}

fn svg_markup(root: &Element) -> String {
    query(root, "svg.diagram")
        .unwrap_or_else(|| panic!("no svg.diagram in {}", root.inner_html()))
        .outer_html()
}

fn text_of(root: &Element, selector: &str) -> String {
    query(root, selector)
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Waits until the diagram's markup is the same twice, `every` ms apart (at most `max_ms`).
async fn until_still(root: &Element, every: u64, max_ms: u64) -> String {
    let mut last = svg_markup(root);
    let mut waited = 0;
    while waited < max_ms {
        sleep(every).await;
        waited += every;
        let now = svg_markup(root);
        if now == last {
            return now;
        }
        last = now;
    }
    panic!("the diagram was still changing after {max_ms} ms");
}

#[wasm_bindgen_test]
async fn next_step_changes_the_narration_and_the_picture() {
    let c = content();
    let div = fresh_div();
    let app = mount(&div, Config::default(), false);
    sleep(300).await;

    assert_eq!(text_of(&div, ".kx-title"), c.steps[0].title);
    assert_eq!(
        text_of(&div, "[aria-live]"),
        format!("Step 1 of {}: {}", c.steps.len(), c.steps[0].title)
    );
    let before = svg_markup(&div);

    let next = button(&div, &c.ui.next).unwrap_or_else(|| panic!("no \"Next step\" button"));
    next.click();
    sleep(300).await;

    assert_eq!(text_of(&div, ".kx-title"), c.steps[1].title);
    assert_eq!(
        text_of(&div, "[aria-live]"),
        format!("Step 2 of {}: {}", c.steps.len(), c.steps[1].title)
    );
    let after = svg_markup(&div);
    assert_ne!(before, after, "the diagram did not change after Next");
    assert!(
        after.contains(&c.steps[1].title),
        "the SVG's <title> should name the new step"
    );
    // Previous is enabled now, and takes us back.
    let previous =
        button(&div, &c.ui.previous).unwrap_or_else(|| panic!("no \"Previous step\" button"));
    assert!(!previous.has_attribute("disabled"));
    previous.click();
    sleep(100).await;
    assert_eq!(text_of(&div, ".kx-title"), c.steps[0].title);

    app.destroy();
    div.remove();
}

#[wasm_bindgen_test]
async fn reduced_motion_does_not_play_by_itself_and_shows_end_states_at_once() {
    let c = content();
    let start = c
        .step_index("hollow-needle")
        .unwrap_or_else(|| panic!("no step hollow-needle"));
    let config = Config {
        start,
        ..Config::default()
    };

    // The same step with motion, animated to its end, is the reference picture.
    let moving = fresh_div();
    let moving_app = mount(&moving, config.clone(), false);
    sleep(50).await;
    assert!(
        button(&moving, &c.ui.play).is_some(),
        "with motion there should be a Play button"
    );
    let moving_start = svg_markup(&moving);
    // The needle's step holds still for its first moment (about 0.4 s here) before the needle
    // moves, so wait for the first change (up to 3 s) before waiting for the end: sampling for
    // stillness straight away could take that pause for the end.
    let mut waited = 0;
    while svg_markup(&moving) == moving_start && waited < 3000 {
        sleep(20).await;
        waited += 20;
    }
    let moving_end = until_still(&moving, 400, 10_000).await;
    assert_ne!(
        moving_start, moving_end,
        "the step should animate with motion"
    );

    let still = fresh_div();
    let still_app = mount(&still, config, true);
    sleep(50).await;
    assert!(
        button(&still, &c.ui.play).is_some() && button(&still, &c.ui.pause).is_none(),
        "reduced motion: Play offered but not playing by itself, found {:?}",
        buttons(&still)
            .iter()
            .map(|b| b.text_content())
            .collect::<Vec<_>>()
    );
    let first = svg_markup(&still);
    assert_eq!(
        first, moving_end,
        "reduced motion must show the step's end state at once"
    );
    sleep(500).await;
    assert_eq!(svg_markup(&still), first, "reduced motion: nothing moves");

    // Next shows the next step's end state at once too.
    button(&still, &c.ui.next)
        .unwrap_or_else(|| panic!("no Next button"))
        .click();
    sleep(50).await;
    let next_first = svg_markup(&still);
    assert_ne!(next_first, first);
    sleep(400).await;
    assert_eq!(
        svg_markup(&still),
        next_first,
        "reduced motion: nothing moves"
    );

    moving_app.destroy();
    still_app.destroy();
    moving.remove();
    still.remove();
}

#[wasm_bindgen_test]
async fn embed_mounts_into_an_open_shadow_root_and_destroy_empties_it() {
    let doc = document();
    let host: HtmlElement = doc
        .create_element("kx-test-host")
        .unwrap_or_else(|e| panic!("create_element: {e:?}"))
        .unchecked_into();
    let fallback = doc
        .create_element("p")
        .unwrap_or_else(|e| panic!("create_element: {e:?}"));
    fallback.set_text_content(Some("Fallback text"));
    host.append_child(&fallback)
        .unwrap_or_else(|e| panic!("append_child: {e:?}"));
    host.set_attribute("start", "balloon-inflated")
        .unwrap_or_else(|e| panic!("set_attribute: {e:?}"));
    doc.body()
        .unwrap_or_else(|| panic!("no body"))
        .append_child(&host)
        .unwrap_or_else(|e| panic!("append_child: {e:?}"));

    let mut widget =
        embed::mount(host.clone(), &english_words()).unwrap_or_else(|e| panic!("mount: {e:?}"));
    sleep(300).await;

    let root = host
        .shadow_root()
        .unwrap_or_else(|| panic!("no open shadow root after mount"));
    assert_eq!(root.mode(), ShadowRootMode::Open);
    let mount_point: Element = root
        .first_child()
        .and_then(|n| n.dyn_into::<Element>().ok())
        .unwrap_or_else(|| panic!("the shadow root is empty"));
    let region = query(&mount_point, "[role=region]")
        .unwrap_or_else(|| panic!("no region in {}", mount_point.inner_html()));
    assert_eq!(
        region.get_attribute("aria-label").as_deref(),
        Some("How balloon kyphoplasty works")
    );
    assert_eq!(
        region.get_attribute("aria-roledescription").as_deref(),
        Some("carousel")
    );
    assert_eq!(
        text_of(&mount_point, "[aria-live]"),
        "Step 5 of 10: The balloon fills up",
        "the start attribute should be honoured"
    );
    assert!(
        fallback.is_connected() && fallback.parent_node().is_some(),
        "the light-DOM fallback stays in place"
    );

    widget.destroy();
    sleep(50).await;
    assert_eq!(
        root.child_nodes().length(),
        0,
        "destroy() should empty the shadow root"
    );
    // Mounting again reuses the shadow root.
    let mut again = embed::mount(host.clone(), &english_words())
        .unwrap_or_else(|e| panic!("mount again: {e:?}"));
    sleep(100).await;
    assert_eq!(root.child_nodes().length(), 1);
    assert!(
        root.query_selector("section").ok().flatten().is_some(),
        "the widget is back"
    );
    again.destroy();
    host.remove();
}

/// The clock applies actions to the player (frames move the animation on) and tells the root of
/// each moment: the same one for frames within a step, a new one for a new step and for the end.
#[wasm_bindgen_test]
fn the_clock_moves_the_animation_and_tells_the_root_of_each_moment() {
    use kyphoplasty_explainer::model::player::{Action, Player};
    use kyphoplasty_explainer::view::app::timings;
    use kyphoplasty_explainer::view::clock::{Clock, Moment};
    use std::cell::RefCell;
    use yew::Callback;

    let clock = Clock::new(Player::new(timings(&content()), 0, false, false));
    let moments = Rc::new(RefCell::new(Vec::<Moment>::new()));
    let m = moments.clone();
    clock.on_moment(Callback::from(move |x| m.borrow_mut().push(x)));
    let first = Moment::of(&clock.player());
    assert_eq!((first.step, first.playing, first.done), (0, false, false));

    clock.apply(Action::Next);
    let at_next = clock.frame();
    clock.apply(Action::Tick(100.0));
    let later = clock.frame();
    assert!(
        later != at_next,
        "a frame moves the animation on: {at_next:?} then {later:?}"
    );
    let seen = moments.borrow().clone();
    assert_eq!(seen.len(), 2, "one moment per action");
    assert_eq!(seen[0].step, 1);
    assert_eq!(seen[0], seen[1], "a frame within a step is the same moment");

    clock.apply(Action::GoTo(usize::MAX));
    for _ in 0..400 {
        clock.apply(Action::Tick(100.0));
    }
    let last = *moments.borrow().last().unwrap_or(&first);
    assert!(
        last.is_last && last.done,
        "the end is a moment of its own: {last:?}"
    );
    clock.stop();
}

/// Draws one template element (see `view::svg::el`) in an `<svg>`.
#[derive(yew::Properties, PartialEq)]
struct TemplateProps {
    x: f32,
    class: String,
}

#[yew::function_component(Template)]
fn template(p: &TemplateProps) -> yew::Html {
    use kyphoplasty_explainer::model::geometry::Pt;
    use kyphoplasty_explainer::view::svg::{el, leaf, wrapped_label};
    el("svg|class=t", &[], &[]).kids(vec![
        wrapped_label(
            4.0,
            80.0,
            Pt::new(70.0, 88.0),
            "Intervertebral disc",
            "start",
            12,
        ),
        wrapped_label(4.0, 40.0, Pt::new(70.0, 48.0), "Disc", "start", 12),
        el(
            "text|class=$|x=@|y=7|data-empty=$|d=M@ 0 L1 2",
            &[p.x, -p.x],
            &[&p.class, ""],
        )
        .text("A < B"),
        leaf("circle|r=1.3|fill=url(#k-a)", &[], &[]),
    ])
}

#[wasm_bindgen_test]
async fn drawing_templates_make_svg_elements_with_their_numbers_and_texts() {
    let div = fresh_div();
    let mut handle = yew::Renderer::<Template>::with_root_and_props(
        div.clone(),
        TemplateProps {
            x: 12.34,
            class: "label big".into(),
        },
    )
    .render();
    sleep(50).await;
    // A long label on two lines, broken at a space; a short one on one line.
    let labels: Vec<String> = (1..=2)
        .filter_map(|i| {
            query(&div, &format!("svg.t g.label:nth-of-type({i}) text")).map(|t| t.inner_html())
        })
        .collect();
    assert_eq!(
        labels,
        [
            r#"<tspan x="4" dy="-1.1em">Intervertebral </tspan><tspan x="4" dy="1.1em">disc</tspan>"#,
            "Disc"
        ],
        "labels as drawn"
    );
    let text =
        query(&div, "svg.t > text").unwrap_or_else(|| panic!("no text in {}", div.inner_html()));
    assert_eq!(
        text.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(text.get_attribute("class").as_deref(), Some("label big"));
    assert_eq!(text.get_attribute("x").as_deref(), Some("12.3"));
    assert_eq!(text.get_attribute("y").as_deref(), Some("7"));
    assert_eq!(text.get_attribute("d").as_deref(), Some("M-12.3 0 L1 2"));
    assert!(
        !text.has_attribute("data-empty"),
        "an empty value is left out"
    );
    assert_eq!(text.text_content().as_deref(), Some("A < B"));
    let circle = query(&div, "svg.t > circle").unwrap_or_else(|| panic!("no circle"));
    assert_eq!(circle.get_attribute("fill").as_deref(), Some("url(#k-a)"));
    assert_eq!(circle.get_attribute("r").as_deref(), Some("1.3"));

    // New numbers and texts update the same elements.
    handle.update(TemplateProps {
        x: 5.0,
        class: "label".into(),
    });
    sleep(50).await;
    assert_eq!(text.get_attribute("x").as_deref(), Some("5"));
    assert_eq!(text.get_attribute("class").as_deref(), Some("label"));
    assert!(text.is_connected(), "the element was updated in place");
    handle.destroy();
    div.remove();
}
