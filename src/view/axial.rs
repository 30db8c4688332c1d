//! The top-down (axial) diagram of the treated vertebra: what the side view cannot show — the
//! needles entering through the pedicles at an inward angle, the balloons side by side and the
//! cement mass. Coordinates are documented in [`crate::model::axial`].

use super::svg::{cement_colour, f, label};
use crate::content::Labels;
use crate::model::axial as a;
use crate::model::geometry::Pt;
use crate::model::route::{self, Route};
use crate::model::scene::Scene;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Axial`].
#[derive(Properties, PartialEq, Clone)]
pub struct AxialProps {
    /// What to draw.
    pub scene: Scene,
    /// Names of the parts.
    pub labels: Rc<Labels>,
    /// "Front of body" / "Back" markers.
    pub front: AttrValue,
    /// See [`AxialProps::front`].
    pub back: AttrValue,
    /// Show labels with leader lines.
    pub show_labels: bool,
    /// Two needles and balloons (both sides) or one.
    #[prop_or(true)]
    pub bilateral: bool,
    /// A thoracic vertebra: rib heads beside the pedicles.
    #[prop_or_default]
    pub thoracic: bool,
    /// How the needles reach the body (extrapedicular only where `thoracic`).
    #[prop_or_default]
    pub route: Route,
    /// Accessible name of the picture.
    pub title: AttrValue,
}

fn poly(points: &[Pt]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { "L" });
        d.push_str(&format!("{} {} ", f(p.x), f(p.y)));
    }
    d.push('Z');
    d
}

/// A band of half-width `w` from `p` to `q`, as a polygon.
fn band(p: Pt, q: Pt, w0: f32, w1: f32) -> Vec<Pt> {
    let (dx, dy) = (q.x - p.x, q.y - p.y);
    let len = (dx * dx + dy * dy).sqrt().max(1e-3);
    let (nx, ny) = (-dy / len, dx / len);
    vec![
        Pt::new(p.x + nx * w0, p.y + ny * w0),
        Pt::new(q.x + nx * w1, q.y + ny * w1),
        Pt::new(q.x - nx * w1, q.y - ny * w1),
        Pt::new(p.x - nx * w0, p.y - ny * w0),
    ]
}

fn side_bones(mirror: bool) -> Html {
    let m = |p: Pt| if mirror { a::mirror(p) } else { p };
    let u = a::axis();
    let ped_front = Pt::new(
        a::PEDICLE_FRONT.x + u.x * 6.0,
        a::PEDICLE_FRONT.y + u.y * 6.0,
    );
    let pedicle: Vec<Pt> = band(
        a::PEDICLE_BACK,
        ped_front,
        a::PEDICLE_HALF_WIDTH + 1.5,
        a::PEDICLE_HALF_WIDTH,
    )
    .into_iter()
    .map(m)
    .collect();
    let lamina: Vec<Pt> = band(
        Pt::new(a::PEDICLE_BACK.x + 2.0, a::PEDICLE_BACK.y + 2.0),
        Pt::new(a::MID_X, 150.0),
        7.0,
        6.0,
    )
    .into_iter()
    .map(m)
    .collect();
    // The transverse process: broad where it leaves the pedicle, tapering to a blunt tip.
    let tp = |x: f32, y: f32| m(Pt::new(x, y));
    let tp_points = [
        tp(a::PEDICLE_BACK.x + 4.0, a::PEDICLE_BACK.y - 14.0),
        tp(60.0, 124.0),
        tp(40.0, 126.0),
        tp(33.0, 130.0),
        tp(36.0, 136.0),
        tp(58.0, 136.0),
        tp(a::PEDICLE_BACK.x + 2.0, a::PEDICLE_BACK.y + 4.0),
    ];
    let transverse = format!(
        "M{} {} C{} {} {} {} {} {} C{} {} {} {} {} {} L{} {} C{} {} {} {} {} {} Z",
        f(tp_points[0].x),
        f(tp_points[0].y),
        f(tp_points[1].x),
        f(tp_points[1].y),
        f(tp_points[1].x),
        f(tp_points[1].y),
        f(tp_points[2].x),
        f(tp_points[2].y),
        f(tp_points[3].x),
        f(tp_points[3].y),
        f(tp_points[3].x),
        f(tp_points[4].y),
        f(tp_points[4].x),
        f(tp_points[4].y),
        f(tp_points[5].x),
        f(tp_points[5].y),
        f(tp_points[5].x),
        f(tp_points[5].y),
        f(tp_points[6].x),
        f(tp_points[6].y),
        f(tp_points[6].x),
        f(tp_points[6].y),
    );
    let facet = m(Pt::new(a::PEDICLE_BACK.x - 4.0, a::PEDICLE_BACK.y + 8.0));
    html! {
        <g class="side">
            <path class="bone cortex" d={transverse} fill="url(#ka-bone)" />
            <path class="bone cortex" d={poly(&lamina)} fill="url(#ka-bone)" />
            <ellipse class="bone cortex" cx={f(facet.x)} cy={f(facet.y)} rx="9" ry="8" fill="url(#ka-bone)" />
            <path class="bone cortex pedicle" d={poly(&pedicle)} fill="url(#ka-spongy)" />
        </g>
    }
}

/// The top-down diagram.
#[function_component(Axial)]
pub fn axial(p: &AxialProps) -> Html {
    let s = &p.scene;
    let (vw, vh) = a::VIEW;
    let body = poly(&a::body_outline(64));
    let route = if p.thoracic {
        p.route
    } else {
        Route::Transpedicular
    };
    let path = route.path();
    let u = path.axis;
    let tip = path.tip(s.needle);
    let hub = Pt::new(tip.x - u.x * 190.0, tip.y - u.y * 190.0);
    let needle_visible = s.needle > 0.001;
    let (bc, brx, bry, bang) = path.balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let (cc, crx, cry, cang) = path.cavity(s);
    let cement_y = path.cement_back_y(s);
    let cement_colour = cement_colour(s.cure);
    let entry = path.skin_entry();
    let sides: Vec<bool> = if p.bilateral {
        vec![false, true]
    } else {
        vec![false]
    };
    let pt = |mirror: bool, q: Pt| if mirror { a::mirror(q) } else { q };
    let rot = |mirror: bool, c: Pt, ang: f32| {
        let c = pt(mirror, c);
        let ang = if mirror { 180.0 - ang } else { ang };
        format!("translate({} {}) rotate({})", f(c.x), f(c.y), f(ang))
    };
    let labels = &p.labels;
    html! {
        <svg class="axial-diagram" viewBox={format!("0 0 {} {}", f(vw), f(vh))} role="img" aria-label={p.title.clone()}
             preserveAspectRatio="xMidYMid meet">
            <defs>
                <pattern id="ka-spongy" width="10" height="11" patternUnits="userSpaceOnUse">
                    <rect width="10" height="11" fill="#f2e6ca" />
                    <path d="M1.5 0 C2.4 2.8 0.8 5.5 1.7 8 S1.4 10 1.5 11 M6.5 0 C5.6 2.2 7.4 4.6 6.4 7 S6.8 9.6 6.5 11 M1.9 3.4 C3.4 2.6 4.8 3.4 6.2 2.4 M1.6 8.2 C3 7.6 4.6 8.8 6.4 8.2 M6.6 5.2 C7.8 4.4 9 5.6 10 5 M0 5 C0.6 5.2 1.2 5 1.8 5.4"
                          fill="none" stroke="#cfb788" stroke-width="0.8" stroke-linecap="round" />
                </pattern>
                <linearGradient id="ka-bone" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#f4e8cd" />
                    <stop offset="1" stop-color="#e2cfa6" />
                </linearGradient>
                <clipPath id="ka-cement"><rect x="0" y="0" width={f(vw)} height={f(cement_y.max(0.0))} /></clipPath>
            </defs>
            <rect class="tissue" x="0" y="112" width={f(vw)} height={f(a::SKIN_Y - 112.0)} />
            <rect class="skin-band" x="0" y={f(a::SKIN_Y)} width={f(vw)} height={f(vh - a::SKIN_Y)} />
            <line class="skin" x1="0" y1={f(a::SKIN_Y)} x2={f(vw)} y2={f(a::SKIN_Y)} />

            // The spinal canal with the cord, behind the body and between the pedicles.
            <path class="dura" d={format!("M{} 99 L{} 99 Q{} 112 {} 138 Q{} 140 {} 138 Q{} 112 {} 99 Z",
                f(a::MID_X - 16.0), f(a::MID_X + 16.0), f(a::MID_X + 20.0), f(a::MID_X + 4.0),
                f(a::MID_X), f(a::MID_X - 4.0), f(a::MID_X - 20.0), f(a::MID_X - 16.0))} />
            <ellipse class="cord" cx={f(a::MID_X)} cy="114" rx="10" ry="8.5" />

            // Thoracic levels: a rib joins the side of the body and the tip of each transverse process.
            if p.thoracic {
                { for [false, true].iter().map(|&mirror| {
                    let q = |x: f32, y: f32| pt(mirror, Pt::new(x, y));
                    let (hx, hy) = (route::RIB_HEAD.x, route::RIB_HEAD.y);
                    let (a0, a1, a2, a3) = (q(hx - 2.0, hy - 4.0), q(50.0, 108.0), q(30.0, 132.0), q(2.0, 150.0));
                    let (b0, b1, b2, b3) = (q(2.0, 162.0), q(34.0, 144.0), q(52.0, 124.0), q(hx + 1.0, hy + 6.0));
                    let rib = format!(
                        "M{} {} C{} {} {} {} {} {} L{} {} C{} {} {} {} {} {} Z",
                        f(a0.x), f(a0.y), f(a1.x), f(a1.y), f(a2.x), f(a2.y), f(a3.x), f(a3.y),
                        f(b0.x), f(b0.y), f(b1.x), f(b1.y), f(b2.x), f(b2.y), f(b3.x), f(b3.y)
                    );
                    let head = q(hx, hy);
                    html! {
                        <g class="rib">
                            <path class="bone cortex" d={rib} fill="url(#ka-bone)" />
                            <circle class="bone cortex" cx={f(head.x)} cy={f(head.y)} r={f(route::RIB_HEAD_R)} fill="url(#ka-bone)" />
                        </g>
                    }
                }) }
            }

            // Back parts: transverse processes, laminae, joint processes, pedicles, spinous process.
            { side_bones(false) }
            { side_bones(true) }
            <path class="bone cortex" fill="url(#ka-bone)"
                  d={format!("M{} 144 L{} 144 L{} 196 Q{} 202 {} 196 Z",
                      f(a::MID_X - 7.0), f(a::MID_X + 7.0), f(a::MID_X + 4.0), f(a::MID_X), f(a::MID_X - 4.0))} />

            // The vertebral body.
            <path class="body-fill" d={body.clone()} fill="url(#ka-spongy)" />
            <path class="cortex" d={body} fill="none" />

            // Cavities, cement, balloons (one per side used).
            { for sides.iter().map(|&mirror| html! {
                <g class="treated-side">
                    if s.cavity > 0.001 {
                        <g transform={rot(mirror, cc, cang)}>
                            <ellipse class="packed-rim" rx={f(crx + 2.5)} ry={f(cry + 2.5)} />
                            <ellipse class="cavity" rx={f(crx)} ry={f(cry)} />
                        </g>
                    }
                    if s.cement > 0.001 {
                        <g clip-path="url(#ka-cement)">
                            <ellipse class="cement" transform={rot(mirror, cc, cang)} rx={f(crx)} ry={f(cry)} fill={cement_colour.clone()} />
                        </g>
                    }
                    if needle_visible {
                        <g class="needle">
                            <line class="needle-shaft" x1={f(pt(mirror, tip).x)} y1={f(tip.y)} x2={f(pt(mirror, hub).x)} y2={f(hub.y)} />
                            <line class="needle-bore" x1={f(pt(mirror, tip).x)} y1={f(tip.y)} x2={f(pt(mirror, hub).x)} y2={f(hub.y)} />
                        </g>
                    }
                    if balloon_visible {
                        <g transform={rot(mirror, bc, bang)}>
                            <ellipse class="balloon" rx={f(brx)} ry={f(bry)} />
                            <line class="marker" x1={f(-brx * 0.78)} y1="-2" x2={f(-brx * 0.78)} y2="2" />
                            <line class="marker" x1={f(brx * 0.78)} y1="-2" x2={f(brx * 0.78)} y2="2" />
                        </g>
                    }
                    <rect class="bandage" x={f(pt(mirror, entry).x - 9.0)} y={f(a::SKIN_Y - 2.0)} width="18" height="6" rx="2.5"
                          opacity={f(s.bandage)} />
                </g>
            }) }

            <g class="orientation">
                <text class="orient-text halo" x={f(vw / 2.0)} y="14" text-anchor="middle">{ format!("\u{2191} {}", p.front) }</text>
                <text class="orient-text halo" x={f(vw / 2.0)} y={f(a::SKIN_Y - 6.0)} text-anchor="middle">{ format!("{} \u{2193}", p.back) }</text>
            </g>
            if p.show_labels {
                <g class="labels">
                    { label(vw - 4.0, 40.0, Pt::new(a::MID_X + 34.0, 48.0), &labels.vertebra, "end") }
                    { label(vw - 4.0, 104.0, Pt::new(a::MID_X + 8.0, 112.0), &labels.nerves, "end") }
                    { label(4.0, 104.0, Pt::new(a::PEDICLE_BACK.x + 2.0, 116.0), &labels.pedicle, "start") }
                    if needle_visible {
                        { label(4.0, 186.0, tip.towards(hub, 0.42), &labels.needle, "start") }
                    }
                    if balloon_visible && s.balloon_size > 0.2 {
                        { label(4.0, 30.0, Pt::new(bc.x - 4.0, bc.y - 4.0), &labels.balloon, "start") }
                    } else if s.cement > 0.2 {
                        { label(4.0, 30.0, Pt::new(cc.x - 4.0, cc.y - 4.0), &labels.cement, "start") }
                    }
                </g>
            }
        </svg>
    }
}
