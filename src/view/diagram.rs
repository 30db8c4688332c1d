//! The side-view diagram: three vertebrae with discs, the middle one fractured, and the
//! instruments, drawn from a [`Scene`]. Coordinates are documented in [`crate::model::geometry`].

use super::svg::{cement_colour, f, label, mix};
use crate::content::Labels;
use crate::model::geometry::{self as g, Pt};
use crate::model::levels::{self as lv, Cord, Frame, NeedlePath};
use crate::model::scene::Scene;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Diagram`].
#[derive(Properties, PartialEq, Clone)]
pub struct DiagramProps {
    /// What to draw.
    pub scene: Scene,
    /// Names of the parts.
    pub labels: Rc<Labels>,
    /// The spine levels drawn, top to bottom (the middle one is treated), e.g. T12, L1, L2.
    #[prop_or_else(|| ["T12".into(), "L1".into(), "L2".into()])]
    pub levels: [String; 3],
    /// Which of the drawn levels are treated (consult mode can treat up to three).
    #[prop_or([false, true, false])]
    pub treated: [bool; 3],
    /// Which drawn level is the chosen one (labels point at it).
    #[prop_or(1)]
    pub chosen: usize,
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
fn posterior(top: f32, id: &str, thoracic: f32, p_id: &str) -> Html {
    let x0 = g::BODY_BACK;
    // One outline, clockwise from the top of the pedicle where it leaves the body; the spinous
    // process is lumbar, thoracic or in between (see `levels::spinous_points`).
    let sp = lv::spinous_points(thoracic);
    let p = |dx: f32, dy: f32| format!("{} {}", f(x0 + dx), f(top + dy));
    let q = |i: usize| p(sp[i].0, sp[i].1);
    let outline = format!(
        "M{} C{} {} {} C{} {} {} C{} {} {} C{} {} {} L{} C{} {} {} C{} {} {} L{} C{} {} {} C{} {} {} C{} {} {} C{} {} {} C{} {} {} Z",
        p(-1.5, 3.0),
        p(8.0, 1.0), p(16.0, 1.5), p(22.0, -1.0),
        p(24.0, -5.0), p(27.0, -11.0), p(32.0, -11.0),
        p(37.0, -10.0), p(37.0, -2.0), p(40.0, 3.0),
        q(0), q(1), q(2),
        q(3),
        q(4), q(5), q(6),
        q(7), q(8), q(9),
        q(10),
        q(11), q(12), p(42.0, 57.0),
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
fn level(bottom: f32, name: &str, treated: bool) -> Html {
    html! {
        <text class={classes!("level-text", "halo", treated.then_some("is-treated"))} x={f(g::BODY_BACK - 4.0)} y={f(bottom - 4.0)} text-anchor="end">{ name.to_string() }</text>
    }
}

/// The `transform` that puts a vertebra drawn in the middle one's coordinates in its place.
fn place(fr: &Frame) -> String {
    format!(
        "rotate({} {} {}) translate(0 {})",
        f(fr.angle_deg),
        f(fr.pivot.x),
        f(fr.pivot.y),
        f(fr.dy)
    )
}

/// The spinal canal behind one drawn vertebra (in the middle one's coordinates): the dura
/// (`contents` false), or the cord or the nerve roots inside it (`contents` true). `i` is the
/// vertebra's place, top to bottom. Pieces overlap, so the canal stays whole as levels tip.
fn canal(i: usize, cord: Cord, vh: f32, contents: bool) -> Html {
    // Each piece reaches a little past the joints where its neighbours tip (the back corners of
    // the endplates), so the canal stays whole and no straight piece sticks out of a tipped one.
    let top = if i == 0 { -160.0 } else { g::MID_TOP - 8.0 };
    let bottom = if i == 2 {
        vh + 160.0
    } else {
        g::MID_BOTTOM + g::DISC_HEIGHT + 8.0
    };
    let x0 = g::BODY_BACK;
    if !contents {
        return html! {
            <>
                <rect class="dura-fill" x={f(x0 + 3.0)} y={f(top)} width="24" height={f(bottom - top)} />
                <path class="dura-wall" d={format!("M{a} {t} V{b} M{c} {t} V{b}", a = f(x0 + 3.0), c = f(x0 + 27.0), t = f(top), b = f(bottom))} />
            </>
        };
    }
    let roots = |from: f32| -> Html {
        html! {
            { for [10.5, 13.5, 16.5, 19.5].iter().map(|dx| html! {
                <line class="cauda" x1={f(x0 + dx)} y1={f(from)} x2={f(x0 + dx)} y2={f(bottom)} />
            }) }
        }
    };
    let full_cord = html! {
        <rect class="cord" x={f(x0 + 8.0)} y={f(top)} width="14" height={f(bottom - top)} />
    };
    match cord {
        Cord::Through => full_cord,
        Cord::EndsAt(k) if i < k => full_cord,
        // In adults the cord ends near the L1-L2 disc; below it run the nerve roots.
        Cord::EndsAt(k) if i == k => html! {
            <>
                { roots(g::MID_BOTTOM) }
                <path class="cord" d={format!("M{x0} {t} L{x1} {t} L{x1} {c} Q{xm} {e} {x0} {c} Z",
                    x0 = f(x0 + 8.0), x1 = f(x0 + 22.0), xm = f(x0 + 15.0),
                    t = f(top), c = f(g::MID_BOTTOM - 6.0), e = f(g::MID_BOTTOM + 12.0))} />
            </>
        },
        _ => roots(top),
    }
}

/// One drawn vertebra in the middle one's coordinates, with the disc under it: its body (wedged
/// as far as its scene says), the cavity, cement and balloon in it, its back parts, and at
/// thoracic levels the facets where a rib head meets it.
fn level_vertebra(
    s: &Scene,
    i: usize,
    name: &str,
    treated: bool,
    above_thoracic: bool,
    p_id: &str,
) -> Html {
    let id = ["upper", "middle", "lower"][i];
    let top_mid = g::MID_TOP;
    let front_top = g::top_endplate_y(s, g::BODY_FRONT);
    let body = body_path(front_top, top_mid, g::MID_BOTTOM);
    let cavity = g::cavity(s);
    let cement_x = g::cement_front_x(s);
    let cement_colour = cement_colour(s.cure);
    let cement_edge = mix([0x5f, 0x8f, 0x9c], [0x7d, 0x75, 0x63], s.cure);
    let balloon = g::balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let tip = g::needle_tip(s.needle);
    let thoracic = lv::thoracic_shape(name);
    // The middle vertebra keeps the ids it always had; the others are numbered.
    let (body_clip, cavity_clip) = if i == 1 {
        (format!("{p_id}k-mid-body"), format!("{p_id}k-cavity"))
    } else {
        (format!("{p_id}k-body-{i}"), format!("{p_id}k-cavity-{i}"))
    };
    // The rib head: across the disc above at T1–T10 (half on each body), on the body's own upper
    // back corner at T11 and T12.
    let rib_head = if thoracic >= 1.0 && above_thoracic {
        Some(Pt::new(g::BODY_BACK - 5.0, top_mid - g::DISC_HEIGHT / 2.0))
    } else if thoracic > 0.0 {
        Some(Pt::new(g::BODY_BACK - 6.0, top_mid + 8.0))
    } else {
        None
    };
    html! {
        <g class={classes!("vertebra", treated.then_some("fractured"))}>
            <defs>
                <clipPath id={body_clip.clone()}><path d={body.clone()} /></clipPath>
                <clipPath id={cavity_clip.clone()}>
                    <ellipse cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx.max(0.01))} ry={f(cavity.ry.max(0.01))} />
                </clipPath>
            </defs>
            { disc(g::MID_BOTTOM) }
            { posterior(top_mid, id, thoracic, p_id) }
            <path class="body-fill" d={body.clone()} fill={format!("url(#{p_id}k-spongy)")} />
            if treated {
                <g clip-path={format!("url(#{body_clip})")}>
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
                        <g clip-path={format!("url(#{cavity_clip})")}>
                            <rect x={f(cavity.c.x - cavity.rx - 3.0)} y={f(cavity.c.y - cavity.ry - 3.0)}
                                  width={f((cement_x - (cavity.c.x - cavity.rx - 3.0)).max(0.0))}
                                  height={f(cavity.ry * 2.0 + 6.0)} class="cement" fill={cement_colour} />
                        </g>
                        <ellipse class="cement-edge" cx={f(cavity.c.x)} cy={f(cavity.c.y)} rx={f(cavity.rx)} ry={f(cavity.ry)}
                                 stroke={cement_edge} opacity={f((s.cement * 3.0).min(1.0))} />
                    }
                </g>
            }
            <path class="body-shade" d={body.clone()} fill={format!("url(#{p_id}k-shade)")} />
            <path class="cortex" d={body} fill="none" />
            if let Some(c) = rib_head {
                // The rib head lies beside the body, so in this view it overlaps the body's back.
                <g class="rib-hint">
                    <circle class="rib-head" cx={f(c.x)} cy={f(c.y)} r="7.5" />
                    <ellipse class="rib-facet" cx={f(g::BODY_BACK - 5.0)} cy={f(top_mid + 3.5)} rx="4.5" ry="2.6" />
                    if thoracic >= 1.0 {
                        <ellipse class="rib-facet" cx={f(g::BODY_BACK - 5.0)} cy={f(g::MID_BOTTOM - 3.5)} rx="4.5" ry="2.6" />
                    }
                </g>
            }
            { level(g::MID_BOTTOM, name, treated) }
            if treated {
                <circle class="pain" cx={f(g::BODY_FRONT + 16.0)} cy={f(front_top + 14.0)} r="34"
                        fill={format!("url(#{p_id}k-pain)")} opacity={f(s.pain)} />
            }
            if treated && balloon_visible {
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
        </g>
    }
}

/// The side-view diagram.
#[function_component(Diagram)]
pub fn diagram(props: &DiagramProps) -> Html {
    let s = &props.scene;
    let (vw, vh) = g::VIEW;
    let top_mid = g::MID_TOP;
    let treated = props.treated;
    let scenes = [0, 1, 2].map(|i| lv::level_scene(s, treated[i]));
    let frames = lv::frames(&scenes);
    let chosen = props.chosen.min(2);
    let cf = frames[chosen];
    let cord = lv::cord(&props.levels);
    let thoracic = props.levels.each_ref().map(|n| lv::thoracic_shape(n) > 0.0);
    // The vertebra above the top one drawn is thoracic when the top one is (T5's is T4).
    let above_thoracic = [thoracic[0], thoracic[0], thoracic[1]];
    // The disc above the top vertebra tips with that vertebra's own wedge.
    let own_tilt = g::wedge_angle_deg(&scenes[0]);

    // Each treated level's needle, in the picture's coordinates.
    let paths = frames.map(|fr| NeedlePath::for_frame(&fr));
    let needle_visible = s.needle > 0.001;
    let chosen_path = paths[chosen];
    let tip = chosen_path.tip(s.needle);
    let hub = chosen_path.hub(s.needle);
    let balloon = g::balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let cavity = g::cavity(s);
    let entry = chosen_path.entry;
    let treated_paths: Vec<NeedlePath> = (0..3).filter(|i| treated[*i]).map(|i| paths[i]).collect();

    let labels = &props.labels;
    let show = props.show_labels;
    let p_id = props.id_prefix.as_str();

    html! {
        <svg class="diagram" viewBox={format!("0 0 {} {}", f(vw), f(vh))} role="img"
             aria-labelledby={format!("{p_id}k-svg-title")} aria-describedby={format!("{p_id}k-svg-desc")} preserveAspectRatio="xMidYMid meet">
            <title id={format!("{p_id}k-svg-title")}>{ props.title.clone() }</title>
            <desc id={format!("{p_id}k-svg-desc")}>{ props.description.clone() }</desc>
            <defs>
                <pattern id={format!("{p_id}k-spongy")} width="10" height="11" patternUnits="userSpaceOnUse">
                    <rect width="10" height="11" fill="#f2e6ca" />
                    <path d="M1.5 0 C2.4 2.8 0.8 5.5 1.7 8 S1.4 10 1.5 11 M6.5 0 C5.6 2.2 7.4 4.6 6.4 7 S6.8 9.6 6.5 11 M1.9 3.4 C3.4 2.6 4.8 3.4 6.2 2.4 M1.6 8.2 C3 7.6 4.6 8.8 6.4 8.2 M6.6 5.2 C7.8 4.4 9 5.6 10 5 M0 5 C0.6 5.2 1.2 5 1.8 5.4"
                          fill="none" stroke="#cfb788" stroke-width="0.8" stroke-linecap="round" />
                </pattern>
                <linearGradient id={format!("{p_id}k-shade")} x1="0" y1="0" x2="1" y2="0">
                    <stop offset="0" stop-color="#7a5a2c" stop-opacity="0.16" />
                    <stop offset="0.35" stop-color="#ffffff" stop-opacity="0.10" />
                    <stop offset="1" stop-color="#7a5a2c" stop-opacity="0.14" />
                </linearGradient>
                <linearGradient id={format!("{p_id}k-bone")} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#f4e8cd" />
                    <stop offset="1" stop-color="#e2cfa6" />
                </linearGradient>
                <linearGradient id={format!("{p_id}k-metal")} x1="0" y1="0" x2="0" y2="1">
                    <stop offset="0" stop-color="#d7dde3" />
                    <stop offset="0.5" stop-color="#8a96a3" />
                    <stop offset="1" stop-color="#5d6976" />
                </linearGradient>
                <radialGradient id={format!("{p_id}k-pain")}>
                    <stop offset="0" stop-color="#d9443a" stop-opacity="0.55" />
                    <stop offset="1" stop-color="#d9443a" stop-opacity="0" />
                </radialGradient>
            </defs>

            // Soft tissue of the back and the skin.
            <rect class="tissue" x={f(g::BODY_BACK + 28.0)} y="0" width={f(g::SKIN_X - g::BODY_BACK - 28.0)} height={f(vh)} />
            <rect class="skin-band" x={f(g::SKIN_X - 2.0)} y="0" width={f(vw - g::SKIN_X + 2.0)} height={f(vh)} />
            <path class="skin" d={format!("M{x} 0 Q{x2} {m} {x} {h}", x = f(g::SKIN_X), x2 = f(g::SKIN_X + 4.0), m = f(vh / 2.0), h = f(vh))} />

            // Spinal canal: the cord (or nerve roots), behind the bodies, tipping with each level.
            <g class="canal">
                { for [2, 1, 0].into_iter().map(|i| html! {
                    <g transform={place(&frames[i])}>{ canal(i, cord, vh, false) }</g>
                }) }
                { for [2, 1, 0].into_iter().map(|i| html! {
                    <g transform={place(&frames[i])}>{ canal(i, cord, vh, true) }</g>
                }) }
            </g>

            // The vertebrae, bottom to top, each with the disc under it; the top one also with the
            // disc above it, which tips with its own wedge.
            { for [2, 1, 0].into_iter().map(|i| html! {
                <g class={["upper", "middle", "lower"][i]} transform={place(&frames[i])}>
                    { level_vertebra(&scenes[i], i, &props.levels[i], treated[i], above_thoracic[i], p_id) }
                    if i == 0 {
                        <g transform={format!("rotate({} {} {})", f(-own_tilt), f(g::BODY_BACK), f(top_mid))}>
                            { disc(top_mid - g::DISC_HEIGHT) }
                        </g>
                    }
                </g>
            }) }

            // Live X-ray: the round field of view of the X-ray machine, centred on the broken bone.
            <g class="xray" opacity={f(s.prep)}>
                <circle class="xray-field" cx={f(g::BODY_FRONT + 44.0)} cy={f(top_mid + 24.0)} r="62" />
            </g>

            // The hollow needles (working cannulas) with their handles outside the skin.
            if needle_visible {
                { for treated_paths.iter().map(|p| {
                    let (t, h) = (p.tip(s.needle), p.hub(s.needle));
                    let ang = crate::model::math::atan2(p.axis.y, p.axis.x).to_degrees();
                    html! {
                        <g class="needle">
                            <line class="needle-shaft" x1={f(t.x)} y1={f(t.y)} x2={f(h.x)} y2={f(h.y)} />
                            <line class="needle-bore" x1={f(t.x - p.axis.x * 3.0)} y1={f(t.y - p.axis.y * 3.0)} x2={f(h.x)} y2={f(h.y)} />
                            <rect class="needle-handle" fill={format!("url(#{p_id}k-metal)")} x={f(h.x - 16.0)} y={f(h.y - 7.0)} width="16" height="14" rx="3"
                                  transform={format!("rotate({} {} {})", f(ang), f(h.x), f(h.y))} />
                        </g>
                    }
                }) }
            }

            // Numbing the skin (getting ready): a fine needle and syringe at each entry point.
            if s.prep > 0.01 && !needle_visible && s.bandage < 0.01 {
                { for treated_paths.iter().map(|p| {
                    let e = p.entry;
                    let ang = crate::model::math::atan2(p.axis.y, p.axis.x).to_degrees();
                    html! {
                        <g class="numbing" opacity={f((s.prep * 2.0).min(1.0))}
                           transform={format!("rotate({} {} {})", f(ang), f(e.x), f(e.y))}>
                            <ellipse class="wheal" cx={f(e.x + 6.0)} cy={f(e.y)} rx="7" ry="4" />
                            <line class="fine-needle" x1={f(e.x + 8.0)} y1={f(e.y)} x2={f(e.x - 2.0)} y2={f(e.y)} />
                            <rect class="syringe" x={f(e.x - 22.0)} y={f(e.y - 3.5)} width="20" height="7" rx="1.5" />
                        </g>
                    }
                }) }
            }

            // Small bandages over the needle sites.
            { for treated_paths.iter().map(|p| html! {
                <rect class="bandage" x={f(g::SKIN_X - 1.0)} y={f(p.entry.y - 11.0)} width="7" height="22" rx="2.5"
                      opacity={f(s.bandage)} />
            }) }

            // Front / back markers.
            <g class="orientation">
                <text class="orient-text halo" x="4" y={f(vh - 5.0)} text-anchor="start">{ format!("\u{2190} {}", props.front) }</text>
                <text class="orient-text halo" x={f(vw - 4.0)} y={f(vh - 5.0)} text-anchor="end">{ format!("{} \u{2192}", props.back) }</text>
            </g>

            if show {
                <g class="labels">
                    { label(4.0, 44.0, Pt::new(g::BODY_FRONT + 16.0, 50.0), &labels.vertebra, "start") }
                    { label(4.0, 80.0, Pt::new(g::BODY_FRONT + 8.0, top_mid - 6.0), &labels.disc, "start") }
                    { label(4.0, 168.0, cf.apply(Pt::new(g::BODY_FRONT + 7.0, g::MID_BOTTOM - 8.0)), &labels.fracture, "start") }
                    { label(g::SKIN_X - 6.0, 14.0, Pt::new(g::BODY_BACK + 15.0, top_mid - 9.0), &labels.nerves, "end") }
                    if needle_visible {
                        { label(g::SKIN_X - 6.0, 186.0, tip.towards(hub, 0.5), &labels.needle, "end") }
                    }
                    if balloon_visible && s.balloon_size > 0.2 {
                        { label(4.0, 206.0, cf.apply(Pt::new(balloon.c.x - 4.0, balloon.c.y + balloon.ry * 0.7)), &labels.balloon, "start") }
                    } else if s.cement > 0.2 {
                        { label(4.0, 206.0, cf.apply(Pt::new(cavity.c.x - 4.0, cavity.c.y + cavity.ry * 0.6)), &labels.cement, "start") }
                    } else if s.cavity > 0.5 {
                        { label(4.0, 206.0, cf.apply(Pt::new(cavity.c.x - 4.0, cavity.c.y + cavity.ry * 0.6)), &labels.cavity, "start") }
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
