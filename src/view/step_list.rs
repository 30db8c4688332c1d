//! The list of all steps, to jump to any of them.

use super::svg::el;
use yew::prelude::*;

/// What [`step_list`] draws (a plain function, not a component: a component type costs more code
/// than this part's render).
pub struct StepListProps {
    /// Heading of the list.
    pub heading: AttrValue,
    /// Step titles, in order.
    pub titles: Vec<AttrValue>,
    /// The current step's index.
    pub current: usize,
    /// A step was chosen.
    pub onselect: Callback<usize>,
}

/// An ordered list of buttons, the current step marked with `aria-current="step"`.
pub fn step_list(p: &StepListProps) -> Html {
    let steps = p.titles.iter().enumerate().map(|(i, t)| {
        let current = i == p.current;
        el("li", &[], &[]).kids(vec![el(
            "button|type=button|class=kx-step$|aria-current=$",
            &[],
            if current {
                &[" is-current", "step"]
            } else {
                &["", ""]
            },
        )
        .click(p.onselect.reform(move |_: MouseEvent| i))
        .kids(vec![
            el("span|class=kx-step-n|aria-hidden=true", &[], &[]).text(&(i + 1).to_string()),
            el("span", &[], &[]).text(t),
        ])])
    });
    el("nav|class=kx-steps|aria-label=$", &[], &[&p.heading]).kids(vec![
        el("h3|class=kx-steps-heading", &[], &[]).text(&p.heading),
        el("ol", &[], &[]).kids(steps.collect()),
    ])
}
