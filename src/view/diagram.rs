//! The side-view diagram: three vertebrae with discs, the middle one fractured, and the
//! instruments, drawn from a [`Scene`]. Coordinates are documented in [`crate::model::geometry`].

use super::svg::{cement_colour, f, label, mix};
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
    /// The spine levels drawn, top to bottom (the middle one is treated), e.g. T12, L1, L2.
    #[prop_or_else(|| ["T12".into(), "L1".into(), "L2".into()])]
    pub levels: [String; 3],
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
    /// Put before every id inside the drawing, so that several drawings can share one shadow root
    /// (the printed handout's stills). Empty for the main drawing.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// Drawn last, over the picture, in the view box's units: the hook for marks made on the
    /// diagram (e.g. a physician's strokes for a step), used by the handout's stills.
    #[prop_or_default]
    pub overlay: Html,
}

/// Outline of a vertebral body: slightly waisted front wall and slightly concave endplates.
/// `top_front` may be lower than `top_back` (a wedge fracture).
pub(crate) fn body_path(top_front: f32, top_back: f32, bottom: f32) -> String {
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

/// The back parts of a vertebra whose body top (at the back wall) is at `top`, as seen from the
/// side: the pedicle, the joint (articular) processes above and below, the spinous process
/// pointing back and a little down, and the transverse process seen end-on over the pedicle.
fn posterior(top: f32, id: &str, p_id: &str) -> Html {
    let x0 = g::BODY_BACK;
    let p = |dx: f32, dy: f32| format!("{} {}", f(x0 + dx), f(top + dy));
    // One outline, clockwise from the top of the pedicle where it leaves the body.
    let outline = format!(
        "M{} C{} {} {} C{} {} {} C{} {} {} C{} {} {} L{} C{} {} {} C{} {} {} L{} C{} {} {} C{} {} {} C{} {} {} C{} {} {} C{} {} {} Z",
        p(-1.5, 3.0),
        p(8.0, 1.0), p(16.0, 1.5), p(22.0, -1.0),
        p(24.0, -5.0), p(27.0, -11.0), p(32.0, -11.0),
        p(37.0, -10.0), p(37.0, -2.0), p(40.0, 3.0),
        p(50.0, 6.0), p(70.0, 8.0), p(86.0, 12.0),
        p(89.0, 13.5),
        p(94.0, 16.0), p(94.0, 30.0), p(89.0, 33.0),
        p(84.0, 35.0), p(66.0, 33.0), p(50.0, 33.0),
        p(49.0, 40.0),
        p(48.0, 46.0), p(47.0, 55.0), p(42.0, 57.0),
        p(37.0, 58.0), p(35.0, 51.0), p(35.0, 44.0),
        p(34.0, 38.0), p(31.0, 30.0), p(27.0, 25.0),
        p(20.0, 19.0), p(12.0, 19.0), p(6.0, 22.0),
        p(3.0, 24.0), p(0.0, 25.0), p(-1.5, 25.0),
    );
    let nerve = format!(
        "M{} C{} {} {}",
        p(12.0, 24.0),
        p(13.0, 34.0),
        p(8.0, 42.0),
        p(4.0, 50.0),
    );
    html! {
        <g class="posterior" data-part={id.to_string()}>
            <path class="nerve-root" d={nerve} />
            <path class="bone cortex" d={outline} fill={format!("url(#{p_id}k-bone)")} />
            <path class="facet-line" d={format!("M{} C{} {} {}", p(36.5, 56.0), p(35.5, 60.0), p(35.5, 63.0), p(37.0, 66.0))} />
            <ellipse class="transverse" cx={f(x0 + 22.0)} cy={f(top + 10.0)} rx="9" ry="6.5" />
        </g>
    }
}

pub(crate) fn disc(top: f32) -> Html {
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

/// The spine level's name (e.g. "L1") in the lower back corner of a body whose bottom is `bottom`.
fn level(bottom: f32, name: &str) -> Html {
    html! {
        <text class="level-text halo" x={f(g::BODY_BACK - 4.0)} y={f(bottom - 4.0)} text-anchor="end">{ name.to_string() }</text>
    }
}

/// A healthy vertebra (body and back parts) whose body top is at `top`.
fn vertebra(top: f32, id: &str, name: &str, p_id: &str) -> Html {
    let d = body_path(top, top, top + g::BODY_HEIGHT);
    html! {
        <g class="vertebra">
            { posterior(top, id, p_id) }
            <path class="body-fill" d={d.clone()} fill={format!("url(#{p_id}k-spongy)")} />
            <path class="body-shade" d={d.clone()} fill={format!("url(#{p_id}k-shade)")} />
            <path class="cortex" d={d} fill="none" />
            { level(top + g::BODY_HEIGHT, name) }
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
    // The handle stays outside the skin: the shaft is as long as the path from skin to target.
    let shaft_len = g::skin_entry().dist(g::needle_target()) + 6.0;
    let hub = Pt::new(tip.x - u.x * shaft_len, tip.y - u.y * shaft_len);
    let angle = u.y.atan2(u.x).to_degrees();
    let needle_visible = s.needle > 0.001;

    let balloon = g::balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let cavity = g::cavity(s);
    let cement_x = g::cement_front_x(s);
    let cement_colour = cement_colour(s.cure);
    let cement_edge = mix([0x5f, 0x8f, 0x9c], [0x7d, 0x75, 0x63], s.cure);
    let entry = g::skin_entry();

    let labels = &props.labels;
    let show = props.show_labels;
    let p_id = props.id_prefix.as_str();
    let id = |name: &str| format!("{p_id}{name}");
    let url = |name: &str| format!("url(#{p_id}{name})");

    html! {
        <svg class="diagram" viewBox={format!("0 0 {} {}", f(vw), f(vh))} role="img"
             aria-labelledby={id("k-svg-title")} aria-describedby={id("k-svg-desc")} preserveAspectRatio="xMidYMid meet">
            <title id={id("k-svg-title")}>{ props.title.clone() }</title>
            <desc id={id("k-svg-desc")}>{ props.description.clone() }</desc>
            <defs>
                <pattern id={id("k-spongy")} width="10" height="11" patternUnits="userSpaceOnUse">
                    <rect width="10" height="11" fill="#f2e6ca" />
                    <path d="M1.5 0 C2.4 2.8 0.8 5.5 1.7 8 S1.4 10 1.5 11 M6.5 0 C5.6 2.2 7.4 4.6 6.4 7 S6.8 9.6 6.5 11 M1.9 3.4 C3.4 2.6 4.8 3.4 6.2 2.4 M1.6 8.2 C3 7.6 4.6 8.8 6.4 8.2 M6.6 5.2 C7.8 4.4 9 5.6 10 5 M0 5 C0.6 5.2 1.2 5 1.8 5.4"
                          fill="none" stroke="#cfb788" stroke-width="0.8" stroke-linecap="round" />
                </pattern>
                <linearGradient id={id("k-shade")} x1="0" y1="0" x2="1" y2="0">
                    <stop offset="0" stop-color="#7a5a2c" stop-opacity="0.16" />
                    <stop offset="0.35" stop-color="#ffffff" stop-opacity="0.10" />
                    <stop offset="1" stop-color="#7a5a2c" stop-opacity="0.14" />
                </linearGradient>
                <linearGradient id={id("k-bone")} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#f4e8cd" />
                    <stop offset="1" stop-color="#e2cfa6" />
                </linearGradient>
                <linearGradient id={id("k-metal")} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#d7dde3" />
                    <stop offset="0.5" stop-color="#8a96a3" />
                    <stop offset="1" stop-color="#5d6976" />
                </linearGradient>
                <radialGradient id={id("k-pain")}>
                    <stop offset="0" stop-color="#d9443a" stop-opacity="0.55" />
                    <stop offset="1" stop-color="#d9443a" stop-opacity="0" />
                </radialGradient>
                                <clipPath id={id("k-mid-body")}><path d={mid_body.clone()} /></clipPath>
                <clipPath id={id("k-cavity")}>
                    <ellipse cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx.max(0.01))} ry={f(cavity.ry.max(0.01))} />
                </clipPath>
            </defs>

            // Soft tissue of the back and the skin.
            <rect class="tissue" x={f(g::BODY_BACK + 28.0)} y="0" width={f(g::SKIN_X - g::BODY_BACK - 28.0)} height={f(vh)} />
            <rect class="skin-band" x={f(g::SKIN_X - 2.0)} y="0" width={f(vw - g::SKIN_X + 2.0)} height={f(vh)} />
            <path class="skin" d={format!("M{x} 0 Q{x2} {m} {x} {h}", x = f(g::SKIN_X), x2 = f(g::SKIN_X + 4.0), m = f(vh / 2.0), h = f(vh))} />

            // Spinal canal: the cord (or nerve roots), behind the bodies.
            // The part above the fracture tips forward with the vertebra above.
            <rect class="dura" x={f(g::BODY_BACK + 3.0)} y={f(top_mid - 14.0)} width="24" height={f(vh)} rx="8" />
            // In adults the cord ends near the L1-L2 disc; below it run the nerve roots.
            <path class="cord" d={format!("M{x0} {t} L{x1} {t} L{x1} {c} Q{xm} {e} {x0} {c} Z",
                x0 = f(g::BODY_BACK + 8.0), x1 = f(g::BODY_BACK + 22.0), xm = f(g::BODY_BACK + 15.0),
                t = f(top_mid - 14.0), c = f(g::MID_BOTTOM - 6.0), e = f(g::MID_BOTTOM + 12.0))} />
            { for [10.5, 13.5, 16.5, 19.5].iter().map(|dx| html! {
                <line class="cauda" x1={f(g::BODY_BACK + dx)} y1={f(g::MID_BOTTOM)} x2={f(g::BODY_BACK + dx)} y2={f(vh)} />
            }) }
            <g transform={tilt_transform.clone()}>
                <rect class="dura" x={f(g::BODY_BACK + 3.0)} y="-40" width="24" height={f(top_mid + 46.0)} rx="8" />
                <rect class="cord" x={f(g::BODY_BACK + 8.0)} y="-40" width="14" height={f(top_mid + 46.0)} rx="7" />
            </g>

            // Lower vertebra, disc below the fracture.
            { disc(g::MID_BOTTOM) }
            { vertebra(lower_top, "lower", &props.levels[2], p_id) }
            { disc(lower_top + g::BODY_HEIGHT) }

            // The fractured middle vertebra.
            <g class="vertebra fractured">
                { posterior(top_mid, "middle", p_id) }
                <path class="body-fill" d={mid_body.clone()} fill={url("k-spongy")} />
                <g clip-path={url("k-mid-body")}>
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
                        <g clip-path={url("k-cavity")}>
                            <rect x={f(cavity.c.x - cavity.rx - 3.0)} y={f(cavity.c.y - cavity.ry - 3.0)}
                                  width={f((cement_x - (cavity.c.x - cavity.rx - 3.0)).max(0.0))}
                                  height={f(cavity.ry * 2.0 + 6.0)} class="cement" fill={cement_colour.clone()} />
                        </g>
                        <ellipse class="cement-edge" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx)} ry={f(cavity.ry)}
                                 stroke={cement_edge} opacity={f((s.cement * 3.0).min(1.0))} />
                    }
                </g>
                <path class="body-shade" d={mid_body.clone()} fill={url("k-shade")} />
                <path class="cortex" d={mid_body} fill="none" />
                { level(g::MID_BOTTOM, &props.levels[1]) }
                <circle class="pain" cx={f(g::BODY_FRONT + 16.0)} cy={f(front_top + 14.0)} r="34"
                        fill={url("k-pain")} opacity={f(s.pain)} />
            </g>

            // Upper vertebra and the disc under it tip forward with the wedge.
            <g class="above" transform={tilt_transform}>
                { disc(top_mid - g::DISC_HEIGHT) }
                { vertebra(upper_top, "upper", &props.levels[0], p_id) }
                { disc(upper_top - g::DISC_HEIGHT) }
            </g>

            // Live X-ray: the round field of view of the X-ray machine, centred on the broken bone.
            <g class="xray" opacity={f(s.prep)}>
                <circle class="xray-field" cx={f(g::BODY_FRONT + 44.0)} cy={f(top_mid + 24.0)} r="62" />
            </g>

            // The balloon and its catheter.
            if balloon_visible {
                <line class="catheter" x1={f(tip.x)} y1={f(tip.y)} x2={f(balloon.c.x)} y2={f(balloon.c.y)} />
                <g transform={format!("translate({} {}) rotate({})", f(balloon.c.x), f(balloon.c.y), f(balloon.angle_deg))}>
                    <ellipse class="balloon" rx={f(balloon.rx)} ry={f(balloon.ry)} />
                    <ellipse class="balloon-sheen" cx={f(-balloon.rx * 0.25)} cy={f(-balloon.ry * 0.4)}
                             rx={f(balloon.rx * 0.45)} ry={f(balloon.ry * 0.28)} />
                    // Radiopaque markers at the balloon's two ends.
                    <line class="marker" x1={f(-balloon.rx * 0.78)} y1="-2" x2={f(-balloon.rx * 0.78)} y2="2" />
                    <line class="marker" x1={f(balloon.rx * 0.78)} y1="-2" x2={f(balloon.rx * 0.78)} y2="2" />
                </g>
            }

            // The hollow needle (working cannula) with its handle outside the skin.
            if needle_visible {
                <g class="needle">
                    <line class="needle-shaft" x1={f(tip.x)} y1={f(tip.y)} x2={f(hub.x)} y2={f(hub.y)} />
                    <line class="needle-bore" x1={f(tip.x - u.x * 3.0)} y1={f(tip.y - u.y * 3.0)} x2={f(hub.x)} y2={f(hub.y)} />
                    <rect class="needle-handle" fill={url("k-metal")} x={f(hub.x - 16.0)} y={f(hub.y - 7.0)} width="16" height="14" rx="3"
                          transform={format!("rotate({} {} {})", f(angle), f(hub.x), f(hub.y))} />
                </g>
            }

            // Numbing the skin (getting ready): a fine needle and syringe at the entry point.
            if s.prep > 0.01 && !needle_visible && s.bandage < 0.01 {
                <g class="numbing" opacity={f((s.prep * 2.0).min(1.0))}
                   transform={format!("rotate({} {} {})", f(angle), f(entry.x), f(entry.y))}>
                    <ellipse class="wheal" cx={f(entry.x + 6.0)} cy={f(entry.y)} rx="7" ry="4" />
                    <line class="fine-needle" x1={f(entry.x + 8.0)} y1={f(entry.y)} x2={f(entry.x - 2.0)} y2={f(entry.y)} />
                    <rect class="syringe" x={f(entry.x - 22.0)} y={f(entry.y - 3.5)} width="20" height="7" rx="1.5" />
                </g>
            }

            // Small bandage over the needle site.
            <rect class="bandage" x={f(g::SKIN_X - 1.0)} y={f(entry.y - 11.0)} width="7" height="22" rx="2.5"
                  opacity={f(s.bandage)} />

            // Front / back markers.
            <g class="orientation">
                <text class="orient-text halo" x="4" y={f(vh - 5.0)} text-anchor="start">{ format!("\u{2190} {}", props.front) }</text>
                <text class="orient-text halo" x={f(vw - 4.0)} y={f(vh - 5.0)} text-anchor="end">{ format!("{} \u{2192}", props.back) }</text>
            </g>

            if show {
                <g class="labels">
                    { label(4.0, 44.0, Pt::new(g::BODY_FRONT + 16.0, 50.0), &labels.vertebra, "start") }
                    { label(4.0, 80.0, Pt::new(g::BODY_FRONT + 8.0, top_mid - 6.0), &labels.disc, "start") }
                    { label(4.0, 168.0, Pt::new(g::BODY_FRONT + 7.0, g::MID_BOTTOM - 8.0), &labels.fracture, "start") }
                    { label(g::SKIN_X - 6.0, 14.0, Pt::new(g::BODY_BACK + 15.0, top_mid - 9.0), &labels.nerves, "end") }
                    if needle_visible {
                        { label(g::SKIN_X - 6.0, 186.0, tip.towards(hub, 0.5), &labels.needle, "end") }
                    }
                    if balloon_visible && s.balloon_size > 0.2 {
                        { label(4.0, 206.0, Pt::new(balloon.c.x - 4.0, balloon.c.y + balloon.ry * 0.7), &labels.balloon, "start") }
                    } else if s.cement > 0.2 {
                        { label(4.0, 206.0, Pt::new(cavity.c.x - 4.0, cavity.c.y + cavity.ry * 0.6), &labels.cement, "start") }
                    } else if s.cavity > 0.5 {
                        { label(4.0, 206.0, Pt::new(cavity.c.x - 4.0, cavity.c.y + cavity.ry * 0.6), &labels.cavity, "start") }
                    }
                    if s.bandage > 0.5 {
                        { label(g::SKIN_X - 6.0, entry.y - 24.0, Pt::new(g::SKIN_X + 2.0, entry.y - 10.0), &labels.bandage, "end") }
                    } else if s.prep > 0.5 && !needle_visible {
                        { label(g::SKIN_X - 6.0, 44.0, Pt::new(g::BODY_FRONT + 88.0, top_mid - 20.0), &labels.xray, "end") }
                    }
                </g>
            }
            { props.overlay.clone() }
        </svg>
    }
}
