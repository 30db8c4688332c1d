//! Consult mode's printed handout: the physician picks the steps, and the patient takes home the
//! clinic's name and phone, this patient's settings in plain words, a still of the side view at
//! the end of each chosen step next to its plain-language text, recovery and when to call, the
//! disclaimer and the date.
//!
//! Printing from a shadow root on any clinic's page: while the handout is open, the host element
//! carries `data-kx-handout` and the document gets a temporary constructable stylesheet
//! ([`PAGE_PRINT`]) that, in print only, hides the rest of the page and puts the widget at the
//! top; the widget's own stylesheet then shows only the handout. Both go away when the handout is
//! closed, so printing the page otherwise prints the page. On screen the handout is a preview.

use super::app::SharedContent;
use super::axial::{axial, top_view_title, AxialProps};
use super::coronal::Coronal;
use super::diagram::{diagram, DiagramProps};
use super::drawing::{stroke_views, InkState};
use crate::model::drawing::View;
use crate::model::levels::{segment, treated_list};
use crate::model::patient::{is_thoracic, Grade};
use crate::model::route::Route;
use crate::model::share::Share;
use crate::model::text as txt;
use crate::model::timeline::{scene_at, DiagramState};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The document's temporary print rules while a handout is open: only the widget that carries
/// `data-kx-handout` prints, at the top of the first page. Where `:has()` is supported the rest of
/// the page is taken out of the layout (no blank pages after the handout); elsewhere it is hidden
/// and the widget is placed over it.
pub const PAGE_PRINT: &str = "@media print { @page { margin: 14mm 13mm; } }
@supports selector(:has(*)) { @media print {
  html, body { margin: 0 !important; padding: 0 !important; height: auto !important; min-height: 0 !important; overflow: visible !important; display: block !important; }
  body *:not(:has([data-kx-handout])):not([data-kx-handout]) { display: none !important; }
  body *:has([data-kx-handout]) { display: block !important; position: static !important; visibility: hidden !important; margin: 0 !important; padding: 0 !important; border: 0 !important; width: auto !important; max-width: none !important; min-width: 0 !important; height: auto !important; min-height: 0 !important; float: none !important; transform: none !important; overflow: visible !important; columns: auto !important; box-shadow: none !important; }
  [data-kx-handout] { display: block !important; position: static !important; visibility: visible !important; margin: 0 !important; width: auto !important; max-width: none !important; }
} }
@supports not selector(:has(*)) { @media print {
  body * { visibility: hidden !important; }
  [data-kx-handout] { visibility: visible !important; position: absolute !important; left: 0 !important; top: 0 !important; width: 100% !important; margin: 0 !important; }
} }";

/// Props of [`Handout`].
#[derive(Properties, PartialEq, Clone)]
pub struct HandoutProps {
    /// The words.
    pub content: SharedContent,
    /// This patient's settings (the step shown is not used).
    pub share: Share,
    /// The clinic's name (attribute `clinic-name`).
    #[prop_or_default]
    pub clinic_name: Option<String>,
    /// The clinic's phone number (attribute `clinic-phone`).
    #[prop_or_default]
    pub clinic_phone: Option<String>,
    /// What the physician drew on the pictures: each still gets its step's side-view strokes, and
    /// a step drawn on in the view from above or the AP projection gets a still of that view too.
    #[prop_or_default]
    pub ink: InkState,
}

/// Today's date, written the way the language writes it (e.g. "November 21, 2026").
fn today(lang: &str) -> String {
    let options = js_sys::Object::new();
    for (k, v) in [("year", "numeric"), ("month", "long"), ("day", "numeric")] {
        let _ = js_sys::Reflect::set(&options, &k.into(), &v.into());
    }
    js_sys::Date::new_0()
        .to_locale_date_string(lang, &options)
        .into()
}

/// Steps printed after the chosen ones, always: recovery and when to call.
fn is_after(state: DiagramState) -> bool {
    matches!(state, DiagramState::Recovery | DiagramState::Risks)
}

/// Adds the print rules to the document and marks the host; returns the sheet to remove later.
fn arm(host: &web_sys::Element) -> Option<web_sys::CssStyleSheet> {
    let doc = host.owner_document()?;
    let sheet = web_sys::CssStyleSheet::new().ok()?;
    sheet.replace_sync(PAGE_PRINT).ok()?;
    let sheets = doc.adopted_style_sheets();
    sheets.push(&sheet);
    doc.set_adopted_style_sheets(&sheets);
    let _ = host.set_attribute("data-kx-handout", "");
    Some(sheet)
}

/// Takes the print rules off the document and the mark off the host.
fn disarm(host: &web_sys::Element, sheet: &web_sys::CssStyleSheet) {
    let _ = host.remove_attribute("data-kx-handout");
    if let Some(doc) = host.owner_document() {
        let mine: &wasm_bindgen::JsValue = sheet.as_ref();
        let kept = doc.adopted_style_sheets().filter(&mut |s, _, _| s != *mine);
        doc.set_adopted_style_sheets(&kept);
    }
}

/// The "Print handout" button, the choice of steps and the handout itself (a preview on screen).
#[function_component(Handout)]
pub fn handout(p: &HandoutProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let content = &p.content.0;
    let words = &content.takehome;
    let open = use_state(|| false);
    let chosen = {
        let n = content.steps.len();
        use_state(move || vec![true; n])
    };
    let panel = use_node_ref();
    let toggle = use_node_ref();
    {
        // While open: the page prints only this handout.
        let panel = panel.clone();
        use_effect_with(*open, move |&open| {
            let host = panel
                .cast::<web_sys::Element>()
                .and_then(|el| el.get_root_node().dyn_into::<web_sys::ShadowRoot>().ok())
                .map(|root| root.host());
            let armed = match (open, &host) {
                (true, Some(h)) => arm(h).map(|s| (h.clone(), s)),
                _ => None,
            };
            move || {
                if let Some((h, s)) = armed {
                    disarm(&h, &s);
                }
            }
        });
    }
    let date = {
        let lang = content.lang.clone();
        use_memo(*open, move |_| today(&lang))
    };
    let on_toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let on_close = {
        let open = open.clone();
        let toggle = toggle.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(false);
            if let Some(b) = toggle.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        })
    };
    let on_print = Callback::from(|_: MouseEvent| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });

    let panel_html = if *open {
        let choices: Html = content
            .steps
            .iter()
            .enumerate()
            .filter(|(_, s)| !is_after(s.diagram))
            .map(|(i, s)| {
                let onchange = {
                    let chosen = chosen.clone();
                    Callback::from(move |e: Event| {
                        let on = e
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                            .is_some_and(|c| c.checked());
                        let mut next = (*chosen).clone();
                        if let Some(c) = next.get_mut(i) {
                            *c = on;
                        }
                        chosen.set(next);
                    })
                };
                html! {
                    <label class="kx-check">
                        <input type="checkbox" checked={chosen.get(i).copied().unwrap_or(true)} {onchange} />
                        { format!("{}. {}", i + 1, s.title) }
                    </label>
                }
            })
            .collect();
        html! {
            <div class="kx-handout-panel" role="group" aria-label={words.print_handout.clone()}>
                <div class="kx-handout-form">
                    <fieldset class="kx-handout-steps">
                        <legend>{ &words.choose_steps }</legend>
                        <div class="kx-checks">{ choices }</div>
                        <p class="kx-handout-note">{ &words.always_included }</p>
                    </fieldset>
                    <div class="kx-handout-actions">
                        <button type="button" class="kx-btn kx-primary" onclick={on_print}>{ &words.print }</button>
                        <button type="button" class="kx-btn" onclick={on_close}>{ &content.ui.close }</button>
                    </div>
                </div>
                { sheet(p, &chosen, &date) }
            </div>
        }
    } else {
        Html::default()
    };

    html! {
        <div class="kx-handout-wrap" ref={panel}>
            <button type="button" class="kx-btn" ref={toggle} aria-expanded={open.to_string()} onclick={on_toggle}>
                <svg class="kx-svg-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M7 9V3h10v6M7 17H4v-7h16v7h-3M7 14h10v7H7z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round" />
                </svg>
                { &words.print_handout }
            </button>
            { panel_html }
        </div>
    }
}

/// The handout itself.
fn sheet(p: &HandoutProps, chosen: &[bool], date: &str) -> Html {
    let content = &p.content.0;
    let words = &content.takehome;
    let ui = &content.ui;
    let share = &p.share;
    let grade = match share.grade {
        Grade::Mild => &words.grade_1,
        Grade::Moderate => &words.grade_2,
        Grade::Severe => &words.grade_3,
    };
    let bone = txt::replace(
        if is_thoracic(&share.level) {
            &words.thoracic
        } else {
            &words.lumbar
        },
        "{level}",
        &share.level,
    );
    let balloons = if share.two_balloons {
        &words.two_balloons
    } else {
        &words.one_balloon
    };
    // The treated levels (1 to 3 neighbours) and how they are drawn in the stills.
    let seg = segment(&share.level, share.levels);
    let levels = seg.names.clone().map(AttrValue::from);
    let how_many = (share.levels > 1).then(|| {
        let n = txt::replace(&words.bones, "{n}", &share.levels.to_string());
        txt::replace(&n, "{levels}", &treated_list(&seg))
    });
    let thoracic = is_thoracic(&share.level);
    let beside = thoracic && share.route == Route::Extrapedicular;
    // The route drawn in the view from above (extrapedicular only at thoracic levels).
    let route = if beside {
        Route::Extrapedicular
    } else {
        Route::Transpedicular
    };

    let mut number = 0;
    let labels = std::rc::Rc::new(content.labels.clone());
    let steps: Html = content
        .steps
        .iter()
        .enumerate()
        .filter(|(i, s)| !is_after(s.diagram) && chosen.get(*i).copied().unwrap_or(true))
        .map(|(i, s)| {
            number += 1;
            let previous = i
                .checked_sub(1)
                .and_then(|j| content.steps.get(j))
                .map(|s| s.diagram);
            let scene = crate::model::scene::Scene {
                loss: share.grade.loss(),
                ..scene_at(previous, s.diagram, 1.0)
            };
            // The physician's strokes on one view of this step, if any.
            let strokes = |view: View, xray: bool| {
                let paths = p.ink.drawing().paths(i, view);
                (!paths.is_empty())
                    .then(|| html! { <g class="kx-strokes">{ for stroke_views(paths, xray) }</g> })
            };
            let id_prefix = AttrValue::from(format!("ho{i}-"));
            // A still in its frame, named when the step prints more than one.
            let still = |class: &'static str, picture: Html, caption: Option<&str>| {
                html! {
                    <figure {class}>
                        { picture }
                        if let Some(caption) = caption {
                            <figcaption class="kx-ho-caption">{ caption }</figcaption>
                        }
                    </figure>
                }
            };
            let side = html! {
                { diagram(&DiagramProps { scene, labels: labels.clone(), show_labels: true,
                         levels: levels.clone(), treated: seg.treated, chosen: seg.chosen,
                         front: ui.front.clone().into(), back: ui.back.clone().into(),
                         title: s.title.clone().into(), description: s.picture.clone().into(),
                         id_prefix: id_prefix.clone(),
                         overlay: strokes(View::Side, false).unwrap_or_default() }) }
            };
            // The other views are printed only where the physician drew on them, each named.
            let mut others = Vec::new();
            if let Some(overlay) = strokes(View::Top, false) {
                let picture = axial(&AxialProps {
                    scene,
                    labels: labels.clone(),
                    show_labels: true,
                    bilateral: share.two_balloons,
                    level: crate::model::axial::TopLevel::of(&share.level),
                    route: share.route,
                    front: ui.front.clone().into(),
                    back: ui.back.clone().into(),
                    title: top_view_title(ui, &s.title, route).into(),
                    id_prefix: id_prefix.clone(),
                    overlay,
                });
                others.push(still("kx-ho-still", picture, Some(&ui.top_view)));
            }
            if let Some(overlay) = strokes(View::Ap, true) {
                let picture = html! {
                    <Coronal scene={scene} labels={labels.clone()} show_labels={true}
                             levels={seg.names.clone()} treated={seg.treated} chosen={seg.chosen}
                             route={share.route} bilateral={share.two_balloons} {thoracic}
                             title={AttrValue::from(format!("{}: {}", ui.ap_view, s.title))}
                             {id_prefix} {overlay} />
                };
                others.push(still("kx-ho-still is-xray", picture, Some(&ui.ap_view)));
            }
            let step_class = if others.is_empty() {
                "kx-ho-step"
            } else {
                "kx-ho-step has-views"
            };
            let pictures = if others.is_empty() {
                still("kx-ho-still", side, None)
            } else {
                html! {
                    <div class="kx-ho-pictures">
                        { still("kx-ho-still", side, Some(&ui.side_view)) }
                        { for others }
                    </div>
                }
            };
            html! {
                <li class={step_class}>
                    { pictures }
                    <div class="kx-ho-text">
                        <h5 class="kx-ho-step-title">
                            <span class="kx-ho-n">{ number }</span>{ &s.title }
                        </h5>
                        { for s.narration.iter().enumerate().map(|(i, para)| html! {
                            // Through the bony bridge, or beside it by the extrapedicular route.
                            <p>{ if beside && i == 1 && s.diagram == DiagramState::Needle { &words.needle_beside } else { para } }</p>
                        }) }
                    </div>
                </li>
            }
        })
        .collect();
    let after: Html = content
        .steps
        .iter()
        .filter(|s| is_after(s.diagram))
        .map(|s| {
            html! {
                <section class={classes!("kx-ho-box", (s.diagram == DiagramState::Risks).then_some("is-call"))}>
                    <h4>{ &s.title }</h4>
                    { for s.narration.iter().map(|para| html! { <p>{ para }</p> }) }
                </section>
            }
        })
        .collect();
    let call = match (&p.clinic_phone, &p.clinic_name) {
        (Some(phone), name) => {
            let text = txt::replace(
                &ui.cta_call,
                "{clinic}",
                name.as_deref().unwrap_or(ui.cta_office.as_str()),
            );
            let (before, after) = txt::split_once(&text, "{phone}").unwrap_or((&text, ""));
            Some(html! {
                <>{ before.to_string() }<span class="kx-ho-phone">{ phone }</span>{ after.to_string() }</>
            })
        }
        (None, Some(name)) => Some(html! { { txt::replace(&ui.cta_talk, "{clinic}", name) } }),
        (None, None) => None,
    };

    html! {
        <article class="kx-handout" aria-label={words.title.clone()} tabindex="0">
            <header class="kx-ho-head">
                if p.clinic_name.is_some() || p.clinic_phone.is_some() {
                    <p class="kx-ho-clinic">
                        if let Some(name) = &p.clinic_name {
                            <span class="kx-ho-clinic-name">{ name }</span>
                        }
                        if let Some(phone) = &p.clinic_phone {
                            <span class="kx-ho-clinic-phone">{ phone }</span>
                        }
                    </p>
                }
                <h3 class="kx-ho-title">{ &words.title }</h3>
                <p class="kx-ho-date">{ txt::replace(&words.date, "{date}", date) }</p>
            </header>
            <section class="kx-ho-patient">
                <h4>{ &words.shown }</h4>
                <dl>
                    <div><dt>{ &words.which_bone }</dt><dd>{ bone }</dd></div>
                    <div><dt>{ &words.collapse }</dt><dd>{ grade }</dd></div>
                    if let Some(n) = &how_many {
                        <div><dt>{ &words.how_many }</dt><dd>{ n }</dd></div>
                    }
                    <div><dt>{ &words.balloons }</dt><dd>{ balloons }</dd></div>
                    if beside {
                        <div><dt>{ &words.route }</dt><dd>{ &words.route_beside }</dd></div>
                    }
                </dl>
                <p class="kx-ho-note">{ &words.shown_note }</p>
            </section>
            <section class="kx-ho-procedure">
                <h4>{ &words.steps }</h4>
                <ol class="kx-ho-steps">{ steps }</ol>
            </section>
            <div class="kx-ho-after">{ after }</div>
            if let Some(call) = call {
                <p class="kx-ho-call"><strong>{ &ui.cta_title }</strong>{ " " }{ call }</p>
            }
            <footer class="kx-ho-foot">
                { for content.disclaimer.iter().map(|d| html! { <p>{ d }</p> }) }
            </footer>
        </article>
    }
}
