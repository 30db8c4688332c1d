//! The side-view diagram: three vertebrae with discs, the middle one fractured, and the
//! instruments, drawn from a [`Scene`]. Coordinates are documented in [`crate::model::geometry`].

use crate::content::Labels;
use crate::model::geometry::{self as g, Pt};
use crate::model::scene::Scene;
use yew::prelude::*;

/// Props of [`Diagram`].
#[derive(Properties, PartialEq, Clone)]
pub struct DiagramProps {
    /// What to draw.
    pub scene: Scene,
    /// Names of the parts.
    pub labels: Labels,
    /// "Front of body" / "Back" markers.
    pub front: AttrValue,
    /// See [`DiagramProps::front`].
    pub back: AttrValue,
    /// Show labels with leader lines.
    pub show_labels: bool,
    /// Short title of the picture (the step's title).
    pub title: AttrValue,
    /// What the picture shows, in words.
    pub description: AttrValue,
}

fn f(v: f32) -> String {
    format!("{v:.1}")
}

/// Outline of a vertebral body: slightly waisted front wall and slightly concave endplates.
/// `top_front` may be lower than `top_back` (a wedge fracture).
fn body_path(top_front: f32, top_back: f32, bottom: f32) -> String {
    let (x0, x1) = (g::BODY_FRONT, g::BODY_BACK);
    let mid_y = (top_front + bottom) / 2.0;
    let mid_top = (top_front + top_back) / 2.0;
    format!(
        "M{x0} {tf} Q{mx} {mt} {x1} {tb} L{x1} {b} Q{mx} {mb} {x0} {b} Q{xw} {my} {x0} {tf} Z",
        x0 = f(x0 + 1.0),
        x1 = f(x1),
        tf = f(top_front),
        tb = f(top_back),
        b = f(bottom),
        mx = f((x0 + x1) / 2.0),
        mt = f(mid_top + 1.6),
        mb = f(bottom - 1.6),
        xw = f(x0 + 3.5),
        my = f(mid_y),
    )
}

/// The back parts of a vertebra whose body top (at the back wall) is at `top`: pedicle, lamina with
/// the joint processes, and the spinous process pointing back and down.
fn posterior(top: f32, id: &str) -> Html {
    let pedicle = format!(
        "M{b} {t1} C{p1} {t1} {p2} {t0} {lam} {t0} L{lam} {u1} C{p2} {u1} {p1} {u0} {b} {u0} Z",
        b = f(g::BODY_BACK - 1.0),
        t1 = f(top + 2.0),
        t0 = f(top + 4.0),
        p1 = f(g::BODY_BACK + 10.0),
        p2 = f(g::PEDICLE_BACK - 10.0),
        lam = f(g::PEDICLE_BACK + 2.0),
        u1 = f(top + 24.0),
        u0 = f(top + 26.0),
    );
    let lamina = format!(
        "M{a} {t_up} L{c} {t_up2} L{d} {t_mid} L{e} {s0} L{sp1} {s1} L{sp2} {s2} L{sp3} {s3} L{e2} {s4} L{d2} {t_low} L{c2} {t_low2} L{a2} {t_low3} L{a3} {t_in} Z",
        a = f(g::PEDICLE_BACK - 2.0),
        t_up = f(top - 7.0),
        c = f(g::PEDICLE_BACK + 6.0),
        t_up2 = f(top - 9.0),
        d = f(g::PEDICLE_BACK + 12.0),
        t_mid = f(top + 4.0),
        e = f(g::PEDICLE_BACK + 16.0),
        s0 = f(top + 10.0),
        sp1 = f(g::PEDICLE_BACK + 56.0),
        s1 = f(top + 26.0),
        sp2 = f(g::PEDICLE_BACK + 60.0),
        s2 = f(top + 34.0),
        sp3 = f(g::PEDICLE_BACK + 52.0),
        s3 = f(top + 38.0),
        e2 = f(g::PEDICLE_BACK + 16.0),
        s4 = f(top + 34.0),
        d2 = f(g::PEDICLE_BACK + 12.0),
        t_low = f(top + 44.0),
        c2 = f(g::PEDICLE_BACK + 8.0),
        t_low2 = f(top + 50.0),
        a2 = f(g::PEDICLE_BACK + 1.0),
        t_low3 = f(top + 47.0),
        a3 = f(g::PEDICLE_BACK - 1.0),
        t_in = f(top + 30.0),
    );
    html! {
        <g class="posterior" data-part={id.to_string()}>
            <ellipse class="transverse" cx={f(g::PEDICLE_BACK - 4.0)} cy={f(top + 13.0)} rx="13" ry="7.5" />
            <path class="bone cortex" d={pedicle} fill="url(#k-bone)" />
            <path class="bone cortex" d={lamina} fill="url(#k-bone)" />
        </g>
    }
}

fn disc(top: f32) -> Html {
    let (x0, x1) = (g::BODY_FRONT + 1.0, g::BODY_BACK - 0.5);
    let b = top + g::DISC_HEIGHT;
    let d = format!(
        "M{x0} {t} Q{mx} {t2} {x1} {t} L{x1b} {b} Q{mx} {b2} {x0} {b} Q{xl} {m} {x0} {t} Z",
        x0 = f(x0),
        x1 = f(x1),
        x1b = f(x1),
        t = f(top),
        t2 = f(top + 1.6),
        b = f(b),
        b2 = f(b - 1.6),
        mx = f((x0 + x1) / 2.0),
        xl = f(x0 - 3.0),
        m = f(top + g::DISC_HEIGHT / 2.0),
    );
    html! {
        <g class="disc">
            <path class="disc-annulus" d={d} />
            <ellipse class="disc-nucleus" cx={f((x0 + x1) / 2.0 + 4.0)} cy={f(top + g::DISC_HEIGHT / 2.0)} rx="14" ry="4.5" />
        </g>
    }
}

/// A healthy vertebra (body and back parts) whose body top is at `top`.
fn vertebra(top: f32, id: &str) -> Html {
    let d = body_path(top, top, top + g::BODY_HEIGHT);
    html! {
        <g class="vertebra">
            { posterior(top, id) }
            <path class="body-fill" d={d.clone()} fill="url(#k-spongy)" />
            <path class="body-shade" d={d.clone()} fill="url(#k-shade)" />
            <path class="cortex" d={d} fill="none" />
        </g>
    }
}

/// Mixes two `#rrggbb` colours.
fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> String {
    let t = t.clamp(0.0, 1.0);
    let c = |i: usize| (a[i] as f32 + (b[i] as f32 - a[i] as f32) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", c(0), c(1), c(2))
}

fn label(x: f32, y: f32, to: Pt, text: &str, anchor: &'static str) -> Html {
    html! {
        <g class="label">
            <line class="leader" x1={f(x)} y1={f(y - 3.0)} x2={f(to.x)} y2={f(to.y)} />
            <circle class="leader-dot" cx={f(to.x)} cy={f(to.y)} r="1.3" />
            <text class="label-text" x={f(x)} y={f(y)} text-anchor={anchor}>{ text.to_string() }</text>
        </g>
    }
}

/// The side-view diagram.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let s = &props.scene;
    let (vw, vh) = g::VIEW;
    let top_mid = g::MID_TOP;
    let upper_top = top_mid - g::DISC_HEIGHT - g::BODY_HEIGHT;
    let lower_top = g::MID_BOTTOM + g::DISC_HEIGHT;
    let front_top = g::top_endplate_y(s, g::BODY_FRONT);
    let mid_body = body_path(front_top, top_mid, g::MID_BOTTOM);
    let tilt = g::tilt_above_deg(s);
    let tilt_transform = format!("rotate({} {} {})", f(-tilt), f(g::BODY_BACK), f(top_mid));

    // Needle: tip, direction back to the handle.
    let u = g::needle_axis();
    let tip = g::needle_tip(s.needle);
    let shaft_len = 150.0;
    let hub = Pt::new(tip.x - u.x * shaft_len, tip.y - u.y * shaft_len);
    let angle = u.y.atan2(u.x).to_degrees();
    let needle_visible = s.needle > 0.001;

    let balloon = g::balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let cavity = g::cavity(s);
    let cement_x = g::cement_front_x(s);
    let cement_colour = mix([0xb5, 0xd3, 0xdc], [0xfb, 0xfa, 0xf4], s.cure);
    let cement_edge = mix([0x5f, 0x8f, 0x9c], [0x9a, 0x93, 0x80], s.cure);
    let entry = g::skin_entry();

    let labels = &props.labels;
    let show = props.show_labels;

    html! {
        <svg class="diagram" viewBox={format!("0 0 {vw} {vh}")} role="img"
             aria-labelledby="k-svg-title k-svg-desc" preserveAspectRatio="xMidYMid meet">
            <title id="k-svg-title">{ props.title.clone() }</title>
            <desc id="k-svg-desc">{ props.description.clone() }</desc>
            <defs>
                <pattern id="k-spongy" width="9" height="9" patternUnits="userSpaceOnUse">
                    <rect width="9" height="9" fill="#f1e4c6" />
                    <path d="M0 2.2 L3 1.4 L4.6 4.2 L2.2 6.4 L0 5.6 M4.6 4.2 L8.2 3.6 L9 2.2 M8.2 3.6 L7.6 7.4 L9 8.2 M7.6 7.4 L4.2 8.4 L2.2 6.4 M3 1.4 L3.6 0 M4.2 8.4 L4 9"
                          fill="none" stroke="#cdb68a" stroke-width="0.75" stroke-linejoin="round" />
                </pattern>
                <linearGradient id="k-shade" x1="0" y1="0" x2="1" y2="0">
                    <stop offset="0" stop-color="#7a5a2c" stop-opacity="0.16" />
                    <stop offset="0.35" stop-color="#ffffff" stop-opacity="0.10" />
                    <stop offset="1" stop-color="#7a5a2c" stop-opacity="0.14" />
                </linearGradient>
                <linearGradient id="k-bone" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#f4e8cd" />
                    <stop offset="1" stop-color="#e2cfa6" />
                </linearGradient>
                <linearGradient id="k-metal" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#d7dde3" />
                    <stop offset="0.5" stop-color="#8a96a3" />
                    <stop offset="1" stop-color="#5d6976" />
                </linearGradient>
                <radialGradient id="k-pain">
                    <stop offset="0" stop-color="#d9443a" stop-opacity="0.55" />
                    <stop offset="1" stop-color="#d9443a" stop-opacity="0" />
                </radialGradient>
                <linearGradient id="k-beam" x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#5fb4e6" stop-opacity="0" />
                    <stop offset="0.5" stop-color="#5fb4e6" stop-opacity="0.22" />
                    <stop offset="1" stop-color="#5fb4e6" stop-opacity="0" />
                </linearGradient>
                <clipPath id="k-mid-body"><path d={mid_body.clone()} /></clipPath>
                <clipPath id="k-cavity">
                    <ellipse cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx.max(0.01))} ry={f(cavity.ry.max(0.01))} />
                </clipPath>
            </defs>

            // Soft tissue of the back and the skin.
            <rect class="tissue" x={f(g::PEDICLE_BACK - 6.0)} y="0" width={f(g::SKIN_X - g::PEDICLE_BACK + 6.0)} height={f(vh)} />
            <path class="skin" d={format!("M{x} 0 Q{x2} {m} {x} {h}", x = f(g::SKIN_X), x2 = f(g::SKIN_X + 4.0), m = f(vh / 2.0), h = f(vh))} />

            // Spinal canal: the cord (or nerve roots), behind the bodies.
            <rect class="dura" x={f(g::BODY_BACK + 3.0)} y="0" width="22" height={f(vh)} rx="6" />
            <rect class="cord" x={f(g::BODY_BACK + 7.0)} y="0" width="14" height={f(vh)} rx="6" />

            // Lower vertebra, disc below the fracture.
            { disc(g::MID_BOTTOM) }
            { vertebra(lower_top, "lower") }
            { disc(lower_top + g::BODY_HEIGHT) }

            // The fractured middle vertebra.
            <g class="vertebra fractured">
                { posterior(top_mid, "middle") }
                <path class="body-fill" d={mid_body.clone()} fill="url(#k-spongy)" />
                <g clip-path="url(#k-mid-body)">
                    <path class="crush" opacity={f(s.collapse * (1.0 - s.cavity))}
                          d={format!("M{} {} l8 5 l6 -3 l9 6 l7 -2 l8 5", f(g::BODY_FRONT), f(front_top + 5.0))} />
                    <path class="crush" opacity={f(s.collapse * (1.0 - s.cement))}
                          d={format!("M{} {} l6 3 l-2 7 l5 6", f(g::BODY_FRONT + 10.0), f(front_top + 3.0))} />
                    if s.cavity > 0.001 {
                        <ellipse class="packed-rim" cx={f(cavity.c.x)} cy={f(cavity.c.y)}
                                 rx={f(cavity.rx + 3.0)} ry={f(cavity.ry + 3.0)} />
                        <ellipse class="cavity" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx)} ry={f(cavity.ry)} />
                    }
                    if s.cement > 0.001 {
                        <g clip-path="url(#k-cavity)">
                            <rect x={f(cavity.c.x - cavity.rx - 3.0)} y={f(cavity.c.y - cavity.ry - 3.0)}
                                  width={f((cement_x - (cavity.c.x - cavity.rx - 3.0)).max(0.0))}
                                  height={f(cavity.ry * 2.0 + 6.0)} fill={cement_colour.clone()} />
                        </g>
                        <ellipse class="cement-edge" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx)} ry={f(cavity.ry)}
                                 stroke={cement_edge} opacity={f((s.cement * 3.0).min(1.0))} />
                    }
                </g>
                <path class="body-shade" d={mid_body.clone()} fill="url(#k-shade)" />
                <path class="cortex" d={mid_body} fill="none" />
                <circle class="pain" cx={f(g::BODY_FRONT + 16.0)} cy={f(front_top + 14.0)} r="34"
                        fill="url(#k-pain)" opacity={f(s.pain)} />
            </g>

            // Upper vertebra and the disc under it tip forward with the wedge.
            <g class="above" transform={tilt_transform}>
                { disc(top_mid - g::DISC_HEIGHT) }
                { vertebra(upper_top, "upper") }
                { disc(upper_top - g::DISC_HEIGHT) }
            </g>

            // Live X-ray beam (getting ready and during the procedure).
            <rect class="beam" x="0" y={f(top_mid - 30.0)} width={f(vw)} height="110" fill="url(#k-beam)"
                  opacity={f(s.prep)} />

            // The balloon and its catheter.
            if balloon_visible {
                <line class="catheter" x1={f(tip.x)} y1={f(tip.y)} x2={f(balloon.c.x)} y2={f(balloon.c.y)} />
                <ellipse class="balloon"
                         cx={f(balloon.c.x)} cy={f(balloon.c.y)} rx={f(balloon.rx)} ry={f(balloon.ry)}
                         transform={format!("rotate({} {} {})", f(balloon.angle_deg), f(balloon.c.x), f(balloon.c.y))} />
                <ellipse class="balloon-sheen"
                         cx={f(balloon.c.x - balloon.rx * 0.25)} cy={f(balloon.c.y - balloon.ry * 0.35)}
                         rx={f(balloon.rx * 0.45)} ry={f(balloon.ry * 0.3)}
                         transform={format!("rotate({} {} {})", f(balloon.angle_deg), f(balloon.c.x), f(balloon.c.y))} />
            }

            // The hollow needle (working cannula) with its handle outside the skin.
            if needle_visible {
                <g class="needle">
                    <line class="needle-shaft" x1={f(tip.x)} y1={f(tip.y)} x2={f(hub.x)} y2={f(hub.y)} />
                    <line class="needle-bore" x1={f(tip.x - u.x * 3.0)} y1={f(tip.y - u.y * 3.0)} x2={f(hub.x)} y2={f(hub.y)} />
                    <rect class="needle-handle" fill="url(#k-metal)" x={f(hub.x - 2.0)} y={f(hub.y - 7.0)} width="16" height="14" rx="3"
                          transform={format!("rotate({} {} {})", f(angle), f(hub.x), f(hub.y))} />
                </g>
            }

            // Small bandage over the needle site.
            <rect class="bandage" x={f(g::SKIN_X - 1.0)} y={f(entry.y - 11.0)} width="7" height="22" rx="2.5"
                  opacity={f(s.bandage)} />

            // Front / back markers.
            <g class="orientation">
                <text class="orient-text" x="4" y={f(vh - 5.0)} text-anchor="start">{ format!("\u{2190} {}", props.front) }</text>
                <text class="orient-text" x={f(vw - 4.0)} y={f(vh - 5.0)} text-anchor="end">{ format!("{} \u{2192}", props.back) }</text>
            </g>

            if show {
                <g class="labels">
                    { label(4.0, 36.0, Pt::new(g::BODY_FRONT + 14.0, 48.0), &labels.vertebra, "start") }
                    { label(4.0, 84.0, Pt::new(g::BODY_FRONT + 10.0, top_mid - 8.0), &labels.disc, "start") }
                    { label(4.0, 196.0, Pt::new(g::BODY_FRONT + 12.0, g::MID_BOTTOM - 10.0), &labels.fracture, "start") }
                    { label(g::SKIN_X - 4.0, 14.0, Pt::new(g::BODY_BACK + 14.0, 30.0), &labels.nerves, "end") }
                    if needle_visible {
                        { label(g::SKIN_X - 4.0, 178.0, tip.towards(hub, 0.45), &labels.needle, "end") }
                    }
                    if balloon_visible && s.balloon_size > 0.2 {
                        { label(4.0, 214.0, Pt::new(balloon.c.x - 6.0, balloon.c.y + balloon.ry * 0.6), &labels.balloon, "start") }
                    } else if s.cement > 0.2 {
                        { label(4.0, 214.0, Pt::new(cavity.c.x - 6.0, cavity.c.y + cavity.ry * 0.5), &labels.cement, "start") }
                    } else if s.cavity > 0.5 {
                        { label(4.0, 214.0, Pt::new(cavity.c.x - 6.0, cavity.c.y + cavity.ry * 0.5), &labels.cavity, "start") }
                    }
                    if s.bandage > 0.5 {
                        { label(g::SKIN_X - 4.0, entry.y - 22.0, Pt::new(g::SKIN_X + 2.0, entry.y - 10.0), &labels.bandage, "end") }
                    } else if s.prep > 0.5 && !needle_visible {
                        { label(g::SKIN_X - 4.0, top_mid - 36.0, Pt::new(g::SKIN_X - 30.0, top_mid - 12.0), &labels.xray, "end") }
                    }
                </g>
            }
        </svg>
    }
}
