//! The timeline slider: move through the whole procedure continuously.

use super::svg::{el, leaf};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Slider units per step (one unit is one percent of a step).
pub const UNITS_PER_STEP: usize = 100;

/// What [`scrubber`] draws (a plain function, not a component: a component type costs more code
/// than this part's render).
pub struct ScrubberProps {
    /// Accessible name of the slider.
    pub label: AttrValue,
    /// Current position: step index plus progress through it.
    pub position: f32,
    /// Number of steps.
    pub total: usize,
    /// What the position means in words ("Step 3 of 10: title"), for `aria-valuetext`.
    pub valuetext: AttrValue,
    /// The reader moved the slider to a position.
    pub onseek: Callback<f32>,
}

/// A range input with a tick for each step. Keyboard arrows move it in small steps, so it needs no
/// dragging; the Previous and Next buttons move by whole steps.
pub fn scrubber(p: &ScrubberProps) -> Html {
    let max = p.total * UNITS_PER_STEP;
    let value = ((p.position * UNITS_PER_STEP as f32).round() as usize).min(max);
    let oninput = p.onseek.reform(|e: InputEvent| {
        e.target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            // The browser's number (no float parsing in the WebAssembly).
            .map(|i| i.value_as_number())
            .filter(|v| v.is_finite())
            .map_or(0.0, |v| v as f32 / UNITS_PER_STEP as f32)
    });
    let ticks = (0..=p.total).map(|i| {
        let past = i * UNITS_PER_STEP <= value;
        leaf(
            "span|class=kx-tick$",
            &[],
            &[if past { " is-past" } else { "" }],
        )
    });
    el("div|class=kx-scrub", &[], &[]).kids(vec![
        html! {
            <input type="range" class="kx-range" min="0" max={max.to_string()} step="1"
                   value={value.to_string()} aria-label={p.label.clone()}
                   aria-valuetext={p.valuetext.clone()} {oninput} />
        },
        el("div|class=kx-ticks|aria-hidden=true", &[], &[]).kids(ticks.collect()),
    ])
}
