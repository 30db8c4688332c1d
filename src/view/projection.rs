//! Consult mode, X-ray style: the choice between the lateral and the AP (front-to-back) projection.

use yew::prelude::*;

/// Props of [`Projection`].
#[derive(Properties, PartialEq, Clone)]
pub struct ProjectionProps {
    /// Accessible name of the group ("X-ray projection").
    pub name: AttrValue,
    /// "Lateral" button.
    pub lateral: AttrValue,
    /// "AP" button.
    pub ap: AttrValue,
    /// The AP projection is shown.
    pub is_ap: bool,
    /// A projection was chosen: true for AP.
    pub onchoose: Callback<bool>,
}

/// Two buttons, one pressed.
#[function_component(Projection)]
pub fn projection(p: &ProjectionProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    html! {
        <div class="kx-projection" role="group" aria-label={p.name.clone()}>
            <span class="kx-projection-name" aria-hidden="true">{ p.name.clone() }</span>
            <button type="button" class="kx-viewtab" aria-pressed={(!p.is_ap).to_string()}
                    onclick={p.onchoose.reform(|_: MouseEvent| false)}>{ p.lateral.clone() }</button>
            <button type="button" class="kx-viewtab" aria-pressed={p.is_ap.to_string()}
                    onclick={p.onchoose.reform(|_: MouseEvent| true)}>{ p.ap.clone() }</button>
        </div>
    }
}
