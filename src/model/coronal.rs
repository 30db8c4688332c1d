//! Geometry of the front-to-back (AP, coronal) X-ray projection of the treated vertebra and its
//! neighbours, derived from the same [`Scene`] as the side view.
//!
//! Coordinate system: SVG user units in a `0 0 240 240` view box, 2 units per millimetre, y down,
//! the head at the top and the patient's right on the viewer's left (as an AP image is read). The
//! vertical layout matches the side view ([`crate::model::geometry`]): the same body and disc
//! heights, the treated body's bottom at [`geometry::MID_BOTTOM`]. Widths follow an adult upper
//! lumbar vertebra: body 45 mm wide, pedicles about 7.5 mm wide and 13 mm tall, their centres about
//! 15 mm from the midline, over the upper half of the body.
//!
//! A wedge fracture seen front to back: the front of the body is lower than the back, so the
//! projected top endplate sits at the mean of the two heights and the body looks shorter; the
//! vertebra above settles by the same amount.

use super::geometry::{self as g, Ellipse, Pt};
use super::levels::level_scene;
use super::math;
use super::route::Route;
use super::scene::Scene;

/// Width and height of the view box.
pub const VIEW: (f32, f32) = (240.0, 240.0);
/// The midline (x).
pub const MID_X: f32 = 120.0;
/// Half the width of a vertebral body (45 mm wide).
pub const BODY_HALF_WIDTH: f32 = 45.0;
/// Corner radius of a body's outline.
pub const BODY_CORNER: f32 = 9.0;
/// Distance of each pedicle's centre from the midline.
pub const PEDICLE_DX: f32 = 30.0;
/// Half width of a pedicle's ring (7.5 mm wide).
pub const PEDICLE_RX: f32 = 7.5;
/// Half height of a pedicle's ring (13 mm tall).
pub const PEDICLE_RY: f32 = 13.0;
/// Depth of a pedicle ring's centre below the top of its body.
pub const PEDICLE_DROP: f32 = 17.0;

/// The side of the body a pedicle or needle is on, as seen on the image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The viewer's left (the patient's right).
    Left,
    /// The viewer's right (the patient's left).
    Right,
}

impl Side {
    /// Mirrors a point of the left side to this side.
    pub fn place(self, p: Pt) -> Pt {
        match self {
            Side::Left => p,
            Side::Right => Pt::new(2.0 * MID_X - p.x, p.y),
        }
    }
}

/// The treated body's projected height: the mean of its front and back heights.
pub fn apparent_height(scene: &Scene) -> f32 {
    (g::front_height(scene) + g::BODY_HEIGHT) / 2.0
}

/// The top of the treated body on the image.
pub fn mid_top(scene: &Scene) -> f32 {
    g::MID_BOTTOM - apparent_height(scene)
}

/// How far the vertebra above (and the discs above) settle down on the image.
pub fn settle_above(scene: &Scene) -> f32 {
    mid_top(scene) - g::MID_TOP
}

/// The tops of the three bodies drawn (above, treated, below) for this scene.
pub fn body_tops(scene: &Scene) -> [f32; 3] {
    let top = mid_top(scene);
    [
        top - g::DISC_HEIGHT - g::BODY_HEIGHT,
        top,
        g::MID_BOTTOM + g::DISC_HEIGHT,
    ]
}

/// The left pedicle's ring of a vertebra whose body's top is at `top` (on the image), `rx` half
/// wide: its inner (medial) wall stays at [`medial_wall_x`], so a wider one reaches further out.
pub fn pedicle(top: f32, rx: f32) -> Ellipse {
    Ellipse {
        c: Pt::new(MID_X - PEDICLE_DX + PEDICLE_RX - rx, top + PEDICLE_DROP),
        rx,
        ry: PEDICLE_RY,
        angle_deg: 0.0,
    }
}

/// Half the width of a level's pedicle ring (consult mode): its pedicle's width from
/// [`crate::model::axial::Pedicle::at`] (2 units per millimetre: the half width in units is the
/// width in millimetres), drawn no wider than 10.5 mm so the ring stays inside the body's side;
/// [`PEDICLE_RX`] for a level not listed there.
pub fn ring_rx(level: &str) -> f32 {
    // The neighbours drawn beyond the levels that can be chosen: T4 as T5, S1 as L5.
    let level = match level {
        "T4" => "T5",
        "S1" => "L5",
        l => l,
    };
    let p = crate::model::axial::Pedicle::at(level);
    if p == crate::model::axial::Pedicle::DRAWN {
        PEDICLE_RX
    } else {
        p.half_width.min(10.5)
    }
}

/// A needle's way on the image: its route, and the half width of the pedicle ring it passes (its
/// level's, see [`ring_rx`]). A route alone passes a ring [`PEDICLE_RX`] half wide.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Way {
    /// Through or beside the pedicle.
    pub route: Route,
    /// The ring's half width.
    pub ring: f32,
}

impl From<Route> for Way {
    fn from(route: Route) -> Way {
        Way {
            route,
            ring: PEDICLE_RX,
        }
    }
}

/// The inner (medial) wall of the treated vertebra's left pedicle (x).
pub fn medial_wall_x() -> f32 {
    MID_X - PEDICLE_DX + PEDICLE_RX
}

/// The tops and bottoms of the three bodies drawn (top to bottom) when the levels flagged in
/// `treated` follow `scene` and the others are healthy: the middle body's bottom stays put, the
/// one above settles on it, the one below hangs from the disc under it.
pub fn body_spans(scene: &Scene, treated: [bool; 3]) -> [(f32, f32); 3] {
    let h = |i: usize| apparent_height(&level_scene(scene, treated[i]));
    let mid_top = g::MID_BOTTOM - h(1);
    let above_bottom = mid_top - g::DISC_HEIGHT;
    let below_top = g::MID_BOTTOM + g::DISC_HEIGHT;
    [
        (above_bottom - h(0), above_bottom),
        (mid_top, g::MID_BOTTOM),
        (below_top, below_top + h(2)),
    ]
}

/// How far down a treated level's instruments and cement sit from the middle one's (which
/// [`needle_tip`], [`balloon`] and the rest give): the offset between the two bodies' tops.
pub fn level_shift(scene: &Scene, treated: [bool; 3], level: usize) -> f32 {
    body_spans(scene, treated)[level.min(2)].0 - mid_top(scene)
}

/// Where the left needle enters the bone. Through the pedicle: at its upper-outer edge (about ten
/// o'clock). Beside it (extrapedicular): outside the ring's lateral wall, between it and the rib
/// head.
pub fn entry(scene: &Scene, way: impl Into<Way>) -> Pt {
    let way = way.into();
    let p = pedicle(mid_top(scene), way.ring);
    match way.route {
        Route::Transpedicular => Pt::new(p.c.x - p.rx * 0.62, p.c.y - p.ry * 0.6),
        Route::Extrapedicular => Pt::new(p.c.x - p.rx - 3.5, p.c.y + 2.0),
    }
}

/// Where an extrapedicular needle turns inward on the image: still lateral to the ring, below it.
fn extrapedicular_corner(scene: &Scene, ring: f32) -> Pt {
    let p = pedicle(mid_top(scene), ring);
    Pt::new(p.c.x - p.rx - 2.0, p.c.y + p.ry + 2.0)
}

/// Where the left needle's tip rests when fully in: inside the body, medial to the ring's medial
/// wall and below its centre; nearer the midline with one needle (aimed more steeply inward), and
/// with the extrapedicular route (which converges more).
pub fn target(scene: &Scene, bilateral: bool, route: Route) -> Pt {
    let p = pedicle(mid_top(scene), PEDICLE_RX);
    let x = if bilateral {
        medial_wall_x() + 6.0
    } else {
        MID_X - 10.0
    };
    match route {
        Route::Transpedicular => Pt::new(x, p.c.y + p.ry * 0.3),
        Route::Extrapedicular => Pt::new(x + 2.0, p.c.y + p.ry + 4.0),
    }
}

/// The left needle's tip on the image. Its progress follows the side view: from outside the
/// picture's bone, along the shaft, to the entry point while the side view shows it going through
/// the skin and the muscles; then, through the pedicle, inside the ring (never past its inner
/// wall) until the side view shows it past the back wall of the body, then inward; or, beside the
/// pedicle, down along the ring's outside to below it, then inward.
pub fn needle_tip(scene: &Scene, bilateral: bool, way: impl Into<Way>) -> Pt {
    let way = way.into();
    let route = way.route;
    let side = g::needle_tip(scene.needle).x;
    let p = pedicle(mid_top(scene), way.ring);
    let start = entry(scene, way);
    let wall = match route {
        Route::Transpedicular => Pt::new(medial_wall_x() - 1.5, p.c.y),
        Route::Extrapedicular => extrapedicular_corner(scene, way.ring),
    };
    let end = target(scene, bilateral, route);
    if side >= g::PEDICLE_BACK {
        let t = (g::SKIN_X - side) / (g::SKIN_X - g::PEDICLE_BACK);
        start
            .towards(shaft_end(scene, bilateral, way), 0.7)
            .towards(start, t)
    } else if side >= g::BODY_BACK {
        let t = (g::PEDICLE_BACK - side) / (g::PEDICLE_BACK - g::BODY_BACK);
        start.towards(wall, t)
    } else {
        let t = (g::BODY_BACK - side) / (g::BODY_BACK - g::needle_target().x);
        wall.towards(end, t.clamp(0.0, 1.0))
    }
}

/// Where the needle's shaft leaves the picture: outward and up from the entry point (the needle
/// comes in from behind and to the side, so on the image it points outward). Beside the pedicle
/// it comes in flatter, under the ring, from further out.
pub fn shaft_end(scene: &Scene, bilateral: bool, way: impl Into<Way>) -> Pt {
    let way = way.into();
    let route = way.route;
    match route {
        Route::Transpedicular => {
            let e = entry(scene, way);
            Pt::new(e.x - 44.0, e.y - 16.0)
        }
        Route::Extrapedicular => {
            let c = extrapedicular_corner(scene, way.ring);
            let t = target(scene, bilateral, route);
            let (dx, dy) = (c.x - t.x, c.y - t.y);
            let k = 50.0 / (dx * dx + dy * dy).sqrt();
            Pt::new(c.x + dx * k, c.y + dy * k)
        }
    }
}

/// A point on the shaft outside the body's side, for the working cannula's label.
pub fn shaft_label_point(scene: &Scene, bilateral: bool, way: impl Into<Way>) -> Pt {
    let way = way.into();
    let tip = needle_tip(scene, bilateral, way);
    let end = shaft_end(scene, bilateral, way);
    let x = MID_X - BODY_HALF_WIDTH - 8.0;
    let t = if (end.x - tip.x).abs() < 1e-3 {
        1.0
    } else {
        ((x - tip.x) / (end.x - tip.x)).clamp(0.0, 1.0)
    };
    tip.towards(end, t)
}

/// The vertical centre of the treated body on the image.
fn body_mid_y(scene: &Scene) -> f32 {
    (mid_top(scene) + g::MID_BOTTOM) / 2.0
}

/// The left balloon (the only one when `bilateral` is false, then across the midline). It slides
/// out of the needle's tip (`balloon_in`) and swells (`balloon_size`) in the body medial to and
/// below the pedicle rings, its height kept within the endplates.
pub fn balloon(scene: &Scene, bilateral: bool, way: impl Into<Way>) -> Ellipse {
    let way = way.into();
    let route = way.route;
    let slid = scene.balloon_in.clamp(0.0, 1.0);
    let size = scene.balloon_size.clamp(0.0, 1.0);
    let tip = target(scene, bilateral, route);
    let drop = 4.0;
    let place = Pt::new(
        if bilateral { MID_X - 12.0 } else { MID_X },
        body_mid_y(scene) + drop,
    );
    let max_ry = (apparent_height(scene) / 2.0 - drop - 3.0).min(14.0);
    let max_rx = if bilateral { 9.0 } else { 17.0 };
    let from = entry(scene, way);
    let dir = Pt::new(tip.x - from.x, tip.y - from.y);
    let angle = math::atan2(dir.y, dir.x).to_degrees() * (1.0 - size);
    Ellipse {
        c: tip.towards(place, slid),
        rx: 3.0 + (max_rx - 3.0) * (0.5 * slid + 0.5 * size),
        ry: 2.2 + (max_ry - 2.2) * size,
        angle_deg: angle,
    }
}

/// The cavity the balloon leaves: as large as the balloon made it, a little smaller once it is out.
pub fn cavity(scene: &Scene, bilateral: bool, way: impl Into<Way>) -> Ellipse {
    let full = balloon(
        &Scene {
            balloon_in: 1.0,
            balloon_size: 1.0,
            ..*scene
        },
        bilateral,
        way,
    );
    let k = scene.cavity.clamp(0.0, 1.0);
    let settle = 1.0 - 0.08 * (1.0 - scene.balloon_size.clamp(0.0, 1.0)) * k;
    Ellipse {
        c: full.c,
        rx: full.rx * k,
        ry: full.ry * k * settle,
        angle_deg: 0.0,
    }
}

/// The cement in the cavity: seen front to back it builds up from the middle outwards.
pub fn cement(scene: &Scene, bilateral: bool, way: impl Into<Way>) -> Ellipse {
    let c = cavity(scene, bilateral, way);
    let k = scene.cement.clamp(0.0, 1.0).sqrt();
    Ellipse {
        rx: c.rx * k,
        ry: c.ry * k,
        ..c
    }
}

/// True when `p` is inside the treated body's outline on the image, with `margin` to spare.
pub fn inside_treated_body(scene: &Scene, p: Pt, margin: f32) -> bool {
    (p.x - MID_X).abs() <= BODY_HALF_WIDTH - margin
        && p.y >= mid_top(scene) + margin
        && p.y <= g::MID_BOTTOM - margin
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::Grade;
    use crate::model::timeline::{scene_at, DiagramState, HEALTHY};

    /// Every level's pedicle ring's half width, and the usual one.
    fn rings() -> Vec<f32> {
        let mut v: Vec<f32> = crate::model::patient::SPINE_LEVELS
            .iter()
            .map(|l| ring_rx(l))
            .collect();
        v.push(PEDICLE_RX);
        v
    }

    #[test]
    fn rings_follow_the_levels_pedicle_widths() {
        assert_eq!(ring_rx("C7"), PEDICLE_RX);
        assert_eq!(ring_rx("T4"), ring_rx("T5"));
        assert_eq!(ring_rx("S1"), ring_rx("L5"));
        assert!(ring_rx("T5") < ring_rx("T8") && ring_rx("T8") < ring_rx("T12"));
        assert!(ring_rx("L1") < ring_rx("L3") && ring_rx("L3") < ring_rx("L5"));
        assert_eq!(ring_rx("L5"), 10.5);
        assert!((ring_rx("L1") - 7.5).abs() < 1e-4);
    }

    fn all_scenes() -> Vec<(DiagramState, f32, Scene)> {
        crate::model::timeline::sample_scenes(40, &Grade::ALL.map(|g| g.loss()))
    }

    #[test]
    fn the_fractured_body_looks_shorter_more_so_for_severer_grades_and_the_lift_helps() {
        let healthy = apparent_height(&HEALTHY);
        assert!((healthy - g::BODY_HEIGHT).abs() < 1e-4);
        let mut last = healthy;
        for grade in Grade::ALL {
            let fractured = Scene {
                loss: grade.loss(),
                ..scene_at(None, DiagramState::Fracture, 1.0)
            };
            let h = apparent_height(&fractured);
            assert!(h < last - 1.0, "{grade:?}: {h}");
            last = h;
            assert!(settle_above(&fractured) > 0.0, "the vertebra above settles");
            let lifted = Scene {
                lift: 0.5,
                ..fractured
            };
            assert!(apparent_height(&lifted) > h);
            assert!(apparent_height(&lifted) < healthy);
        }
        // Bodies and discs keep their order and sizes.
        let t = body_tops(&HEALTHY);
        assert_eq!(t[1] - t[0], g::BODY_HEIGHT + g::DISC_HEIGHT);
        assert_eq!(t[2], g::MID_BOTTOM + g::DISC_HEIGHT);
        assert!(t[0] > 0.0 && t[2] + g::BODY_HEIGHT < VIEW.1);
    }

    #[test]
    fn the_pedicle_rings_sit_over_the_upper_half_of_the_body_inside_its_sides() {
        for (top, rx) in body_tops(&HEALTHY)
            .into_iter()
            .flat_map(|t| rings().into_iter().map(move |r| (t, r)))
        {
            let p = pedicle(top, rx);
            assert!(p.c.y - p.ry >= top, "ring above the body");
            assert!(
                p.c.y < top + g::BODY_HEIGHT / 2.0,
                "ring over the upper half"
            );
            assert!(
                p.c.x - p.rx > MID_X - BODY_HALF_WIDTH,
                "inside the left side"
            );
            assert!(p.c.x + p.rx < MID_X, "left of the midline");
        }
    }

    #[test]
    fn the_tip_stays_lateral_to_the_medial_wall_until_the_side_view_shows_it_past_the_back_wall() {
        for (bilateral, rx) in [true, false]
            .into_iter()
            .flat_map(|b| rings().into_iter().map(move |r| (b, r)))
        {
            let way = Way {
                route: Route::Transpedicular,
                ring: rx,
            };
            for (s, t, scene) in all_scenes() {
                let tip = needle_tip(&scene, bilateral, way);
                let side_tip = g::needle_tip(scene.needle);
                if side_tip.x >= g::BODY_BACK {
                    assert!(
                        tip.x < medial_wall_x(),
                        "{s:?} at {t}: tip {tip:?} crosses the medial wall before the back wall"
                    );
                }
                let ring = pedicle(mid_top(&scene), rx);
                let start = entry(&scene, way);
                let (ex, ey) = (
                    (start.x - ring.c.x) / ring.rx,
                    (start.y - ring.c.y) / ring.ry,
                );
                assert!(
                    ex < 0.0 && ey < 0.0 && ex * ex + ey * ey <= 1.0,
                    "{s:?} at {t}: the entry {start:?} is not at the ring's upper outer edge {ring:?}"
                );
                if side_tip.x >= g::PEDICLE_BACK {
                    // Still in the soft tissues: outside the ring, up and out from the entry
                    // point, and reaching it as the side view reaches the pedicle.
                    assert!(
                        tip.x <= start.x + 1e-3 && tip.y <= start.y + 1e-3,
                        "{s:?} at {t}"
                    );
                    let k = (g::SKIN_X - side_tip.x) / (g::SKIN_X - g::PEDICLE_BACK);
                    assert!(tip.dist(start) <= 40.0 * (1.0 - k) + 1e-3, "{s:?} at {t}");
                } else if side_tip.x >= g::BODY_BACK {
                    assert!(
                        tip.x > ring.c.x - ring.rx,
                        "{s:?} at {t} (ring {rx}): tip outside the ring"
                    );
                }
            }
            let full = Scene {
                needle: 1.0,
                ..scene_at(None, DiagramState::Fracture, 1.0)
            };
            let tip = needle_tip(&full, bilateral, way);
            assert!(
                tip.x > medial_wall_x(),
                "fully in, the tip is past the wall"
            );
            assert!(tip.x < MID_X, "the tip stays off the midline");
            assert!(inside_treated_body(&full, tip, 2.0));
        }
        // One needle is aimed further inward than each of two.
        let full = Scene {
            needle: 1.0,
            ..HEALTHY
        };
        assert!(
            needle_tip(&full, false, Route::Transpedicular).x
                > needle_tip(&full, true, Route::Transpedicular).x
        );
    }

    #[test]
    fn beside_the_pedicle_the_needle_stays_outside_the_ring_until_below_it_inside_the_body() {
        for (bilateral, rx) in [true, false]
            .into_iter()
            .flat_map(|b| rings().into_iter().map(move |r| (b, r)))
        {
            let way = Way {
                route: Route::Extrapedicular,
                ring: rx,
            };
            let mut samples = vec![];
            for (s, t, scene) in all_scenes() {
                let tip = needle_tip(&scene, bilateral, way);
                samples.push((format!("{s:?} at {t}"), scene, tip));
                // The shaft too, from the tip back to where it leaves the picture.
                let end = shaft_end(&scene, bilateral, way);
                for k in 1..=20 {
                    samples.push((
                        format!("{s:?} at {t}, shaft {k}"),
                        scene,
                        tip.towards(end, k as f32 / 20.0),
                    ));
                }
            }
            for (what, scene, p) in samples {
                let ring = pedicle(mid_top(&scene), rx);
                let lateral = p.x < ring.c.x - ring.rx;
                let below_or_medial = (p.y > ring.c.y + ring.ry || p.x > medial_wall_x())
                    && inside_treated_body(&scene, p, 1.0);
                assert!(
                    lateral || below_or_medial,
                    "{what} (two: {bilateral}, ring {rx}): {p:?} crosses the pedicle ring"
                );
            }
            let full = Scene {
                needle: 1.0,
                ..scene_at(None, DiagramState::Fracture, 1.0)
            };
            let tip = needle_tip(&full, bilateral, way);
            assert!(tip.x > medial_wall_x(), "fully in, medial to the ring");
            assert!(inside_treated_body(&full, tip, 2.0));
            // It converges more than the transpedicular needle.
            assert!(tip.x > needle_tip(&full, bilateral, Route::Transpedicular).x);
            // It starts outside the ring's lateral wall, at the ring's height.
            let e = entry(&full, way);
            let ring = pedicle(mid_top(&full), rx);
            assert!(e.x < ring.c.x - ring.rx && (e.y - ring.c.y).abs() < ring.ry);
        }
    }

    #[test]
    fn fully_inflated_balloons_sit_in_the_body_medial_to_and_below_the_rings() {
        for grade in Grade::ALL {
            let inflated = Scene {
                loss: grade.loss(),
                ..scene_at(
                    Some(DiagramState::BalloonPlaced),
                    DiagramState::BalloonInflated,
                    1.0,
                )
            };
            let ring = pedicle(mid_top(&inflated), PEDICLE_RX);
            for bilateral in [true, false] {
                for route in [Route::Transpedicular, Route::Extrapedicular] {
                    let b = balloon(&inflated, bilateral, route);
                    assert!(
                        b.c.x > medial_wall_x(),
                        "{grade:?}: {b:?} medial to the wall"
                    );
                    assert!(b.c.y > ring.c.y, "{grade:?}: {b:?} below the ring's centre");
                    // No part of it overlaps the ring.
                    for p in b.outline(48) {
                        assert!(p.x > medial_wall_x(), "{grade:?}: {p:?} over the ring");
                    }
                    let tip = needle_tip(
                        &Scene {
                            needle: 1.0,
                            ..inflated
                        },
                        bilateral,
                        route,
                    );
                    assert!(tip.x > medial_wall_x());
                }
            }
        }
    }

    #[test]
    fn every_treated_level_is_wedged_and_its_instruments_move_with_it() {
        let scene = scene_at(None, DiagramState::Fracture, 1.0);
        let one = body_spans(&scene, [false, true, false]);
        let two = body_spans(&scene, [false, true, true]);
        let h = |s: (f32, f32)| s.1 - s.0;
        assert!((h(one[2]) - g::BODY_HEIGHT).abs() < 1e-4, "healthy below");
        assert!(
            (h(two[2]) - apparent_height(&scene)).abs() < 1e-4,
            "wedged below"
        );
        assert_eq!(one[1], two[1]);
        assert!((one[1].0 - mid_top(&scene)).abs() < 1e-4);
        let all = body_spans(&scene, [true; 3]);
        for (i, s) in all.iter().enumerate() {
            assert!(h(*s) < g::BODY_HEIGHT - 1.0, "level {i} wedged");
            assert!(s.0 > 0.0 && s.1 < VIEW.1);
        }
        assert!(all[0].1 + g::DISC_HEIGHT <= all[1].0 + 1e-4);
        // Shifted by the offset between body tops, a treated level's balloon is inside its body.
        let inflated = scene_at(
            Some(DiagramState::BalloonPlaced),
            DiagramState::BalloonInflated,
            1.0,
        );
        let spans = body_spans(&inflated, [true; 3]);
        for (i, (top, bottom)) in spans.iter().enumerate() {
            let dy = level_shift(&inflated, [true; 3], i);
            let b = balloon(&inflated, true, Route::Transpedicular);
            for p in b.outline(32) {
                let y = p.y + dy;
                assert!(
                    y > *top && y < *bottom,
                    "level {i}: {y} outside {top}..{bottom}"
                );
            }
        }
        assert_eq!(level_shift(&inflated, [true; 3], 1), 0.0);
    }

    #[test]
    fn the_tip_moves_inward_as_the_needle_goes_in() {
        let mut last = f32::MIN;
        for i in 0..=100 {
            let scene = Scene {
                needle: i as f32 / 100.0,
                ..HEALTHY
            };
            let x = needle_tip(&scene, true, Route::Transpedicular).x;
            assert!(x >= last - 1e-4, "went back outward at {i}");
            last = x;
        }
    }

    #[test]
    fn balloons_cavities_and_cement_stay_inside_the_body_and_two_balloons_stay_apart() {
        for (bilateral, route) in [true, false]
            .into_iter()
            .flat_map(|b| [(b, Route::Transpedicular), (b, Route::Extrapedicular)])
        {
            for (s, t, scene) in all_scenes() {
                let mut shapes = vec![];
                if scene.balloon_in > 0.0 || scene.balloon_size > 0.0 {
                    shapes.push(balloon(&scene, bilateral, route));
                }
                if scene.cavity > 0.0 {
                    shapes.push(cavity(&scene, bilateral, route));
                }
                if scene.cement > 0.0 {
                    shapes.push(cement(&scene, bilateral, route));
                }
                for e in shapes {
                    for p in e.outline(48) {
                        assert!(
                            inside_treated_body(&scene, p, 1.0),
                            "{s:?} at {t} (two: {bilateral}): {p:?} outside the body"
                        );
                        if bilateral {
                            assert!(p.x < MID_X, "{s:?} at {t}: the left balloon crosses");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_balloon_swells_and_the_cement_grows_with_the_timeline() {
        let placed = scene_at(Some(DiagramState::Needle), DiagramState::BalloonPlaced, 1.0);
        let inflated = scene_at(
            Some(DiagramState::BalloonPlaced),
            DiagramState::BalloonInflated,
            1.0,
        );
        for bilateral in [true, false] {
            let (a, b) = (
                balloon(&placed, bilateral, Route::Transpedicular),
                balloon(&inflated, bilateral, Route::Transpedicular),
            );
            assert!(
                b.rx * b.ry > 4.0 * a.rx * a.ry,
                "inflation makes it much bigger"
            );
            let mut last = 0.0;
            for i in 0..=20 {
                let sc = scene_at(
                    Some(DiagramState::BalloonRemoved),
                    DiagramState::Cement,
                    i as f32 / 20.0,
                );
                let c = cement(&sc, bilateral, Route::Transpedicular);
                assert!(c.rx * c.ry >= last);
                last = c.rx * c.ry;
            }
            assert!(last > 0.0);
        }
    }
}
