//! Play/Pause, Previous, Next and the labels toggle.

use super::app::SharedContent;
use crate::model::player::Action;
use yew::prelude::*;

/// Props of [`Controls`].
#[derive(Properties, PartialEq, Clone)]
pub struct ControlsProps {
    /// The words (the buttons use `ui`); shared, so comparing props each frame costs nothing.
    pub content: SharedContent,
    /// Auto-advance is on.
    pub playing: bool,
    /// Auto-advance can be turned on (not with reduced motion).
    pub can_play: bool,
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
#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let ui = &p.content.0.ui;
    let (play_label, play_action, play_icon) = if p.playing {
        (ui.pause.clone(), Action::Pause, "\u{23F8}\u{FE0E}")
    } else {
        (ui.play.clone(), Action::Play, "\u{25B6}\u{FE0E}")
    };
    // Each label keeps the width of the wider of its two words, so nothing moves when Play turns
    // into Pause at the end of a step.
    let other_label = if p.playing {
        ui.play.clone()
    } else {
        ui.pause.clone()
    };
    let widest = p
        .content
        .0
        .step_of(p.content.0.steps.len().saturating_sub(1));
    let act = |a: Action| p.onaction.reform(move |_: MouseEvent| a);
    html! {
        <div class="kx-controls">
            if p.can_play {
                <button type="button" class="kx-btn kx-play" onclick={act(play_action)}>
                    <span class="kx-icon" aria-hidden="true">{ play_icon }</span>
                    <span class="kx-swap"><span>{ play_label }</span><span class="kx-ghost" aria-hidden="true" data-t={other_label}></span></span>
                </button>
            }
            // aria-disabled, not disabled: a disabled button would drop keyboard focus to the page.
            <button type="button" class="kx-btn" aria-disabled={p.is_first.to_string()} onclick={act(Action::Previous)}>
                <span class="kx-icon" aria-hidden="true">{ "\u{2190}" }</span>
                <span>{ &ui.previous }</span>
            </button>
            // As wide as the widest count ("Step 10 of 10"), so the buttons after it never move.
            <span class="kx-count-pill kx-swap" aria-hidden="true"><span>{ p.count.clone() }</span><span class="kx-ghost" data-t={widest}></span></span>
            <button type="button" class="kx-btn kx-primary" aria-disabled={p.is_last.to_string()} onclick={act(Action::Next)}>
                <span>{ &ui.next }</span>
                <span class="kx-icon" aria-hidden="true">{ "\u{2192}" }</span>
            </button>
            <button type="button" class="kx-btn kx-toggle" aria-pressed={p.labels_on.to_string()}
                    onclick={p.ontogglelabels.clone()}>{ &ui.labels }</button>
        </div>
    }
}
