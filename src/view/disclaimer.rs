//! The disclaimer panel, always reachable from the widget's header.

use yew::prelude::*;

/// Props of [`Disclaimer`].
#[derive(Properties, PartialEq, Clone)]
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
#[function_component(Disclaimer)]
pub fn disclaimer(p: &DisclaimerProps) -> Html {
    html! {
        <div class="kx-about" role="note" aria-label={p.title.clone()}>
            <h3 class="kx-about-title">{ &p.title }</h3>
            { for p.paragraphs.iter().map(|t| html! { <p>{ t }</p> }) }
            <button type="button" class="kx-btn" onclick={p.onclose.clone()}>{ &p.close }</button>
        </div>
    }
}
