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

/// The left pedicle's ring of a vertebra whose body's top is at `top` (on the image).
pub fn pedicle(top: f32) -> Ellipse {
    Ellipse {
        c: Pt::new(MID_X - PEDICLE_DX, top + PEDICLE_DROP),
        rx: PEDICLE_RX,
        ry: PEDICLE_RY,
        angle_deg: 0.0,
    }
}

/// The inner (medial) wall of the treated vertebra's left pedicle (x).
pub fn medial_wall_x() -> f32 {
    MID_X - PEDICLE_DX + PEDICLE_RX
}

/// Where the left needle enters the bone: the pedicle's upper-outer edge (about ten o'clock).
pub fn entry(scene: &Scene) -> Pt {
    let p = pedicle(mid_top(scene));
    Pt::new(p.c.x - p.rx * 0.62, p.c.y - p.ry * 0.6)
}

/// Where the left needle's tip rests when fully in: just past the medial wall with two needles;
/// nearer the midline with one (a single needle is aimed more steeply inward).
pub fn target(scene: &Scene, bilateral: bool) -> Pt {
    let p = pedicle(mid_top(scene));
    let x = if bilateral {
        medial_wall_x() + 6.0
    } else {
        MID_X - 10.0
    };
    Pt::new(x, p.c.y + p.ry * 0.45)
}

/// The left needle's tip on the image. Its progress follows the side view: above the pedicle's
/// upper-outer edge until the side view shows it in the bone, through the pedicle ring (never past
/// its inner wall) until the side view shows it past the back wall of the body, then inward.
pub fn needle_tip(scene: &Scene, bilateral: bool) -> Pt {
    let side = g::needle_tip(scene.needle).x;
    let p = pedicle(mid_top(scene));
    let start = entry(scene);
    let wall = Pt::new(medial_wall_x() - 1.5, p.c.y + p.ry * 0.15);
    let end = target(scene, bilateral);
    if side >= g::PEDICLE_BACK {
        start
    } else if side >= g::BODY_BACK {
        let t = (g::PEDICLE_BACK - side) / (g::PEDICLE_BACK - g::BODY_BACK);
        start.towards(wall, t)
    } else {
        let t = (g::BODY_BACK - side) / (g::BODY_BACK - g::needle_target().x);
        wall.towards(end, t.clamp(0.0, 1.0))
    }
}

/// Where the needle's shaft leaves the picture: outward and up from the entry point (the needle
/// comes in from behind and to the side, so on the image it points outward).
pub fn shaft_end(scene: &Scene) -> Pt {
    let e = entry(scene);
    Pt::new(e.x - 44.0, e.y - 16.0)
}

/// The vertical centre of the treated body on the image.
fn body_mid_y(scene: &Scene) -> f32 {
    (mid_top(scene) + g::MID_BOTTOM) / 2.0
}

/// The left balloon (the only one when `bilateral` is false, then across the midline). It slides
/// out of the needle's tip (`balloon_in`) and swells (`balloon_size`), its height kept within the
/// endplates.
pub fn balloon(scene: &Scene, bilateral: bool) -> Ellipse {
    let slid = scene.balloon_in.clamp(0.0, 1.0);
    let size = scene.balloon_size.clamp(0.0, 1.0);
    let tip = target(scene, bilateral);
    let place = Pt::new(
        if bilateral { MID_X - 17.0 } else { MID_X },
        body_mid_y(scene) + 2.0,
    );
    let max_ry = (apparent_height(scene) / 2.0 - 6.0).min(15.0);
    let dir = Pt::new(tip.x - entry(scene).x, tip.y - entry(scene).y);
    let angle = dir.y.atan2(dir.x).to_degrees() * (1.0 - size);
    Ellipse {
        c: tip.towards(place, slid),
        rx: 3.0 + 5.0 * slid + 5.0 * size,
        ry: 2.2 + (max_ry - 2.2) * size,
        angle_deg: angle,
    }
}

/// The cavity the balloon leaves: as large as the balloon made it, a little smaller once it is out.
pub fn cavity(scene: &Scene, bilateral: bool) -> Ellipse {
    let full = balloon(
        &Scene {
            balloon_in: 1.0,
            balloon_size: 1.0,
            ..*scene
        },
        bilateral,
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
pub fn cement(scene: &Scene, bilateral: bool) -> Ellipse {
    let c = cavity(scene, bilateral);
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
        for top in body_tops(&HEALTHY) {
            let p = pedicle(top);
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
        for bilateral in [true, false] {
            for (s, t, scene) in all_scenes() {
                let tip = needle_tip(&scene, bilateral);
                let side_tip = g::needle_tip(scene.needle);
                if side_tip.x >= g::BODY_BACK {
                    assert!(
                        tip.x < medial_wall_x(),
                        "{s:?} at {t}: tip {tip:?} crosses the medial wall before the back wall"
                    );
                    let ring = pedicle(mid_top(&scene));
                    assert!(
                        tip.x > ring.c.x - ring.rx,
                        "{s:?} at {t}: tip outside the ring"
                    );
                }
            }
            let full = Scene {
                needle: 1.0,
                ..scene_at(None, DiagramState::Fracture, 1.0)
            };
            let tip = needle_tip(&full, bilateral);
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
        assert!(needle_tip(&full, false).x > needle_tip(&full, true).x);
    }

    #[test]
    fn the_tip_moves_inward_as_the_needle_goes_in() {
        let mut last = f32::MIN;
        for i in 0..=100 {
            let scene = Scene {
                needle: i as f32 / 100.0,
                ..HEALTHY
            };
            let x = needle_tip(&scene, true).x;
            assert!(x >= last - 1e-4, "went back outward at {i}");
            last = x;
        }
    }

    #[test]
    fn balloons_cavities_and_cement_stay_inside_the_body_and_two_balloons_stay_apart() {
        for bilateral in [true, false] {
            for (s, t, scene) in all_scenes() {
                let mut shapes = vec![];
                if scene.balloon_in > 0.0 || scene.balloon_size > 0.0 {
                    shapes.push(balloon(&scene, bilateral));
                }
                if scene.cavity > 0.0 {
                    shapes.push(cavity(&scene, bilateral));
                }
                if scene.cement > 0.0 {
                    shapes.push(cement(&scene, bilateral));
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
            let (a, b) = (balloon(&placed, bilateral), balloon(&inflated, bilateral));
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
                let c = cement(&sc, bilateral);
                assert!(c.rx * c.ry >= last);
                last = c.rx * c.ry;
            }
            assert!(last > 0.0);
        }
    }
}
