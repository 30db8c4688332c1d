//! The disclaimer panel, always reachable from the widget's header.

use super::svg::el;
use yew::prelude::*;

/// What [`disclaimer`] draws (a plain function, not a component: a component type costs more code
/// than this part's render).
pub struct DisclaimerProps {
    /// Panel title.
    pub title: String,
    /// Close button text.
    pub close: String,
    /// The disclaimer's paragraphs.
    pub paragraphs: Vec<String>,
    /// Close was pressed.
    pub onclose: Callback<MouseEvent>,
}

/// A panel with the disclaimer and a close button.
pub fn disclaimer(p: &DisclaimerProps) -> Html {
    let mut kids = vec![el("h3|class=kx-about-title", &[], &[]).text(&p.title)];
    kids.extend(p.paragraphs.iter().map(|t| el("p", &[], &[]).text(t)));
    kids.push(
        el("button|type=button|class=kx-btn", &[], &[])
            .click(p.onclose.clone())
            .text(&p.close),
    );
    el(
        "div|class=kx-about|role=note|aria-label=$",
        &[],
        &[&p.title],
    )
    .kids(kids)
}
