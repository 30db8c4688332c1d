//! The top-down (axial) diagram of the treated vertebra: what the side view cannot show — the
//! needles entering through the pedicles at an inward angle, the balloons side by side and the
//! cement mass. Coordinates are documented in [`crate::model::axial`].

use super::still::{still, Part};
use super::svg::{
    bone_gradient, cement_colour, el, label, leaf, part, path, spongy_pattern, wrapped_label,
};
use crate::content::Labels;
use crate::model::axial as a;
use crate::model::geometry::{self as g, Pt};
use crate::model::push_number;
use crate::model::route::{self, Route};
use crate::model::scene::Scene;
use std::rc::Rc;
use yew::prelude::*;

/// What [`axial`] draws.
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
    pub bilateral: bool,
    /// The level drawn: its pedicles, ribs (thoracic) and what its canal holds.
    pub level: a::TopLevel,
    /// How the needles reach the body (extrapedicular only where `thoracic`).
    pub route: Route,
    /// Accessible name of the picture.
    pub title: AttrValue,
    /// Starts the picture's ids (patterns, clip path): a picture's ids apart from another's.
    pub id_prefix: AttrValue,
    /// Drawn over everything (consult mode's handout: the physician's strokes).
    pub overlay: Html,
}

/// The view from above's accessible name for a step: the view, the step's title, and the route
/// when it is the extrapedicular one.
pub(crate) fn top_view_title(ui: &crate::content::Ui, title: &str, route: Route) -> String {
    if route == Route::Extrapedicular {
        format!("{}: {} ({})", ui.top_view, title, ui.extrapedicular)
    } else {
        format!("{}: {}", ui.top_view, title)
    }
}

fn poly(points: &[Pt]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        d.push(if i == 0 { 'M' } else { 'L' });
        push_number(&mut d, p.x);
        d.push(' ');
        push_number(&mut d, p.y);
        d.push(' ');
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

/// The nerve roots in the canal below the cord's end, left of the midline (mirrored): distance
/// from the midline and height, each drawn as a small circle.
const ROOTS: [(f32, f32); 6] = [
    (4.0, 106.0),
    (10.0, 110.0),
    (4.5, 115.0),
    (12.0, 117.0),
    (7.5, 121.0),
    (3.5, 126.0),
];

/// A bone drawn in cortex and filled with the bone gradient.
const BONE_PATH: &str = "path|class=bone cortex|d=$|fill=url(#$ka-bone)";

fn side_bones(mirror: bool, ped: &a::Pedicle, p_id: &str) -> Html {
    let m = |p: Pt| if mirror { a::mirror(p) } else { p };
    // (The patients' picture's pedicle ends 6 units in, as `front_end` finds for it.)
    let ped_front = if cfg!(feature = "consult") {
        ped.front_end()
    } else {
        let u = ped.axis();
        Pt::new(ped.front.x + u.x * 6.0, ped.front.y + u.y * 6.0)
    };
    let back = ped.back;
    let pedicle: Vec<Pt> = band(back, ped_front, ped.half_width + 1.5, ped.half_width)
        .into_iter()
        .map(m)
        .collect();
    let lamina: Vec<Pt> = band(
        Pt::new(back.x + 2.0, back.y + 2.0),
        Pt::new(a::MID_X, 150.0),
        7.0,
        6.0,
    )
    .into_iter()
    .map(m)
    .collect();
    // The transverse process: broad where it leaves the pedicle, tapering to a blunt tip.
    let tp = |x: f32, y: f32| m(Pt::new(x, y));
    let t = [
        tp(back.x + 4.0, back.y - 14.0),
        tp(60.0, 124.0),
        tp(40.0, 126.0),
        tp(33.0, 130.0),
        tp(36.0, 136.0),
        tp(58.0, 136.0),
        tp(back.x + 2.0, back.y + 4.0),
    ];
    let transverse = path(
        "M@ @ C@ @ @ @ @ @ C@ @ @ @ @ @ L@ @ C@ @ @ @ @ @ Z",
        &[
            t[0].x, t[0].y, t[1].x, t[1].y, t[1].x, t[1].y, t[2].x, t[2].y, t[3].x, t[3].y, t[3].x,
            t[4].y, t[4].x, t[4].y, t[5].x, t[5].y, t[5].x, t[5].y, t[6].x, t[6].y, t[6].x, t[6].y,
        ],
    );
    let facet = m(Pt::new(back.x - 4.0, back.y + 8.0));
    el("g|class=side", &[], &[]).kids(vec![
        leaf(BONE_PATH, &[], &[&transverse, p_id]),
        leaf(BONE_PATH, &[], &[&poly(&lamina), p_id]),
        leaf(
            "ellipse|class=bone cortex|cx=@|cy=@|rx=9|ry=8|fill=url(#$ka-bone)",
            &[facet.x, facet.y],
            &[p_id],
        ),
        leaf(
            "path|class=bone cortex pedicle|d=$|fill=url(#$ka-spongy)",
            &[],
            &[&poly(&pedicle), p_id],
        ),
    ])
}

/// The top view's still parts: the fills, soft tissue and skin, the canal and cord, the ribs at
/// thoracic levels, the back parts and the vertebral body. Drawn by `Still`, so a frame that
/// moves only the instruments skips them. `p_id` starts the ids of its patterns (one picture's
/// ids apart from another's on the same page).
pub(crate) fn axial_bones(level: &a::TopLevel, p_id: &str) -> Html {
    let (vw, vh) = a::VIEW;
    let body = poly(&a::body_outline(64));
    let pt = |mirror: bool, q: Pt| if mirror { a::mirror(q) } else { q };
    let mx = a::MID_X;
    let mut kids = vec![
        el("defs", &[], &[]).kids(vec![
            spongy_pattern(&format!("{p_id}ka-spongy")),
            bone_gradient(&format!("{p_id}ka-bone")),
        ]),
        leaf(
            "rect|class=tissue|x=0|y=112|width=@|height=@",
            &[vw, a::SKIN_Y - 112.0],
            &[],
        ),
        leaf(
            "rect|class=skin-band|x=0|y=@|width=@|height=@",
            &[a::SKIN_Y, vw, vh - a::SKIN_Y],
            &[],
        ),
        leaf(
            "line|class=skin|x1=0|y1=@|x2=@|y2=@",
            &[a::SKIN_Y, vw, a::SKIN_Y],
            &[],
        ),
    ];
    // The spinal canal behind the body, between the pedicles: round at thoracic levels, holding
    // the round cord; triangular lower down, holding the cord (the patients' picture, and L1,
    // where it ends) or the nerve roots below it. Only consult mode draws other levels.
    if cfg!(feature = "consult") && level.thoracic {
        kids.push(leaf("circle|class=dura|cx=@|cy=117|r=17", &[mx], &[]));
        kids.push(leaf("circle|class=cord|cx=@|cy=116|r=9", &[mx], &[]));
    } else {
        kids.push(leaf(
            "path|class=dura|d=M@ 99 L@ 99 Q@ 112 @ 138 Q@ 140 @ 138 Q@ 112 @ 99 Z",
            &[
                mx - 16.0,
                mx + 16.0,
                mx + 20.0,
                mx + 4.0,
                mx,
                mx - 4.0,
                mx - 20.0,
                mx - 16.0,
            ],
            &[],
        ));
        if cfg!(feature = "consult") && level.roots {
            for (dx, y) in ROOTS {
                for x in [mx - dx, mx + dx] {
                    kids.push(leaf("circle|class=cord|cx=@|cy=@|r=2.2", &[x, y], &[]));
                }
            }
        } else {
            kids.push(leaf(
                "ellipse|class=cord|cx=@|cy=114|rx=10|ry=8.5",
                &[mx],
                &[],
            ));
        }
    }

    // Thoracic levels: a rib joins the side of the body and the tip of each transverse process.
    let mut ribs = Vec::new();
    if cfg!(feature = "consult") && level.thoracic {
        for mirror in [false, true] {
            let q = |x: f32, y: f32| pt(mirror, Pt::new(x, y));
            let (hx, hy) = (route::RIB_HEAD.x, route::RIB_HEAD.y);
            let r = [
                q(hx - 2.0, hy - 4.0),
                q(50.0, 108.0),
                q(30.0, 132.0),
                q(2.0, 150.0),
                q(2.0, 162.0),
                q(34.0, 144.0),
                q(52.0, 124.0),
                q(hx + 1.0, hy + 6.0),
            ];
            let n: Vec<f32> = r.iter().flat_map(|p| [p.x, p.y]).collect();
            let rib = path("M@ @ C@ @ @ @ @ @ L@ @ C@ @ @ @ @ @ Z", &n);
            let head = q(hx, hy);
            ribs.push(el("g|class=rib", &[], &[]).kids(vec![
                leaf(BONE_PATH, &[], &[&rib, p_id]),
                leaf(
                    "circle|class=bone cortex|cx=@|cy=@|r=@|fill=url(#$ka-bone)",
                    &[head.x, head.y, route::RIB_HEAD_R],
                    &[p_id],
                ),
            ]));
        }
    }
    kids.push(part(ribs));

    // Back parts: transverse processes, laminae, joint processes, pedicles, spinous process.
    kids.push(side_bones(false, &level.pedicle, p_id));
    kids.push(side_bones(true, &level.pedicle, p_id));
    kids.push(leaf(
        "path|class=bone cortex|fill=url(#$ka-bone)|d=M@ 144 L@ 144 L@ 196 Q@ 202 @ 196 Z",
        &[mx - 7.0, mx + 7.0, mx + 4.0, mx, mx - 4.0],
        &[p_id],
    ));

    // The vertebral body.
    kids.push(leaf(
        "path|class=body-fill|d=$|fill=url(#$ka-spongy)",
        &[],
        &[body.as_str(), p_id],
    ));
    kids.push(leaf(
        "path|class=cortex|d=$|fill=none",
        &[],
        &[body.as_str()],
    ));

    Html::from_iter(kids)
}

/// The top-down diagram.
pub fn axial(p: &AxialProps) -> Html {
    let s = &p.scene;
    let (vw, vh) = a::VIEW;
    let route = if p.level.thoracic {
        p.route
    } else {
        Route::Transpedicular
    };
    // One needle alone is consult mode's (the patients' build leaves that path out).
    let path_ = route.path_for(p.bilateral || !cfg!(feature = "consult"), &p.level.pedicle);
    let tip = path_.tip(s.needle);
    let hub = path_.hub(s.needle);
    let needle_visible = s.needle > 0.001;
    let (bc, brx, bry, bang) = path_.balloon(s);
    let balloon_visible = s.balloon_in > 0.001 || s.balloon_size > 0.001;
    let (cc, crx, cry, cang) = path_.cavity(s);
    let cement_y = path_.cement_back_y(s);
    let cement_colour = cement_colour(s.cure);
    let bandage_x = path_.bandage_x();
    let sides: &[bool] = if p.bilateral {
        &[false, true]
    } else {
        &[false]
    };
    let pt = |mirror: bool, q: Pt| if mirror { a::mirror(q) } else { q };
    let rot = |mirror: bool, c: Pt, ang: f32| {
        let c = pt(mirror, c);
        let ang = if mirror { 180.0 - ang } else { ang };
        path("translate(@ @) rotate(@)", &[c.x, c.y, ang])
    };
    let labels = &p.labels;
    let p_id = p.id_prefix.as_str();
    let mx = a::MID_X;
    let mut kids = vec![
        still(Part::TopBones(p.level, p.id_prefix.clone())),
        el("defs", &[], &[]).kids(vec![el("clipPath|id=$ka-cement", &[], &[p_id]).kids(vec![
            leaf(
                "rect|x=0|y=0|width=@|height=@",
                &[vw, cement_y.max(0.0)],
                &[],
            ),
        ])]),
    ];

    // Cavities, cement, balloons (one per side used).
    for &mirror in sides {
        let mut side = Vec::new();
        let mut hollow = Vec::new();
        if s.cavity > 0.001 {
            hollow.push(
                el("g|transform=$", &[], &[&rot(mirror, cc, cang)]).kids(vec![
                    leaf(
                        "ellipse|class=packed-rim|rx=@|ry=@",
                        &[crx + 2.5, cry + 2.5],
                        &[],
                    ),
                    leaf("ellipse|class=cavity|rx=@|ry=@", &[crx, cry], &[]),
                ]),
            );
        }
        side.push(part(hollow));
        let mut filled = Vec::new();
        if s.cement > 0.001 {
            filled.push(
                el("g|clip-path=url(#$ka-cement)", &[], &[p_id]).kids(vec![leaf(
                    "ellipse|class=cement|transform=$|rx=@|ry=@|fill=$",
                    &[crx, cry],
                    &[&rot(mirror, cc, cang), &cement_colour],
                )]),
            );
        }
        side.push(part(filled));
        let mut needle = Vec::new();
        if needle_visible {
            // Drawn fully in and slid back along its axis (one transform per frame).
            let (full, back) = (path_.tip(1.0), path_.hub(1.0));
            let line = [pt(mirror, full).x, full.y, pt(mirror, back).x, back.y];
            let (dx, dy) = (pt(mirror, tip).x - pt(mirror, full).x, tip.y - full.y);
            needle.push(
                el("g|class=needle|transform=translate(@ @)", &[dx, dy], &[]).kids(vec![
                    leaf("line|class=needle-shaft|x1=@|y1=@|x2=@|y2=@", &line, &[]),
                    leaf("line|class=needle-bore|x1=@|y1=@|x2=@|y2=@", &line, &[]),
                ]),
            );
        }
        side.push(part(needle));
        let mut balloon = Vec::new();
        if balloon_visible {
            let marker = "line|class=marker|x1=@|y1=-2|x2=@|y2=2";
            balloon.push(
                el("g|transform=$", &[], &[&rot(mirror, bc, bang)]).kids(vec![
                    leaf("ellipse|class=balloon|rx=@|ry=@", &[brx, bry], &[]),
                    leaf(marker, &[-brx * 0.78, -brx * 0.78], &[]),
                    leaf(marker, &[brx * 0.78, brx * 0.78], &[]),
                ]),
            );
        }
        side.push(part(balloon));
        side.push(leaf(
            "rect|class=bandage|x=@|y=@|width=18|height=6|rx=2.5|opacity=@",
            &[
                pt(mirror, Pt::new(bandage_x, 0.0)).x - route::BANDAGE_HALF,
                a::SKIN_Y - 2.0,
                s.bandage,
            ],
            &[],
        ));
        kids.push(el("g|class=treated-side", &[], &[]).kids(side));
    }

    let orient = "text|class=orient-text halo|x=@|y=@|text-anchor=middle";
    kids.push(el("g|class=orientation", &[], &[]).kids(vec![
        el(orient, &[vw / 2.0, 14.0], &[]).text(&format!("\u{2191} {}", p.front)),
        el(orient, &[vw / 2.0, a::SKIN_Y - 6.0], &[]).text(&format!("{} \u{2193}", p.back)),
    ]));
    let mut labelled = Vec::new();
    if p.show_labels {
        let mut l = vec![
            label(
                vw - 4.0,
                40.0,
                Pt::new(mx + 34.0, 48.0),
                &labels.vertebra,
                "end",
            ),
            // These two share a line: a long name (Spanish, or consult mode's "Cauda equina
            // (nerve roots)") takes two, so they stay apart on a phone.
            wrapped_label(
                vw - 4.0,
                104.0,
                Pt::new(mx + 8.0, 112.0),
                &labels.nerves,
                "end",
                12,
            ),
            wrapped_label(
                4.0,
                104.0,
                p.level.pedicle.at_y(116.0),
                &labels.pedicle,
                "start",
                12,
            ),
        ];
        let mut needle_label = Vec::new();
        // On the part in the picture, also while the needle is only starting in.
        if let Some(to) = needle_visible
            .then(|| g::label_point(tip, hub, (vw, vh), 0.42))
            .flatten()
        {
            // On two lines beside the left needle's line, clear of it (on one line it lay
            // across it): left of it where there is room, else (a steep needle, or one from
            // beside the pedicle, coming in from further out) right of it.
            // (The needle slopes outward downwards: the label's bottom left of it, or its top
            // right of it, is where the two come closest.)
            let (low, high) = (path_.at_y(209.0).x, path_.at_y(183.0).x);
            let (x, anchor) = if low > 52.0 {
                (low - 5.0, "end")
            } else {
                (high + 6.0, "start")
            };
            needle_label.push(wrapped_label(x, 206.0, to, &labels.needle, anchor, 6));
        }
        l.push(part(needle_label));
        let mut inside = Vec::new();
        if balloon_visible && (s.balloon_size > 0.2 || s.balloon_in > 0.5) {
            inside.push(label(
                4.0,
                30.0,
                Pt::new(bc.x - 4.0, bc.y - 4.0),
                &labels.balloon,
                "start",
            ));
        } else if s.cement > 0.2 {
            inside.push(label(
                4.0,
                30.0,
                Pt::new(cc.x - 4.0, cc.y - 4.0),
                &labels.cement,
                "start",
            ));
        }
        l.push(part(inside));
        labelled.push(el("g|class=labels", &[], &[]).kids(l));
    }
    kids.push(part(labelled));
    if cfg!(feature = "consult") {
        kids.push(p.overlay.clone());
    }
    el(
        "svg|class=axial-diagram|viewBox=0 0 @ @|role=img|aria-label=$|preserveAspectRatio=xMidYMid meet",
        &[vw, vh],
        &[&p.title],
    )
    .kids(kids)
}
