//! A hidden copy of every step's title and words, laid in the same grid rows as the step shown, so
//! each row of the text column is always as tall as in its tallest step: changing steps never moves the controls below,
//! nor the clinic's page (no layout shift).
//!
//! The copy is `visibility: hidden`, `aria-hidden` and `inert`; its words are CSS generated
//! content (`data-t`), so they are not in the page's text (find in page, text queries) twice.

use super::app::{CtaText, SharedContent};
use super::svg::{el, leaf};
use std::rc::Rc;
use yew::prelude::*;

/// What [`sizer`] draws.
pub struct SizerProps {
    /// The words.
    pub content: SharedContent,
    /// Physician wording.
    pub consult: bool,
    /// The last step's call to action, if the clinic set one.
    pub cta: Rc<Option<CtaText>>,
}

/// One invisible block per step; see the module documentation.
pub fn sizer(p: &SizerProps) -> Html {
    let content = &p.content.0;
    let last = content.steps.len().saturating_sub(1);
    let hidden = |spec: &'static str, words: &str| leaf(spec, &[], &[words]);
    let steps = content.steps.iter().enumerate().map(|(i, step)| {
        let (title, narration) = if cfg!(feature = "consult") && p.consult {
            (&step.consult.title, &step.consult.narration)
        } else {
            (&step.title, &step.narration)
        };
        let cta = match &*p.cta {
            Some(cta) if i == last => el("div|class=kx-cta", &[], &[]).kids(vec![
                hidden("p|class=kx-cta-title|data-t=$", &cta.title),
                // The words around the phone number may be empty: `data-t=""` all the same.
                el("p", &[], &[]).kids(vec![
                    html! { <span data-t={cta.before.clone()}></span> },
                    match &cta.phone {
                        Some(phone) => hidden("span|class=kx-tel|data-t=$", phone),
                        None => Html::default(),
                    },
                    html! { <span data-t={cta.after.clone()}></span> },
                ]),
            ]),
            _ => Html::default(),
        };
        el("div|class=kx-sizer|aria-hidden=true|inert=inert", &[], &[]).kids(vec![
            hidden("p|class=kx-title|data-t=$", title),
            el("div|class=kx-words", &[], &[]).kids(
                narration
                    .iter()
                    .map(|t| hidden("p|class=kx-narration|data-t=$", t))
                    .collect(),
            ),
            cta,
        ])
    });
    steps.collect()
}
