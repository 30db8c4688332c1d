//! Geometry of the top-down (axial) view of the treated vertebra, derived from a [`Scene`].
//!
//! Coordinate system: SVG user units in a `0 0 240 230` view box, 2 units per millimetre, y down.
//! The front of the body is at the top, the back (where the needles come in) at the bottom, and the
//! patient's left on the viewer's right, as on a CT image seen from the feet. Proportions follow an
//! adult upper lumbar vertebra: body 45 mm wide and 33 mm deep, pedicles about 8 mm wide and angled
//! inward about 17° from the midline.

use super::geometry::Pt;
use super::math;
use super::scene::Scene;

/// Width and height of the view box.
pub const VIEW: (f32, f32) = (240.0, 230.0);
/// How far back from its tip a needle is drawn in the view from above (past the picture's bottom
/// edge, where its handle would be).
pub const NEEDLE_DRAWN: f32 = 190.0;
/// Midline (x).
pub const MID_X: f32 = 120.0;
/// Front (anterior) edge of the body.
pub const BODY_FRONT_Y: f32 = 30.0;
/// Back (posterior) wall of the body, at the pedicles.
pub const BODY_BACK_Y: f32 = 96.0;
/// Half the body's width.
pub const BODY_HALF_WIDTH: f32 = 45.0;
/// The skin of the back.
pub const SKIN_Y: f32 = 222.0;
/// Half the width of a pedicle (8 mm wide).
pub const PEDICLE_HALF_WIDTH: f32 = 8.0;
/// Where the left pedicle (viewer's left) meets the body: centre of its front end.
pub const PEDICLE_FRONT: Pt = Pt::new(92.0, BODY_BACK_Y);
/// Centre of the left pedicle's back end, where it meets the lamina.
pub const PEDICLE_BACK: Pt = Pt::new(83.0, 128.0);

/// Unit vector along the left needle's path, from the skin towards the front of the body.
pub fn axis() -> Pt {
    let (dx, dy) = (
        PEDICLE_FRONT.x - PEDICLE_BACK.x,
        PEDICLE_FRONT.y - PEDICLE_BACK.y,
    );
    let len = (dx * dx + dy * dy).sqrt();
    Pt::new(dx / len, dy / len)
}

/// The point on the left needle's path at height `y`.
fn on_axis_at_y(y: f32) -> Pt {
    let u = axis();
    let s = (y - PEDICLE_FRONT.y) / u.y;
    Pt::new(PEDICLE_FRONT.x + u.x * s, y)
}

/// Mirrors a point of the left side to the right side.
pub fn mirror(p: Pt) -> Pt {
    Pt::new(2.0 * MID_X - p.x, p.y)
}

/// Where the left needle crosses the skin.
pub fn skin_entry() -> Pt {
    on_axis_at_y(SKIN_Y)
}

/// Where the left needle's tip rests when fully in: just inside the back wall, by
/// [`super::geometry::TIP_INSIDE`] along the path.
pub fn needle_target() -> Pt {
    let u = axis();
    let k = super::geometry::TIP_INSIDE;
    Pt::new(PEDICLE_FRONT.x + u.x * k, PEDICLE_FRONT.y + u.y * k)
}

/// The left needle's tip for a depth in `0.0..=1.0`.
pub fn needle_tip(depth: f32) -> Pt {
    skin_entry().towards(needle_target(), depth.clamp(0.0, 1.0))
}

/// The inner (medial) wall of the left pedicle at height `y` (between its back and front ends).
pub fn medial_wall_x(y: f32) -> f32 {
    on_axis_at_y(y).x + PEDICLE_HALF_WIDTH
}

/// The left balloon (or cavity) as an ellipse along the needle's axis, `(centre, half length,
/// half width, angle in degrees)`, for this slide-in and inflation.
pub fn balloon(scene: &Scene) -> (Pt, f32, f32, f32) {
    let slid = scene.balloon_in.clamp(0.0, 1.0);
    let size = scene.balloon_size.clamp(0.0, 1.0);
    let tip = needle_target();
    let place = on_axis_at_y(BODY_FRONT_Y + 32.0);
    let centre = tip.towards(place, slid);
    let u = axis();
    let angle = math::atan2(u.y, u.x).to_degrees();
    (
        centre,
        3.0 + 15.0 * slid + 2.0 * size,
        2.4 + 8.6 * size,
        angle,
    )
}

/// The left cavity: as large as the balloon made it, a little smaller once the balloon is out.
pub fn cavity(scene: &Scene) -> (Pt, f32, f32, f32) {
    let (c, rx, ry, a) = balloon(&Scene {
        balloon_in: 1.0,
        balloon_size: 1.0,
        ..*scene
    });
    let k = scene.cavity.clamp(0.0, 1.0);
    let settle = 1.0 - 0.08 * (1.0 - scene.balloon_size.clamp(0.0, 1.0)) * k;
    (c, rx * k, ry * k * settle, a)
}

/// The y down to which cement has filled the cavities, from the front backwards.
pub fn cement_back_y(scene: &Scene) -> f32 {
    let (c, rx, _, _) = cavity(scene);
    let front = c.y - rx - 2.0;
    let back = c.y + rx + 2.0;
    front + (back - front) * scene.cement.clamp(0.0, 1.0)
}

/// Exponent of the superellipse that outlines the body (2 would be an ellipse; larger is boxier).
const BODY_SHAPE: f32 = 2.6;

fn body_centre() -> Pt {
    Pt::new(MID_X, (BODY_FRONT_Y + BODY_BACK_Y) / 2.0)
}

/// The body's outline as points (a rounded, slightly boxy oval), clockwise from the front.
pub fn body_outline(n: usize) -> Vec<Pt> {
    let c = body_centre();
    let (a, b) = (BODY_HALF_WIDTH, (BODY_BACK_Y - BODY_FRONT_Y) / 2.0);
    (0..n)
        .map(|i| {
            let t = i as f32 / n as f32 * std::f32::consts::TAU;
            let (st, ct) = math::sin_cos(t);
            let e = 2.0 / BODY_SHAPE;
            Pt::new(
                c.x + a * ct.signum() * math::powf(ct.abs(), e),
                c.y + b * st.signum() * math::powf(st.abs(), e),
            )
        })
        .collect()
}

/// True when `p` is inside the vertebral body's outline, with `margin` to spare.
pub fn inside_body(p: Pt, margin: f32) -> bool {
    let c = body_centre();
    let (a, b) = (
        BODY_HALF_WIDTH - margin,
        (BODY_BACK_Y - BODY_FRONT_Y) / 2.0 - margin,
    );
    let (dx, dy) = (((p.x - c.x) / a).abs(), ((p.y - c.y) / b).abs());
    math::powf(dx, BODY_SHAPE) + math::powf(dy, BODY_SHAPE) <= 1.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::Ellipse;
    use crate::model::timeline::{scene_at, DiagramState};

    #[test]
    fn the_needle_never_crosses_the_inner_pedicle_wall_before_it_is_past_the_back_wall() {
        for i in 0..=200 {
            let tip = needle_tip(i as f32 / 200.0);
            if tip.y >= BODY_BACK_Y {
                assert!(
                    tip.x < medial_wall_x(tip.y),
                    "tip {tip:?} crosses the medial wall at {}",
                    medial_wall_x(tip.y)
                );
            }
            if tip.y <= PEDICLE_BACK.y && tip.y >= BODY_BACK_Y {
                let lateral = on_axis_at_y(tip.y).x - PEDICLE_HALF_WIDTH;
                assert!(tip.x > lateral, "tip {tip:?} leaves the pedicle sideways");
            }
        }
        assert!(
            needle_target().y < BODY_BACK_Y,
            "the tip ends inside the body"
        );
    }

    #[test]
    fn needles_angle_inward_and_the_tips_stay_off_the_midline_in_front_of_the_canal() {
        let u = axis();
        assert!(u.x > 0.0, "the left needle points towards the midline");
        let angle = math::atan2(u.x, -u.y).to_degrees();
        assert!((10.0..=25.0).contains(&angle), "medial angle {angle}");
        let tip = needle_target();
        assert!(tip.x < MID_X - 10.0);
        assert!(mirror(tip).x > MID_X + 10.0);
        assert!(inside_body(tip, 2.0));
    }

    #[test]
    fn balloons_and_cavities_stay_inside_the_body_and_apart() {
        let mut prev = None;
        for s in DiagramState::ALL {
            for i in 0..=40 {
                let scene = scene_at(prev, s, i as f32 / 40.0);
                for (c, rx, ry, a) in [balloon(&scene), cavity(&scene)] {
                    if rx < 0.5 || (scene.balloon_in == 0.0 && scene.cavity == 0.0) {
                        continue;
                    }
                    let e = Ellipse {
                        c,
                        rx,
                        ry,
                        angle_deg: a,
                    };
                    for p in e.outline(48) {
                        assert!(inside_body(p, 1.0), "{s:?} {i}: {p:?} outside the body");
                        assert!(
                            p.x < MID_X,
                            "{s:?} {i}: left balloon crosses the midline at {p:?}"
                        );
                    }
                }
            }
            prev = Some(s);
        }
    }

    #[test]
    fn cement_fills_from_front_to_back() {
        let mut last = f32::MIN;
        for i in 0..=50 {
            let sc = scene_at(
                Some(DiagramState::BalloonRemoved),
                DiagramState::Cement,
                i as f32 / 50.0,
            );
            let y = cement_back_y(&sc);
            assert!(y >= last);
            last = y;
        }
    }
}
