//! The front-to-back (AP) X-ray projection of the treated vertebra and its neighbours, drawn like a
//! fluoroscopy image: greyscale, soft edges, bone bright, instruments dark, contrast and cement
//! white. Coordinates are documented in [`crate::model::coronal`].

use super::svg::{f, label};
use crate::content::Labels;
use crate::model::coronal::{self as c, Side};
use crate::model::geometry::{self as g, Ellipse, Pt};
use crate::model::route::Route;
use crate::model::scene::Scene;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Coronal`].
#[derive(Properties, PartialEq, Clone)]
pub struct CoronalProps {
    /// What to draw.
    pub scene: Scene,
    /// Names of the parts.
    pub labels: Rc<Labels>,
    /// The spine levels drawn, top to bottom (the middle one is treated).
    pub levels: [String; 3],
    /// Which of the drawn levels are treated (each follows the timeline).
    #[prop_or([false, true, false])]
    pub treated: [bool; 3],
    /// Which drawn level is the chosen one (the labels point at it).
    #[prop_or(1)]
    pub chosen: usize,
    /// The needle's route at the chosen level (each level uses it where it is offered).
    #[prop_or_default]
    pub route: Route,
    /// Two needles and balloons (both sides) or one.
    pub bilateral: bool,
    /// A thoracic level: ribs leave the transverse processes.
    pub thoracic: bool,
    /// Show labels with leader lines.
    pub show_labels: bool,
    /// Accessible name of the picture.
    pub title: AttrValue,
    /// Starts the picture's ids (gradients, filters, clip path): a picture's ids apart from
    /// another's.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// Drawn over everything (the handout: the physician's strokes).
    #[prop_or_default]
    pub overlay: Html,
}

/// A rounded rectangle outline with slightly concave endplates.
fn body_path(top: f32, bottom: f32) -> String {
    let (x0, x1) = (c::MID_X - c::BODY_HALF_WIDTH, c::MID_X + c::BODY_HALF_WIDTH);
    let r = c::BODY_CORNER.min((bottom - top) / 2.0);
    format!(
        "M{a} {t} Q{m} {t2} {b} {t} Q{x1} {t} {x1} {tr} L{x1} {br} Q{x1} {bo} {b} {bo} Q{m} {bo2} {a} {bo} Q{x0} {bo} {x0} {br} L{x0} {tr} Q{x0} {t} {a} {t} Z",
        a = f(x0 + r),
        b = f(x1 - r),
        m = f(c::MID_X),
        x0 = f(x0),
        x1 = f(x1),
        t = f(top),
        t2 = f(top + 2.2),
        tr = f(top + r),
        br = f(bottom - r),
        bo = f(bottom),
        bo2 = f(bottom - 2.2),
    )
}

/// The back parts seen through the body: transverse processes, pedicle rings and the spinous
/// process (a midline teardrop over the lower half of the body).
fn posterior(top: f32, thoracic: bool, rx: f32) -> Html {
    // The back parts are placed by the usual ring; the ring drawn is the level's own width.
    let ring = c::pedicle(top, c::PEDICLE_RX);
    let own = c::pedicle(top, rx);
    let tp_y = ring.c.y - 2.0;
    let transverse = |side: Side| {
        let p = |x: f32, y: f32| side.place(Pt::new(x, y));
        let (a, b, cc, d, e) = (
            p(c::MID_X - 40.0, tp_y - 6.0),
            p(c::MID_X - 62.0, tp_y - 7.0),
            p(c::MID_X - 68.0, tp_y - 1.0),
            p(c::MID_X - 62.0, tp_y + 5.0),
            p(c::MID_X - 40.0, tp_y + 6.0),
        );
        format!(
            "M{} {} L{} {} Q{} {} {} {} L{} {} Z",
            f(a.x),
            f(a.y),
            f(b.x),
            f(b.y),
            f(cc.x),
            f(cc.y),
            f(d.x),
            f(d.y),
            f(e.x),
            f(e.y)
        )
    };
    let rib = |side: Side| {
        let p = |x: f32, y: f32| side.place(Pt::new(x, y));
        let (a, b, cc) = (
            p(c::MID_X - 64.0, tp_y),
            p(c::MID_X - 100.0, tp_y + 6.0),
            p(c::MID_X - 124.0, tp_y + 30.0),
        );
        format!(
            "M{} {} Q{} {} {} {}",
            f(a.x),
            f(a.y),
            f(b.x),
            f(b.y),
            f(cc.x),
            f(cc.y)
        )
    };
    let sp_top = top + 24.0;
    let sp_bottom = top + g::BODY_HEIGHT + 8.0;
    let spinous = format!(
        "M{m} {t} C{r1} {t1} {r2} {b1} {m} {b} C{l2} {b1} {l1} {t1} {m} {t} Z",
        m = f(c::MID_X),
        t = f(sp_top),
        t1 = f(sp_top + 4.0),
        b1 = f(sp_bottom - 2.0),
        b = f(sp_bottom),
        r1 = f(c::MID_X + 9.0),
        r2 = f(c::MID_X + 6.0),
        l1 = f(c::MID_X - 9.0),
        l2 = f(c::MID_X - 6.0),
    );
    // The laminae and the lower joint processes: a faint "butterfly" from under each pedicle to
    // the spinous process, reaching down over the disc below.
    let lamina = |side: Side| {
        let q = |x: f32, y: f32| side.place(Pt::new(x, y));
        let pts = [
            q(ring.c.x - 6.0, ring.c.y + 6.0),
            q(c::MID_X - 7.0, top + 26.0),
            q(c::MID_X - 6.0, top + 46.0),
            q(ring.c.x + 2.0, top + g::BODY_HEIGHT + 6.0),
            q(ring.c.x - 8.0, top + g::BODY_HEIGHT + 8.0),
            q(ring.c.x - 11.0, top + 40.0),
        ];
        let mut d = format!("M{} {}", f(pts[0].x), f(pts[0].y));
        for p in &pts[1..] {
            d.push_str(&format!(" L{} {}", f(p.x), f(p.y)));
        }
        d.push_str(" Z");
        d
    };
    html! {
        <g class="ap-posterior">
            <path class="ap-lamina" d={lamina(Side::Left)} />
            <path class="ap-lamina" d={lamina(Side::Right)} />
            if thoracic {
                <path class="ap-rib" d={rib(Side::Left)} />
                <path class="ap-rib" d={rib(Side::Right)} />
            }
            <path class="ap-process" d={transverse(Side::Left)} />
            <path class="ap-process" d={transverse(Side::Right)} />
            <path class="ap-spinous" d={spinous} />
            { for [Side::Left, Side::Right].into_iter().map(|side| {
                let p = side.place(own.c);
                html! {
                    <ellipse class="ap-pedicle" cx={f(p.x)} cy={f(p.y)} rx={f(own.rx)} ry={f(own.ry)} />
                }
            }) }
        </g>
    }
}

/// The picture's ids (its gradients, filters and clip path) and the references to them, made once
/// per id prefix rather than on every frame; indexed by [`FIELD`], [`BODY`], ...
struct Ids {
    id: [AttrValue; 6],
    url: [AttrValue; 6],
}
const FIELD: usize = 0;
const BODY: usize = 1;
const ENDPLATES: usize = 2;
const SOFT: usize = 3;
const GRAIN: usize = 4;
const FOV: usize = 5;

impl Ids {
    fn new(prefix: &str) -> Ids {
        let names = ["field", "body", "endplates", "soft", "grain", "fov"];
        Ids {
            id: names.map(|n| AttrValue::from(format!("{prefix}kc-{n}"))),
            url: names.map(|n| AttrValue::from(format!("url(#{prefix}kc-{n})"))),
        }
    }
}

/// One vertebra: body with bright endplates and side walls, and its back parts.
fn vertebra(top: f32, bottom: f32, thoracic: bool, rx: f32, ids: &Ids) -> Html {
    let d = body_path(top, bottom);
    html! {
        <g class="ap-vertebra">
            <path class="ap-body" d={d.clone()} fill={ids.url[BODY].clone()} />
            <path class="ap-body" d={d.clone()} fill={ids.url[ENDPLATES].clone()} />
            <path class="ap-cortex" d={d} />
            { posterior(top, thoracic, rx) }
        </g>
    }
}

/// An ellipse at its place, on one side.
fn ellipse(e: &Ellipse, side: Side, class: &'static str) -> Html {
    let p = side.place(e.c);
    let angle = match side {
        Side::Left => e.angle_deg,
        Side::Right => -e.angle_deg,
    };
    html! {
        <ellipse {class} transform={format!("translate({} {}) rotate({})", f(p.x), f(p.y), f(angle))}
                 rx={f(e.rx.max(0.01))} ry={f(e.ry.max(0.01))} />
    }
}

/// The AP projection.
#[function_component(Coronal)]
pub fn coronal(p: &CoronalProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let s = &p.scene;
    let (vw, vh) = c::VIEW;
    let ids = use_memo(p.id_prefix.clone(), |prefix| Ids::new(prefix));
    let soft = &ids.url[SOFT];
    let spans = c::body_spans(s, p.treated);
    let tops = spans.map(|(t, _)| t);
    let sides: Vec<Side> = if p.bilateral {
        vec![Side::Left, Side::Right]
    } else {
        vec![Side::Left]
    };
    let needle_visible = s.needle > 0.001;
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    // The height lost by a treated body, and the denser band under its top endplate while the
    // fracture is fresh.
    let settle = c::settle_above(s);
    let band = s.collapse * (1.0 - s.cavity) * s.loss * 2.0;
    let down = |q: Pt, dy: f32| Pt::new(q.x, q.y + dy);
    let treated_levels: Vec<usize> = (0..3).filter(|&i| p.treated[i]).collect();
    // The level the labels point at: the chosen one if treated, else the first treated one.
    let focus = if p.treated[p.chosen.min(2)] {
        p.chosen.min(2)
    } else {
        treated_levels.first().copied().unwrap_or(1)
    };
    // Each level's route and pedicle ring.
    let route_of = |i: usize| c::Way {
        route: p.route.at(&p.levels[i]),
        ring: c::ring_rx(&p.levels[i]),
    };
    let focus_dy = c::level_shift(s, p.treated, focus);
    let focus_route = route_of(focus);
    let balloon = {
        let e = c::balloon(s, p.bilateral, focus_route);
        Ellipse {
            c: down(e.c, focus_dy),
            ..e
        }
    };
    let cement = {
        let e = c::cement(s, p.bilateral, focus_route);
        Ellipse {
            c: down(e.c, focus_dy),
            ..e
        }
    };
    let cannula = down(c::shaft_label_point(s, p.bilateral, focus_route), focus_dy);
    let labels = &p.labels;
    let ring = c::pedicle(tops[focus], focus_route.ring);
    // Everything drawn in one treated level: cavities, cement, balloons and needles on each side.
    let instruments = |i: usize| {
        let dy = c::level_shift(s, p.treated, i);
        let route = route_of(i);
        let tip = down(c::needle_tip(s, p.bilateral, route), dy);
        let shaft = down(c::shaft_end(s, p.bilateral, route), dy);
        let shift = |e: Ellipse| Ellipse {
            c: down(e.c, dy),
            ..e
        };
        let balloon = shift(c::balloon(s, p.bilateral, route));
        let cavity = shift(c::cavity(s, p.bilateral, route));
        let cement = shift(c::cement(s, p.bilateral, route));
        html! {
            { for sides.iter().map(|&side| html! {
                <g class="ap-side">
                    if s.cavity > 0.001 {
                        <g filter={soft.clone()}>
                            { ellipse(&Ellipse { rx: cavity.rx + 2.5, ry: cavity.ry + 2.5, ..cavity }, side, "ap-rimpack") }
                            { ellipse(&cavity, side, "ap-cavity") }
                        </g>
                    }
                    if s.cement > 0.001 {
                        <g filter={soft.clone()}>{ ellipse(&cement, side, "ap-cement") }</g>
                    }
                    if balloon_visible {
                        <g filter={soft.clone()}>
                            <line class="ap-catheter" x1={f(side.place(tip).x)} y1={f(tip.y)}
                                  x2={f(side.place(balloon.c).x)} y2={f(balloon.c.y)} />
                            { ellipse(&balloon, side, "ap-balloon") }
                        </g>
                        // The markers at the balloon's two ends, along its length (the
                        // needle's line while it is deflated), each a short tick across it.
                        { for [-0.8_f32, 0.8].into_iter().map(|k| {
                            let (v, u) = crate::model::math::sin_cos(balloon.angle_deg.to_radians());
                            let m = Pt::new(balloon.c.x + u * balloon.rx * k, balloon.c.y + v * balloon.rx * k);
                            let (p, q) = (
                                side.place(Pt::new(m.x + v * 2.5, m.y - u * 2.5)),
                                side.place(Pt::new(m.x - v * 2.5, m.y + u * 2.5)),
                            );
                            html! { <line class="ap-marker" x1={f(p.x)} y1={f(p.y)} x2={f(q.x)} y2={f(q.y)} /> }
                        }) }
                    }
                    if needle_visible {
                        <g class="ap-needle" filter={soft.clone()}>
                            <line class="ap-shaft" x1={f(side.place(tip).x)} y1={f(tip.y)} x2={f(side.place(shaft).x)} y2={f(shaft.y)} />
                            <circle class="ap-tip" cx={f(side.place(tip).x)} cy={f(tip.y)} r="2.6" />
                        </g>
                    }
                </g>
            }) }
        }
    };
    // The wedge of one treated level seen front to back: the intact back still reaches the old
    // height (a double endplate contour; the fainter band up to it is drawn behind the body), and
    // a fresh fracture shows a denser band under the top endplate.
    let wedge = |i: usize| {
        let (top, bottom) = spans[i];
        let back_top = bottom - g::BODY_HEIGHT;
        html! {
            <>
                <path class="ap-rim" opacity={f((settle / 4.0).min(0.8))}
                      d={format!("M{} {} Q{} {} {} {}", f(c::MID_X - 38.0), f(back_top + 1.0), f(c::MID_X), f(back_top + 3.0), f(c::MID_X + 38.0), f(back_top + 1.0))} />
                <rect class="ap-band" x={f(c::MID_X - 40.0)} y={f(top + 1.5)} width="80" height="5" rx="2.5"
                      opacity={f(band.min(0.7))} />
            </>
        }
    };
    html! {
        <svg class="coronal-diagram" viewBox={format!("0 0 {} {}", f(vw), f(vh))} role="img" aria-label={p.title.clone()}
             preserveAspectRatio="xMidYMid meet">
            <defs>
                <radialGradient id={ids.id[FIELD].clone()} cx="0.5" cy="0.5" r="0.6">
                    <stop offset="0" stop-color="#595959" />
                    <stop offset="0.7" stop-color="#333333" />
                    <stop offset="1" stop-color="#161616" />
                </radialGradient>
                <linearGradient id={ids.id[BODY].clone()} x1="0" y1="0" x2="1" y2="0">
                    <stop offset="0" stop-color="#d2d2d2" />
                    <stop offset="0.12" stop-color="#a6a6a6" />
                    <stop offset="0.5" stop-color="#979797" />
                    <stop offset="0.88" stop-color="#a6a6a6" />
                    <stop offset="1" stop-color="#d2d2d2" />
                </linearGradient>
                <linearGradient id={ids.id[ENDPLATES].clone()} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#ffffff" stop-opacity="0.35" />
                    <stop offset="0.14" stop-color="#ffffff" stop-opacity="0" />
                    <stop offset="0.5" stop-color="#000000" stop-opacity="0.08" />
                    <stop offset="0.86" stop-color="#ffffff" stop-opacity="0" />
                    <stop offset="1" stop-color="#ffffff" stop-opacity="0.35" />
                </linearGradient>
                <filter id={ids.id[SOFT].clone()} x="-10%" y="-10%" width="120%" height="120%">
                    <feGaussianBlur stdDeviation="1" />
                </filter>
                // Film grain (quantum mottle) of a live X-ray image.
                <filter id={ids.id[GRAIN].clone()} x="0" y="0" width="100%" height="100%">
                    <feTurbulence type="fractalNoise" baseFrequency="0.9" numOctaves="2" seed="7" />
                    <feColorMatrix type="matrix" values="0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 0 0.5  0 0 0 1.2 -0.35" />
                </filter>
                <clipPath id={ids.id[FOV].clone()}><circle cx={f(vw / 2.0)} cy={f(vh / 2.0)} r={f(vw / 2.0 - 3.0)} /></clipPath>
            </defs>
            <rect class="ap-outside" width={f(vw)} height={f(vh)} />
            <g clip-path={ids.url[FOV].clone()}>
                <rect width={f(vw)} height={f(vh)} fill={ids.url[FIELD].clone()} />
                // Soft-tissue shadows beside the spine (the psoas muscles), faint.
                <path class="ap-soft" d={format!("M{} 0 Q{} 140 {} {} L{} {} Q{} 140 {} 0 Z",
                    f(c::MID_X - 50.0), f(c::MID_X - 78.0), f(c::MID_X - 92.0), f(vh), f(c::MID_X + 92.0), f(vh), f(c::MID_X + 78.0), f(c::MID_X + 50.0))} />
                <g filter={soft.clone()}>
                    { for (0..3).map(|i| html! {
                        <>
                            if p.treated[i] {
                                <path class="ap-ghost" d={body_path(spans[i].1 - g::BODY_HEIGHT, spans[i].0 + c::BODY_CORNER)} opacity={f((settle / 3.0).min(0.5))} />
                            }
                            { vertebra(spans[i].0, spans[i].1, p.thoracic, c::ring_rx(&p.levels[i]), &ids) }
                        </>
                    }) }
                    { for treated_levels.iter().map(|&i| wedge(i)) }
                </g>

                // Cavities, cement, balloons and needles in every treated level.
                { for treated_levels.iter().map(|&i| instruments(i)) }

                { for [(tops[0], &p.levels[0]), (tops[1], &p.levels[1]), (tops[2], &p.levels[2])].into_iter().map(|(top, name)| html! {
                    <text class="ap-level" x={f(c::MID_X + c::BODY_HALF_WIDTH + 4.0)} y={f(top + g::BODY_HEIGHT - 6.0)}>{ name.to_string() }</text>
                }) }
            </g>
            <rect class="ap-grain" width={f(vw)} height={f(vh)} filter={ids.url[GRAIN].clone()} clip-path={ids.url[FOV].clone()} />
            <circle class="ap-fov-edge" cx={f(vw / 2.0)} cy={f(vh / 2.0)} r={f(vw / 2.0 - 3.0)} />
            if p.show_labels {
                <g class="labels">
                    { label(4.0, 14.0, Pt::new(ring.c.x - ring.rx, ring.c.y), &labels.pedicle, "start") }
                    { label(vw - 4.0, 14.0, Pt::new(c::MID_X + 34.0, spans[focus].1 - 7.0), &labels.vertebra, "end") }
                    if needle_visible {
                        { label(4.0, 206.0, cannula, &labels.needle, "start") }
                    }
                    if balloon_visible && (s.balloon_size > 0.2 || s.balloon_in > 0.5) {
                        { label(vw - 4.0, 226.0, Pt::new(balloon.c.x + 4.0, balloon.c.y + balloon.ry * 0.6), &labels.balloon, "end") }
                    } else if s.cement > 0.2 {
                        { label(vw - 4.0, 226.0, Pt::new(cement.c.x + 4.0, cement.c.y + cement.ry * 0.5), &labels.cement, "end") }
                    }
                </g>
            }
            { p.overlay.clone() }
        </svg>
    }
}
