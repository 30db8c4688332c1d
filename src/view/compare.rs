//! Consult mode: kyphoplasty next to vertebroplasty. A button opens a panel with two small side
//! views that follow the timeline (the vertebroplasty one from
//! [`crate::model::compare::vertebroplasty`]) and a table of the reported differences.

use super::app::SharedContent;
use super::diagram::{body_path, disc};
use super::svg::{cement_colour, f};
use crate::model::compare;
use crate::model::geometry::{self as g, Pt};
use crate::model::scene::Scene;
use yew::prelude::*;

/// Props of [`Compare`].
#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    /// The words.
    pub content: SharedContent,
    /// The kyphoplasty scene at this moment of the timeline.
    pub scene: Scene,
}

/// A small side view of the treated segment: kyphoplasty (`vp` false) or vertebroplasty.
fn mini(scene: &Scene, vp: bool, id: &str, name: &str) -> Html {
    let s = if vp {
        compare::vertebroplasty(scene)
    } else {
        *scene
    };
    let front_top = g::top_endplate_y(&s, g::BODY_FRONT);
    let mid = body_path(front_top, g::MID_TOP, g::MID_BOTTOM);
    let upper_top = g::MID_TOP - g::DISC_HEIGHT - g::BODY_HEIGHT;
    let lower_top = g::MID_BOTTOM + g::DISC_HEIGHT;
    let tilt = format!(
        "rotate({} {} {})",
        f(-g::tilt_above_deg(&s)),
        f(g::BODY_BACK),
        f(g::MID_TOP)
    );
    let u = g::needle_axis();
    let tip = if vp {
        compare::needle_tip(s.needle)
    } else {
        g::needle_tip(s.needle)
    };
    let hub = Pt::new(tip.x - u.x * 130.0, tip.y - u.y * 130.0);
    let cavity = g::cavity(&s);
    let balloon = g::balloon(&s);
    // One clear cement colour in both pictures: what matters here is where the cement goes.
    let cement = cement_colour(0.0);
    let lobes = compare::cement_lobes(&s);
    let body_clip = format!("kx-cmp-{id}-body");
    let cavity_clip = format!("kx-cmp-{id}-cavity");
    let pedicle = format!(
        "M{} {} L{} {} Q{} {} {} {} L{} {} Z",
        f(g::BODY_BACK - 1.0),
        f(g::PEDICLE_SPAN.0),
        f(g::PEDICLE_BACK + 4.0),
        f(g::PEDICLE_SPAN.0 - 2.0),
        f(g::PEDICLE_BACK + 12.0),
        f((g::PEDICLE_SPAN.0 + g::PEDICLE_SPAN.1) / 2.0),
        f(g::PEDICLE_BACK + 4.0),
        f(g::PEDICLE_SPAN.1 + 2.0),
        f(g::BODY_BACK - 1.0),
        f(g::PEDICLE_SPAN.1),
    );
    html! {
        <svg class="kx-compare-svg" viewBox="52 46 136 140" role="img" aria-label={name.to_string()}
             preserveAspectRatio="xMidYMid meet">
            <defs>
                <clipPath id={body_clip.clone()}><path d={mid.clone()} /></clipPath>
                <clipPath id={cavity_clip.clone()}>
                    <ellipse cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx.max(0.01))} ry={f(cavity.ry.max(0.01))} />
                </clipPath>
            </defs>
            <g aria-hidden="true">
                { disc(g::MID_BOTTOM) }
                <path class="kx-cmp-body" d={body_path(lower_top, lower_top, lower_top + g::BODY_HEIGHT)} />
                <path class="kx-cmp-body" d={pedicle} />
                <path class="kx-cmp-body" d={mid.clone()} />
                <g clip-path={format!("url(#{body_clip})")}>
                    if !vp && s.cavity > 0.001 {
                        <ellipse class="packed-rim" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx + 3.0)} ry={f(cavity.ry + 3.0)} />
                        <ellipse class="cavity" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx)} ry={f(cavity.ry)} />
                    }
                    if !vp && s.cement > 0.001 {
                        <g clip-path={format!("url(#{cavity_clip})")}>
                            <rect x={f(cavity.c.x - cavity.rx - 3.0)} y={f(cavity.c.y - cavity.ry - 3.0)}
                                  width={f((g::cement_front_x(&s) - (cavity.c.x - cavity.rx - 3.0)).max(0.0))}
                                  height={f(cavity.ry * 2.0 + 6.0)} fill={cement.clone()} />
                        </g>
                        <ellipse class="kx-cmp-cement-edge" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx)} ry={f(cavity.ry)}
                                 opacity={f((s.cement * 3.0).min(1.0))} />
                    }
                    if vp {
                        // Every lobe twice: outlined first, then filled on top, so the lobes merge
                        // into one irregular mass with a single outline.
                        { for ["kx-cmp-lobe-edge", "kx-cmp-lobe"].into_iter().map(|class| html! {
                            <g {class}>
                                { for lobes.iter().map(|e| html! {
                                    <ellipse fill={cement.clone()}
                                             transform={format!("translate({} {}) rotate({})", f(e.c.x), f(e.c.y), f(e.angle_deg))}
                                             rx={f(e.rx)} ry={f(e.ry)} />
                                }) }
                            </g>
                        }) }
                    }
                </g>
                <path class="kx-cmp-cortex" d={mid} />
                <g transform={tilt}>
                    { disc(g::MID_TOP - g::DISC_HEIGHT) }
                    <path class="kx-cmp-body" d={body_path(upper_top, upper_top, upper_top + g::BODY_HEIGHT)} />
                </g>
                if !vp && (s.balloon_in > 0.001 || s.balloon_size > 0.001) {
                    <ellipse class="balloon" transform={format!("translate({} {}) rotate({})", f(balloon.c.x), f(balloon.c.y), f(balloon.angle_deg))}
                             rx={f(balloon.rx)} ry={f(balloon.ry)} />
                }
                if s.needle > 0.001 {
                    <line class="needle-shaft" x1={f(tip.x)} y1={f(tip.y)} x2={f(hub.x)} y2={f(hub.y)} />
                }
            </g>
        </svg>
    }
}

/// The "Compare with vertebroplasty" button and its panel.
#[function_component(Compare)]
pub fn compare_view(p: &CompareProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let open = use_state(|| false);
    let ui = &p.content.0.ui;
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let row = |head: &str, kp: &str, vp: &str| {
        html! {
            <tr><th scope="row">{ head.to_string() }</th><td>{ kp.to_string() }</td><td>{ vp.to_string() }</td></tr>
        }
    };
    html! {
        <div class="kx-compare">
            <button type="button" class="kx-btn" aria-expanded={open.to_string()} aria-controls="kx-compare-panel"
                    onclick={toggle}>{ &ui.compare_open }</button>
            if *open {
                <section id="kx-compare-panel" class="kx-compare-panel" role="region" aria-label={ui.compare_title.clone()}>
                    <div class="kx-compare-pics">
                        <figure class="kx-compare-fig">
                            { mini(&p.scene, false, "kp", &ui.kp_picture) }
                            <figcaption>{ &ui.kyphoplasty }</figcaption>
                        </figure>
                        <figure class="kx-compare-fig">
                            { mini(&p.scene, true, "vp", &ui.vp_picture) }
                            <figcaption>{ &ui.vertebroplasty }</figcaption>
                        </figure>
                    </div>
                    <p class="kx-illustrative">{ &ui.compare_follows }</p>
                    <table class="kx-compare-table">
                        <caption>{ &ui.compare_title }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ &ui.compare_feature }</th>
                                <th scope="col">{ &ui.kyphoplasty }</th>
                                <th scope="col">{ &ui.vertebroplasty }</th>
                            </tr>
                        </thead>
                        <tbody>
                            { row(&ui.compare_technique, &ui.kp_technique, &ui.vp_technique) }
                            { row(&ui.compare_angle, &ui.kp_angle, &ui.vp_angle) }
                            { row(&ui.compare_leak, &ui.kp_leak, &ui.vp_leak) }
                            { row(&ui.compare_pain, &ui.pain_similar, &ui.pain_similar) }
                            { row(&ui.compare_time, &ui.kp_time, &ui.vp_time) }
                        </tbody>
                    </table>
                    <p class="kx-compare-note">{ &ui.compare_note }</p>
                </section>
            }
        </div>
    }
}
