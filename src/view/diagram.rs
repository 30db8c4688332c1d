//! The side-view diagram: three vertebrae with discs, the middle one fractured, and the
//! instruments, drawn from a [`Scene`]. Coordinates are documented in [`crate::model::geometry`].

use super::still::{still, Part};
use super::svg::{
    bone_gradient, cement_colour, el, label, leaf, mix, part, path, spongy_pattern, wrapped_label,
};
use crate::content::Labels;
use crate::model::geometry::{self as g, Pt};
use crate::model::levels::{self as lv, Cord, Frame, NeedlePath};
use crate::model::scene::Scene;
use std::rc::Rc;
use yew::prelude::*;

/// What [`diagram`] draws.
pub struct DiagramProps {
    /// What to draw.
    pub scene: Scene,
    /// Names of the parts.
    pub labels: Rc<Labels>,
    /// The spine levels drawn, top to bottom (the middle one is treated), e.g. T12, L1, L2.
    pub levels: [AttrValue; 3],
    /// Which of the drawn levels are treated (consult mode can treat up to three).
    pub treated: [bool; 3],
    /// Which drawn level is the chosen one (labels point at it).
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
    pub id_prefix: AttrValue,
    /// Drawn last, over the picture, in the view box's units: the hook for marks made on the
    /// diagram (e.g. a physician's strokes for a step), used by the handout's stills.
    pub overlay: Html,
}

/// Outline of a vertebral body: slightly waisted front wall and slightly concave endplates.
/// `top_front` may be lower than `top_back` (a wedge fracture).
pub(crate) fn body_path(top_front: f32, top_back: f32, bottom: f32) -> String {
    let (x0, x1) = (g::BODY_FRONT, g::BODY_BACK);
    let mid_y = (top_front + bottom) / 2.0;
    let mid_top = (top_front + top_back) / 2.0;
    let mx = (x0 + x1) / 2.0;
    path(
        "M@ @ Q@ @ @ @ L@ @ Q@ @ @ @ Q@ @ @ @ Z",
        &[
            x0 + 1.0,
            top_front,
            mx,
            mid_top + 1.6,
            x1,
            top_back,
            x1,
            bottom,
            mx,
            bottom - 1.6,
            x0 + 1.0,
            bottom,
            x0 + 3.5,
            mid_y,
            x0 + 1.0,
            top_front,
        ],
    )
}

/// Path data from a template whose `@ @` pairs are points given as offsets from `base`.
fn offsets(template: &str, base: Pt, points: &[(f32, f32)]) -> String {
    let n: Vec<f32> = points
        .iter()
        .flat_map(|&(dx, dy)| [base.x + dx, base.y + dy])
        .collect();
    path(template, &n)
}

/// The back parts' outline (see [`posterior`]) up to the spinous process, as offsets from the top
/// of the body's back wall.
const ARCH_UPPER: [(f32, f32); 10] = [
    (-1.5, 3.0),
    (8.0, 1.0),
    (16.0, 1.5),
    (22.0, -1.0),
    (24.0, -5.0),
    (27.0, -11.0),
    (32.0, -11.0),
    (37.0, -10.0),
    (37.0, -2.0),
    (40.0, 3.0),
];

/// The rest of the outline, after the spinous process, back to the pedicle.
const ARCH_LOWER: [(f32, f32); 13] = [
    (42.0, 57.0),
    (37.0, 58.0),
    (35.0, 51.0),
    (35.0, 44.0),
    (34.0, 38.0),
    (31.0, 30.0),
    (27.0, 25.0),
    (20.0, 19.0),
    (12.0, 19.0),
    (6.0, 22.0),
    (3.0, 24.0),
    (0.0, 25.0),
    (-1.5, 25.0),
];

/// The back parts of a vertebra whose body top (at the back wall) is at `top`, as seen from the
/// side: the pedicle, the joint (articular) processes above and below, the spinous process
/// pointing back and a little down, and the transverse process seen end-on over the pedicle.
fn posterior(top: f32, id: &str, thoracic: f32, p_id: &str) -> Html {
    let x0 = g::BODY_BACK;
    let base = Pt::new(x0, top);
    // One outline, clockwise from the top of the pedicle where it leaves the body; the spinous
    // process is lumbar, thoracic or in between (see `levels::spinous_points`).
    let mut points = ARCH_UPPER.to_vec();
    points.extend(lv::spinous_points(thoracic));
    points.extend(ARCH_LOWER);
    let outline = offsets(
        "M@ @ C@ @ @ @ @ @ C@ @ @ @ @ @ C@ @ @ @ @ @ C@ @ @ @ @ @ L@ @ C@ @ @ @ @ @ C@ @ @ @ @ @ L@ @ C@ @ @ @ @ @ C@ @ @ @ @ @ C@ @ @ @ @ @ C@ @ @ @ @ @ C@ @ @ @ @ @ Z",
        base,
        &points,
    );
    let curve = "M@ @ C@ @ @ @ @ @";
    let nerve = offsets(
        curve,
        base,
        &[(12.0, 24.0), (13.0, 34.0), (8.0, 42.0), (4.0, 50.0)],
    );
    let facet = offsets(
        curve,
        base,
        &[(36.5, 56.0), (35.5, 60.0), (35.5, 63.0), (37.0, 66.0)],
    );
    el("g|class=posterior|data-part=$", &[], &[id]).kids(vec![
        leaf("path|class=nerve-root|d=$", &[], &[&nerve]),
        leaf(
            "path|class=bone cortex|d=$|fill=url(#$k-bone)",
            &[],
            &[&outline, p_id],
        ),
        leaf("path|class=facet-line|d=$", &[], &[&facet]),
        leaf(
            "ellipse|class=transverse|cx=@|cy=@|rx=9|ry=6.5",
            &[x0 + 22.0, top + 10.0],
            &[],
        ),
    ])
}

pub(crate) fn disc(top: f32) -> Html {
    let (x0, x1) = (g::BODY_FRONT + 1.0, g::BODY_BACK - 0.5);
    let b = top + g::DISC_HEIGHT;
    let (mx, m) = ((x0 + x1) / 2.0, top + g::DISC_HEIGHT / 2.0);
    let d = path(
        "M@ @ Q@ @ @ @ L@ @ Q@ @ @ @ Q@ @ @ @ Z",
        &[
            x0,
            top,
            mx,
            top + 1.6,
            x1,
            top,
            x1,
            b,
            mx,
            b - 1.6,
            x0,
            b,
            x0 - 3.0,
            m,
            x0,
            top,
        ],
    );
    el("g|class=disc", &[], &[]).kids(vec![
        leaf("path|class=disc-annulus|d=$", &[], &[&d]),
        leaf(
            "ellipse|class=disc-nucleus|cx=@|cy=@|rx=14|ry=4.5",
            &[mx + 4.0, m],
            &[],
        ),
    ])
}

/// The spine level's name (e.g. "L1") in the lower back corner of a body whose bottom is `bottom`.
fn level(bottom: f32, name: &str, treated: bool) -> Html {
    el(
        "text|class=level-text halo$|x=@|y=@|text-anchor=end",
        &[g::BODY_BACK - 4.0, bottom - 4.0],
        &[if treated { " is-treated" } else { "" }],
    )
    .text(name)
}

/// The `transform` that puts a vertebra drawn in the middle one's coordinates in its place.
fn place(fr: &Frame) -> String {
    path(
        "rotate(@ @ @) translate(0 @)",
        &[fr.angle_deg, fr.pivot.x, fr.pivot.y, fr.dy],
    )
}

/// The spinal canal behind one drawn vertebra (in the middle one's coordinates): the dura
/// (`contents` false), or the cord or the nerve roots inside it (`contents` true). `i` is the
/// vertebra's place, top to bottom. Pieces overlap, so the canal stays whole as levels tip.
fn canal(i: usize, cord: Cord, vh: f32, contents: bool) -> Vec<Html> {
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
        return vec![
            leaf(
                "rect|class=dura-fill|x=@|y=@|width=24|height=@",
                &[x0 + 3.0, top, bottom - top],
                &[],
            ),
            leaf(
                "path|class=dura-wall|d=M@ @ V@ M@ @ V@",
                &[x0 + 3.0, top, bottom, x0 + 27.0, top, bottom],
                &[],
            ),
        ];
    }
    let roots = |from: f32| -> Vec<Html> {
        [10.5, 13.5, 16.5, 19.5]
            .iter()
            .map(|dx| {
                leaf(
                    "line|class=cauda|x1=@|y1=@|x2=@|y2=@",
                    &[x0 + dx, from, x0 + dx, bottom],
                    &[],
                )
            })
            .collect()
    };
    let full_cord = || {
        vec![leaf(
            "rect|class=cord|x=@|y=@|width=14|height=@",
            &[x0 + 8.0, top, bottom - top],
            &[],
        )]
    };
    match cord {
        Cord::Through => full_cord(),
        Cord::EndsAt(k) if i < k => full_cord(),
        // In adults the cord ends near the L1-L2 disc; below it run the nerve roots.
        Cord::EndsAt(k) if i == k => {
            let mut out = roots(g::MID_BOTTOM);
            out.push(leaf(
                "path|class=cord|d=M@ @ L@ @ L@ @ Q@ @ @ @ Z",
                &[
                    x0 + 8.0,
                    top,
                    x0 + 22.0,
                    top,
                    x0 + 22.0,
                    g::MID_BOTTOM - 6.0,
                    x0 + 15.0,
                    g::MID_BOTTOM + 12.0,
                    x0 + 8.0,
                    g::MID_BOTTOM - 6.0,
                ],
                &[],
            ));
            out
        }
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
    let c = cavity.c;
    let mut kids = vec![
        el("defs", &[], &[]).kids(vec![
            el("clipPath|id=$", &[], &[&body_clip]).kids(vec![leaf("path|d=$", &[], &[&body])]),
            el("clipPath|id=$", &[], &[&cavity_clip]).kids(vec![leaf(
                "ellipse|cx=@|cy=@|rx=@|ry=@",
                &[c.x, c.y, cavity.rx.max(0.01), cavity.ry.max(0.01)],
                &[],
            )]),
        ]),
        disc(g::MID_BOTTOM),
        posterior(top_mid, id, thoracic, p_id),
        leaf(
            "path|class=body-fill|d=$|fill=url(#$k-spongy)",
            &[],
            &[&body, p_id],
        ),
    ];
    let mut clipped = Vec::new();
    if treated {
        let mut inside = vec![
            leaf(
                "path|class=crush|opacity=@|d=M@ @ l8 5 l6 -3 l9 6 l7 -2 l8 5",
                &[
                    s.collapse * (1.0 - s.cavity),
                    g::BODY_FRONT,
                    front_top + 5.0,
                ],
                &[],
            ),
            leaf(
                "path|class=crush|opacity=@|d=M@ @ l6 3 l-2 7 l5 6",
                // Both cracks fade as the balloon makes its cavity (they showed through it).
                &[
                    s.collapse * (1.0 - s.cavity),
                    g::BODY_FRONT + 10.0,
                    front_top + 3.0,
                ],
                &[],
            ),
        ];
        let mut hollow = Vec::new();
        if s.cavity > 0.001 {
            hollow.push(leaf(
                "ellipse|class=packed-rim|cx=@|cy=@|rx=@|ry=@",
                &[c.x, c.y, cavity.rx + 3.0, cavity.ry + 3.0],
                &[],
            ));
            hollow.push(leaf(
                "ellipse|class=cavity|cx=@|cy=@|rx=@|ry=@",
                &[c.x, c.y, cavity.rx, cavity.ry],
                &[],
            ));
        }
        inside.push(part(hollow));
        let mut filled = Vec::new();
        if s.cement > 0.001 {
            let left = c.x - cavity.rx - 3.0;
            filled.push(
                el("g|clip-path=url(#$)", &[], &[&cavity_clip]).kids(vec![leaf(
                    "rect|x=@|y=@|width=@|height=@|class=cement|fill=$",
                    &[
                        left,
                        c.y - cavity.ry - 3.0,
                        (cement_x - left).max(0.0),
                        cavity.ry * 2.0 + 6.0,
                    ],
                    &[&cement_colour(s.cure)],
                )]),
            );
            filled.push(leaf(
                "ellipse|class=cement-edge|cx=@|cy=@|rx=@|ry=@|stroke=$|opacity=@",
                &[c.x, c.y, cavity.rx, cavity.ry, (s.cement * 3.0).min(1.0)],
                &[&mix([0x5f, 0x8f, 0x9c], [0x7d, 0x75, 0x63], s.cure)],
            ));
        }
        inside.push(part(filled));
        clipped.push(el("g|clip-path=url(#$)", &[], &[&body_clip]).kids(inside));
    }
    kids.push(part(clipped));
    kids.push(leaf(
        "path|class=body-shade|d=$|fill=url(#$k-shade)",
        &[],
        &[&body, p_id],
    ));
    kids.push(leaf("path|class=cortex|d=$|fill=none", &[], &[&body]));
    let mut rib_hint = Vec::new();
    if let Some(c) = rib_head {
        // The rib head lies beside the body, so in this view it overlaps the body's back.
        let facet = "ellipse|class=rib-facet|cx=@|cy=@|rx=4.5|ry=2.6";
        let mut rib = vec![
            leaf("circle|class=rib-head|cx=@|cy=@|r=7.5", &[c.x, c.y], &[]),
            leaf(facet, &[g::BODY_BACK - 5.0, top_mid + 3.5], &[]),
        ];
        let mut below = Vec::new();
        if thoracic >= 1.0 {
            below.push(leaf(facet, &[g::BODY_BACK - 5.0, g::MID_BOTTOM - 3.5], &[]));
        }
        rib.push(part(below));
        rib_hint.push(el("g|class=rib-hint", &[], &[]).kids(rib));
    }
    kids.push(part(rib_hint));
    kids.push(level(g::MID_BOTTOM, name, treated));
    let mut pain = Vec::new();
    if treated {
        pain.push(leaf(
            "circle|class=pain|cx=@|cy=@|r=34|fill=url(#$k-pain)|opacity=@",
            &[g::BODY_FRONT + 16.0, front_top + 14.0, s.pain],
            &[p_id],
        ));
    }
    kids.push(part(pain));
    let mut tools = Vec::new();
    if treated && balloon_visible {
        let (rx, ry) = (balloon.rx, balloon.ry);
        let marker = "line|class=marker|x1=@|y1=-2|x2=@|y2=2";
        tools.push(leaf(
            "line|class=catheter|x1=@|y1=@|x2=@|y2=@",
            &[tip.x, tip.y, balloon.c.x, balloon.c.y],
            &[],
        ));
        tools.push(
            el(
                "g|transform=translate(@ @) rotate(@)",
                &[balloon.c.x, balloon.c.y, balloon.angle_deg],
                &[],
            )
            .kids(vec![
                leaf("ellipse|class=balloon|rx=@|ry=@", &[rx, ry], &[]),
                leaf(
                    "ellipse|class=balloon-sheen|cx=@|cy=@|rx=@|ry=@",
                    &[-rx * 0.25, -ry * 0.4, rx * 0.45, ry * 0.28],
                    &[],
                ),
                // Radiopaque markers at the balloon's two ends.
                leaf(marker, &[-rx * 0.78, -rx * 0.78], &[]),
                leaf(marker, &[rx * 0.78, rx * 0.78], &[]),
            ]),
        );
    }
    kids.push(part(tools));
    el(
        "g|class=vertebra$",
        &[],
        &[if treated { " fractured" } else { "" }],
    )
    .kids(kids)
}

/// A gradient stop, as it stands.
fn stop(spec: &'static str) -> Html {
    leaf(spec, &[], &[])
}

/// The pattern and gradients the side view fills its parts with; every id starts with `p_id`.
fn defs(p_id: &str) -> Html {
    el("defs", &[], &[]).kids(vec![
        spongy_pattern(&format!("{p_id}k-spongy")),
        el(
            "linearGradient|id=$k-shade|x1=0|y1=0|x2=1|y2=0",
            &[],
            &[p_id],
        )
        .kids(vec![
            stop("stop|offset=0|stop-color=#7a5a2c|stop-opacity=0.16"),
            stop("stop|offset=0.35|stop-color=#ffffff|stop-opacity=0.10"),
            stop("stop|offset=1|stop-color=#7a5a2c|stop-opacity=0.14"),
        ]),
        bone_gradient(&format!("{p_id}k-bone")),
        el(
            "linearGradient|id=$k-metal|x1=0|y1=0|x2=0|y2=1",
            &[],
            &[p_id],
        )
        .kids(vec![
            stop("stop|offset=0|stop-color=#d7dde3"),
            stop("stop|offset=0.5|stop-color=#8a96a3"),
            stop("stop|offset=1|stop-color=#5d6976"),
        ]),
        el("radialGradient|id=$k-pain", &[], &[p_id]).kids(vec![
            stop("stop|offset=0|stop-color=#d9443a|stop-opacity=0.55"),
            stop("stop|offset=1|stop-color=#d9443a|stop-opacity=0"),
        ]),
    ])
}

/// What a vertebra's drawing depends on: its scene without the parts drawn outside it (the
/// X-ray field, numbing and bandage), and with the needle only while a balloon hangs from it.
fn bone_scene(s: &Scene) -> Scene {
    let balloon = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    Scene {
        prep: 0.0,
        bandage: 0.0,
        needle: if balloon { s.needle } else { 0.0 },
        ..*s
    }
}

/// What the side view's backdrop depends on (see [`backdrop`]).
#[derive(PartialEq)]
pub(crate) struct Backdrop {
    frames: [Frame; 3],
    cord: Cord,
    p_id: AttrValue,
}

/// The side view's fills, the soft tissue and skin of the back, and the spinal canal behind the
/// bodies, tipping with each level.
pub(crate) fn backdrop(props: &Backdrop) -> Html {
    let (vw, vh) = g::VIEW;
    let mut canal_parts = Vec::new();
    for contents in [false, true] {
        for i in [2, 1, 0] {
            canal_parts.push(
                el("g|transform=$", &[], &[&place(&props.frames[i])])
                    .kids(canal(i, props.cord, vh, contents)),
            );
        }
    }
    Html::from_iter([
        defs(&props.p_id),
        leaf(
            "rect|class=tissue|x=@|y=0|width=@|height=@",
            &[g::BODY_BACK + 28.0, g::SKIN_X - g::BODY_BACK - 28.0, vh],
            &[],
        ),
        leaf(
            "rect|class=skin-band|x=@|y=0|width=@|height=@",
            &[g::SKIN_X - 2.0, vw - g::SKIN_X + 2.0, vh],
            &[],
        ),
        leaf(
            "path|class=skin|d=M@ 0 Q@ @ @ @",
            &[g::SKIN_X, g::SKIN_X + 4.0, vh / 2.0, g::SKIN_X, vh],
            &[],
        ),
        el("g|class=canal", &[], &[]).kids(canal_parts),
    ])
}

/// What one drawn vertebra depends on (see [`level_group`]).
#[derive(PartialEq)]
pub(crate) struct Level {
    scene: Scene,
    i: usize,
    name: AttrValue,
    treated: bool,
    above_thoracic: bool,
    frame: Frame,
    /// The top vertebra's own wedge, which the disc above it follows (0 for the others).
    own_tilt: f32,
    p_id: AttrValue,
}

/// One drawn vertebra in its place; the top one with the disc above it.
pub(crate) fn level_group(p: &Level) -> Html {
    let top_mid = g::MID_TOP;
    let mut level = vec![level_vertebra(
        &p.scene,
        p.i,
        &p.name,
        p.treated,
        p.above_thoracic,
        &p.p_id,
    )];
    if p.i == 0 {
        level.push(
            el(
                "g|transform=rotate(@ @ @)",
                &[-p.own_tilt, g::BODY_BACK, top_mid],
                &[],
            )
            .kids(vec![disc(top_mid - g::DISC_HEIGHT)]),
        );
    }
    el(
        "g|class=$|transform=$",
        &[],
        &[["upper", "middle", "lower"][p.i], &place(&p.frame)],
    )
    .kids(level)
}

/// The side-view diagram: a plain function, not a component (it is redrawn on every frame that
/// moves anything anyway, and each component type costs the WebAssembly its own code).
pub fn diagram(props: &DiagramProps) -> Html {
    let s = &props.scene;
    let (vw, vh) = g::VIEW;
    let top_mid = g::MID_TOP;
    let treated = props.treated;
    let scenes = [0, 1, 2].map(|i| lv::level_scene(s, treated[i]));
    let frames = lv::frames(&scenes);
    let chosen = props.chosen.min(2);
    // The lowest treated level: the fracture's and the balloon's (or cement's) labels, written
    // low on the left, point at it, so their leaders stay short with several levels treated.
    let low = frames[(0..3).rev().find(|&i| treated[i]).unwrap_or(chosen)];
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
    let balloon = g::balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let cavity = g::cavity(s);
    let treated_paths: Vec<NeedlePath> = (0..3).filter(|i| treated[*i]).map(|i| paths[i]).collect();
    // The bandage's label goes to the treated level's needle site nearest the picture's middle
    // (with three levels from T5 the chosen one's is above the picture).
    let entry = treated_paths
        .iter()
        .map(|p| p.entry)
        .min_by(|a, b| (a.y - vh / 2.0).abs().total_cmp(&(b.y - vh / 2.0).abs()))
        .unwrap_or(chosen_path.entry);

    let labels = &props.labels;
    let p_id = props.id_prefix.as_str();

    // The still parts (tissue, canal, bones) are drawn by `Still`: on a frame that only moves the
    // instruments, what they depend on is unchanged and Yew skips them.
    let mut kids = vec![
        el("title|id=$k-svg-title", &[], &[p_id]).text(&props.title),
        el("desc|id=$k-svg-desc", &[], &[p_id]).text(&props.description),
        still(Part::SideBackdrop(Backdrop {
            frames,
            cord,
            p_id: props.id_prefix.clone(),
        })),
    ];

    // The vertebrae, bottom to top, each with the disc under it; the top one also with the disc
    // above it, which tips with its own wedge.
    for i in [2, 1, 0] {
        kids.push(still(Part::SideLevel(Level {
            scene: bone_scene(&scenes[i]),
            i,
            name: props.levels[i].clone(),
            treated: treated[i],
            above_thoracic: above_thoracic[i],
            frame: frames[i],
            own_tilt: if i == 0 { own_tilt } else { 0.0 },
            p_id: props.id_prefix.clone(),
        })));
    }

    // Live X-ray: the round field of view of the X-ray machine, centred on the broken bone.
    kids.push(el("g|class=xray|opacity=@", &[s.prep], &[]).kids(vec![leaf(
        "circle|class=xray-field|cx=@|cy=@|r=62",
        &[g::BODY_FRONT + 44.0, top_mid + 24.0],
        &[],
    )]));

    // The hollow needles (working cannulas) with their handles outside the skin.
    let mut needles = Vec::new();
    if needle_visible {
        for p in &treated_paths {
            // Drawn fully in and slid back along its axis: a frame that moves the needle
            // changes one transform, and the lines and handle keep their attributes.
            let (t, h, u) = (p.tip(1.0), p.hub(1.0), p.axis);
            let now = p.tip(s.needle);
            let ang = crate::model::math::atan2(u.y, u.x).to_degrees();
            needles.push(el("g|class=needle|transform=translate(@ @)", &[now.x - t.x, now.y - t.y], &[]).kids(vec![
                leaf(
                    "line|class=needle-shaft|x1=@|y1=@|x2=@|y2=@",
                    &[t.x, t.y, h.x, h.y],
                    &[],
                ),
                leaf(
                    "line|class=needle-bore|x1=@|y1=@|x2=@|y2=@",
                    &[t.x - u.x * 3.0, t.y - u.y * 3.0, h.x, h.y],
                    &[],
                ),
                leaf(
                    "rect|class=needle-handle|fill=url(#$k-metal)|x=@|y=@|width=16|height=14|rx=3|transform=rotate(@ @ @)",
                    &[h.x - 16.0, h.y - 7.0, ang, h.x, h.y],
                    &[p_id],
                ),
            ]));
        }
    }
    kids.push(part(needles));

    // Numbing the skin (getting ready): a fine needle and syringe at each entry point.
    let mut numbing = Vec::new();
    if s.prep > 0.01 && !needle_visible && s.bandage < 0.01 {
        for p in &treated_paths {
            let e = p.entry;
            let ang = crate::model::math::atan2(p.axis.y, p.axis.x).to_degrees();
            numbing.push(
                el(
                    "g|class=numbing|opacity=@|transform=rotate(@ @ @)",
                    &[(s.prep * 2.0).min(1.0), ang, e.x, e.y],
                    &[],
                )
                .kids(vec![
                    leaf(
                        "ellipse|class=wheal|cx=@|cy=@|rx=7|ry=4",
                        &[e.x + 6.0, e.y],
                        &[],
                    ),
                    leaf(
                        "line|class=fine-needle|x1=@|y1=@|x2=@|y2=@",
                        &[e.x + 8.0, e.y, e.x - 2.0, e.y],
                        &[],
                    ),
                    leaf(
                        "rect|class=syringe|x=@|y=@|width=20|height=7|rx=1.5",
                        &[e.x - 22.0, e.y - 3.5],
                        &[],
                    ),
                ]),
            );
        }
    }
    kids.push(part(numbing));

    // Small bandages over the needle sites.
    let mut bandages = Vec::new();
    for p in &treated_paths {
        bandages.push(leaf(
            "rect|class=bandage|x=@|y=@|width=7|height=22|rx=2.5|opacity=@",
            &[g::SKIN_X - 1.0, p.entry.y - 11.0, s.bandage],
            &[],
        ));
    }
    kids.push(part(bandages));

    // Front / back markers.
    let orient = "text|class=orient-text halo|x=@|y=@|text-anchor=$";
    kids.push(el("g|class=orientation", &[], &[]).kids(vec![
        el(orient, &[4.0, vh - 5.0], &["start"]).text(&format!("\u{2190} {}", props.front)),
        el(orient, &[vw - 4.0, vh - 5.0], &["end"]).text(&format!("{} \u{2192}", props.back)),
    ]));

    let mut labelled = Vec::new();
    if props.show_labels {
        // The top vertebra's body, just under its front top corner (where no balloon or cement
        // reaches, above where the fracture's label points when the top one is the lowest treated),
        // and the disc under it, each where that vertebra is drawn (tipped with several levels
        // treated).
        let corner = g::MID_BOTTOM - g::front_height(&scenes[0]) + 9.0;
        let mut l = vec![
            label(
                4.0,
                44.0,
                frames[0].apply(Pt::new(g::BODY_FRONT + 5.0, corner)),
                &labels.vertebra,
                "start",
            ),
            // A long name ("Intervertebral disc") on two lines, clear of the level's name above.
            wrapped_label(
                4.0,
                80.0,
                frames[0].apply(Pt::new(g::BODY_FRONT + 8.0, g::MID_BOTTOM + 12.0)),
                &labels.disc,
                "start",
                12,
            ),
            // On two lines when long ("Broken bone", "Wedge fracture"), so that on a phone it
            // stays beside the bones instead of lying across the disc and the bone below.
            wrapped_label(
                4.0,
                168.0,
                low.apply(Pt::new(g::BODY_FRONT + 7.0, g::MID_BOTTOM - 8.0)),
                &labels.fracture,
                "start",
                10,
            ),
            // Above the picture's middle, or, while the top level has a cannula running out
            // through the top right (consult mode), between the middle and lower cannulas.
            if cfg!(feature = "consult") && treated[0] && needle_visible {
                wrapped_label(
                    g::SKIN_X - 6.0,
                    134.0,
                    frames[1].apply(Pt::new(g::BODY_BACK + 15.0, g::MID_BOTTOM - 4.0)),
                    &labels.nerves,
                    "end",
                    12,
                )
            } else {
                label(
                    g::SKIN_X - 6.0,
                    14.0,
                    Pt::new(g::BODY_BACK + 15.0, top_mid - 9.0),
                    &labels.nerves,
                    "end",
                )
            },
        ];
        let mut needle = Vec::new();
        // The middle of the part in the picture of the needle nearest the label.
        let at = if cfg!(feature = "consult") {
            lv::needle_label_at(treated)
        } else {
            lv::NEEDLE_LABEL_AT
        };
        if let Some(to) = needle_visible
            .then(|| lv::needle_label_point(&treated_paths, s.needle, at))
            .flatten()
        {
            needle.push(label(at.x, at.y, to, &labels.needle, "end"));
        }
        l.push(part(needle));
        let inside = if balloon_visible && (s.balloon_size > 0.2 || s.balloon_in > 0.5) {
            Some((
                Pt::new(balloon.c.x - 4.0, balloon.c.y + balloon.ry * 0.7),
                &labels.balloon,
            ))
        } else if s.cement > 0.2 {
            Some((
                Pt::new(cavity.c.x - 4.0, cavity.c.y + cavity.ry * 0.6),
                &labels.cement,
            ))
        } else if s.cavity > 0.5 {
            Some((
                Pt::new(cavity.c.x - 4.0, cavity.c.y + cavity.ry * 0.6),
                &labels.cavity,
            ))
        } else {
            None
        };
        let mut inside_label = Vec::new();
        if let Some((at, text)) = inside {
            // On two lines when long ("Inflatable bone tamp", "Cemento óseo"), clear of the
            // level's name.
            inside_label.push(wrapped_label(4.0, 206.0, low.apply(at), text, "start", 10));
        }
        l.push(part(inside_label));
        let mut outside = Vec::new();
        if s.bandage > 0.5 {
            // Level with the bandage's middle, clear of the spinal cord's leader above it.
            outside.push(label(
                g::SKIN_X - 8.0,
                entry.y + 4.0,
                Pt::new(g::SKIN_X - 1.0, entry.y),
                &labels.bandage,
                "end",
            ));
        } else if s.prep > 0.5 && !needle_visible {
            // The field's right-hand edge, level with it (clear of the spinal cord's leader and of
            // the numbing shot's label above), on two lines when long, clear of the level's name.
            outside.push(wrapped_label(
                g::SKIN_X - 6.0,
                top_mid + 40.0,
                Pt::new(g::BODY_FRONT + 106.0, top_mid + 24.0),
                &labels.xray,
                "end",
                10,
            ));
            // The numbing shot, below it (the spinal cord's leader ends level with it).
            outside.push(label(
                g::SKIN_X - 8.0,
                entry.y + 26.0,
                Pt::new(g::SKIN_X - 3.0, entry.y),
                &labels.numbing,
                "end",
            ));
        }
        l.push(part(outside));
        labelled.push(el("g|class=labels", &[], &[]).kids(l));
    }
    kids.push(part(labelled));
    kids.push(props.overlay.clone());
    el(
        "svg|class=diagram|viewBox=0 0 @ @|role=img|aria-labelledby=$k-svg-title|aria-describedby=$k-svg-desc|preserveAspectRatio=xMidYMid meet",
        &[vw, vh],
        &[p_id, p_id],
    )
    .kids(kids)
}
