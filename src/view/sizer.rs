//! A hidden copy of every step's title and words, laid in the same grid rows as the step shown, so
//! each row of the text column is always as tall as in its tallest step: changing steps never moves the controls below,
//! nor the clinic's page (no layout shift).
//!
//! The copy is `visibility: hidden`, `aria-hidden` and `inert`; its words are CSS generated
//! content (`data-t`), so they are not in the page's text (find in page, text queries) twice.

use super::app::{CtaText, SharedContent};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Sizer`].
#[derive(Properties, PartialEq, Clone)]
pub struct SizerProps {
    /// The words.
    pub content: SharedContent,
    /// Physician wording.
    pub consult: bool,
    /// The last step's call to action, if the clinic set one.
    pub cta: Rc<Option<CtaText>>,
}

/// One invisible block per step; see the module documentation.
#[function_component(Sizer)]
pub fn sizer(p: &SizerProps) -> Html {
    let content = &p.content.0;
    let last = content.steps.len().saturating_sub(1);
    html! {
        { for content.steps.iter().enumerate().map(|(i, step)| {
            let (title, narration) = if cfg!(feature = "consult") && p.consult {
                (&step.consult.title, &step.consult.narration)
            } else {
                (&step.title, &step.narration)
            };
            html! {
                <div class="kx-sizer" aria-hidden="true" inert=true>
                    <p class="kx-title" data-t={title.clone()}></p>
                    <div class="kx-words">
                        { for narration.iter().map(|t| html! { <p class="kx-narration" data-t={t.clone()}></p> }) }
                    </div>
                    if i == last {
                        if let Some(cta) = &*p.cta {
                            <div class="kx-cta">
                                <p class="kx-cta-title" data-t={cta.title.clone()}></p>
                                <p>
                                    <span data-t={cta.before.clone()}></span>
                                    if let Some(phone) = &cta.phone {
                                        <span class="kx-tel" data-t={phone.clone()}></span>
                                    }
                                    <span data-t={cta.after.clone()}></span>
                                </p>
                            </div>
                        }
                    }
                </div>
            }
        }) }
    }
}
