//! The list of all steps, to jump to any of them.

use yew::prelude::*;

/// Props of [`StepList`].
#[derive(Properties, PartialEq, Clone)]
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
#[function_component(StepList)]
pub fn step_list(p: &StepListProps) -> Html {
    html! {
        <nav class="kx-steps" aria-label={p.heading.clone()}>
            <h3 class="kx-steps-heading">{ p.heading.clone() }</h3>
            <ol>
                { for p.titles.iter().enumerate().map(|(i, t)| {
                    let current = i == p.current;
                    html! {
                        <li>
                            <button type="button" class={classes!("kx-step", current.then_some("is-current"))}
                                    aria-current={current.then_some("step")}
                                    onclick={p.onselect.reform(move |_: MouseEvent| i)}>
                                <span class="kx-step-n" aria-hidden="true">{ i + 1 }</span>
                                <span>{ t.clone() }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}
