//! Play/Pause, Previous, Next and the labels toggle.

use super::app::{swap, SharedContent};
use super::svg::{el, leaf, yes};
use crate::model::player::Action;
use yew::prelude::*;

/// What [`controls`] draws (a plain function, not a component: a component type costs more code
/// than this part's render).
pub struct ControlsProps {
    /// The words (the buttons use `ui`); shared, so comparing props each frame costs nothing.
    pub content: SharedContent,
    /// Auto-advance is on.
    pub playing: bool,
    /// On the first step (Previous is disabled).
    pub is_first: bool,
    /// On the last step (Next is disabled).
    pub is_last: bool,
    /// "Step 3 of 10".
    pub count: AttrValue,
    /// Labels are shown.
    pub labels_on: bool,
    /// A player action was asked for.
    pub onaction: Callback<Action>,
    /// The labels toggle was pressed.
    pub ontogglelabels: Callback<MouseEvent>,
}

/// The control bar. Play/Pause comes first (APG carousel pattern); its name says what it will do.
pub fn controls(p: &ControlsProps) -> Html {
    let ui = &p.content.0.ui;
    // Each label keeps the width of the wider of its two words, so nothing moves when Play turns
    // into Pause at the end of a step.
    let (play_label, other_label, play_action, play_icon) = if p.playing {
        (&ui.pause, &ui.play, Action::Pause, "\u{23F8}\u{FE0E}")
    } else {
        (&ui.play, &ui.pause, Action::Play, "\u{25B6}\u{FE0E}")
    };
    let widest = p
        .content
        .0
        .step_of(p.content.0.steps.len().saturating_sub(1));
    let act = |a: Action| p.onaction.reform(move |_: MouseEvent| a);
    let icon = |i: &str| el("span|class=kx-icon|aria-hidden=true", &[], &[]).text(i);
    let words = |w: &str| el("span", &[], &[]).text(w);
    el("div|class=kx-controls", &[], &[]).kids(vec![
        el("button|type=button|class=kx-btn kx-play", &[], &[])
            .click(act(play_action))
            .kids(vec![icon(play_icon), swap(play_label, other_label)]),
        // aria-disabled, not disabled: a disabled button would drop keyboard focus to the page.
        el(STEP_BUTTON, &[], &["", yes(p.is_first)])
            .click(act(Action::Previous))
            .kids(vec![icon("\u{2190}"), words(&ui.previous)]),
        // As wide as the widest count ("Step 10 of 10"), so the buttons after it never move.
        el(
            "span|class=kx-count-pill kx-swap|aria-hidden=true",
            &[],
            &[],
        )
        .kids(vec![
            words(&p.count),
            leaf("span|class=kx-ghost|data-t=$", &[], &[&widest]),
        ]),
        el(STEP_BUTTON, &[], &[" kx-primary", yes(p.is_last)])
            .click(act(Action::Next))
            .kids(vec![words(&ui.next), icon("\u{2192}")]),
        el(
            "button|type=button|class=kx-btn kx-toggle|aria-pressed=$",
            &[],
            &[yes(p.labels_on)],
        )
        .click(p.ontogglelabels.clone())
        .text(&ui.labels),
    ])
}

/// Previous and Next: a button, disabled (for assistive technology) at either end.
const STEP_BUTTON: &str = "button|type=button|class=kx-btn$|aria-disabled=$";
