//! Geometry of the side (sagittal) view, derived from a [`Scene`].
//!
//! Coordinate system: SVG user units in a `0 0 272 240` view box, 2 units per millimetre, x to the
//! right, y down. The front of the body (belly side) is on the left, the back on the right, the head
//! at the top. Proportions follow an adult lumbar vertebra: body 26 mm tall and 33 mm deep (about
//! 0.8 : 1), discs 9 mm (about a third of the body's height).

use super::math;
use super::scene::Scene;

/// A point in view-box units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pt {
    /// Horizontal position (front of the body is smaller x).
    pub x: f32,
    /// Vertical position (down is larger y).
    pub y: f32,
}

impl Pt {
    /// A point.
    pub const fn new(x: f32, y: f32) -> Pt {
        Pt { x, y }
    }
    /// The point `t` of the way from `self` to `other`.
    pub fn towards(self, other: Pt, t: f32) -> Pt {
        Pt::new(
            self.x + (other.x - self.x) * t,
            self.y + (other.y - self.y) * t,
        )
    }
    /// Distance to another point.
    pub fn dist(self, other: Pt) -> f32 {
        let (dx, dy) = (self.x - other.x, self.y - other.y);
        (dx * dx + dy * dy).sqrt()
    }
}

/// The part of the segment from `a` to `b` inside a view box `(w, h)` from the origin, as the
/// fractions of the way from `a` where it starts and ends; `None` when no part is inside.
pub fn visible_span(a: Pt, b: Pt, (w, h): (f32, f32)) -> Option<(f32, f32)> {
    let (mut t0, mut t1) = (0.0f32, 1.0f32);
    for (p, d, max) in [(a.x, b.x - a.x, w), (a.y, b.y - a.y, h)] {
        if d == 0.0 {
            if p < 0.0 || p > max {
                return None;
            }
            continue;
        }
        // Where p + t·d crosses 0 and max, in order (plain comparisons: f32::min and max cost
        // the WebAssembly extra code for their NaN rules).
        let (mut u, mut v) = (-p / d, (max - p) / d);
        if u > v {
            (u, v) = (v, u);
        }
        if u > t0 {
            t0 = u;
        }
        if v < t1 {
            t1 = v;
        }
    }
    (t0 <= t1).then_some((t0, t1))
}

/// Where the label of an instrument from `a` (its tip) to `b` points: `at` of the way along it
/// when all of it is in the view box `view`, else at most the middle of the part that is; `None`
/// when no part is (a needle only starting in, beyond the picture's edge).
pub fn label_point(a: Pt, b: Pt, view: (f32, f32), at: f32) -> Option<Pt> {
    let (t0, t1) = visible_span(a, b, view)?;
    let half = (t1 - t0) * 0.5;
    Some(a.towards(b, t0 + if half < at { half } else { at }))
}

/// Width and height of the view box.
pub const VIEW: (f32, f32) = (272.0, 240.0);
/// Front (anterior) wall of every vertebral body.
pub const BODY_FRONT: f32 = 62.0;
/// Back (posterior) wall of every vertebral body.
pub const BODY_BACK: f32 = 128.0;
/// Depth of a vertebral body (33 mm).
pub const BODY_DEPTH: f32 = BODY_BACK - BODY_FRONT;
/// Height of a healthy vertebral body (26 mm).
pub const BODY_HEIGHT: f32 = 52.0;
/// Height of a disc (9 mm).
pub const DISC_HEIGHT: f32 = 18.0;
/// Top of the middle (treated) vertebra's body, at its back wall, which does not collapse.
pub const MID_TOP: f32 = 94.0;
/// Bottom of the middle vertebra's body.
pub const MID_BOTTOM: f32 = MID_TOP + BODY_HEIGHT;
/// The most front height a drawn fracture may lose (a severe, Genant grade 3 wedge).
pub const MAX_LOSS: f32 = 0.5;
/// Where the skin is, on the back.
pub const SKIN_X: f32 = 248.0;
/// Centre of the pedicle of the middle vertebra, which the needle passes through.
pub const PEDICLE_CENTRE: Pt = Pt::new(140.0, 104.0);
/// Top and bottom of the middle vertebra's pedicle where it meets the body.
pub const PEDICLE_SPAN: (f32, f32) = (MID_TOP + 1.0, MID_TOP + 19.0);
/// Back end of the pedicle, where it meets the lamina.
pub const PEDICLE_BACK: f32 = 152.0;

/// Unit vector of the needle's path, pointing from the skin into the body (forward and down).
pub fn needle_axis() -> Pt {
    let (dx, dy) = (-1.0_f32, 0.26_f32);
    let len = (dx * dx + dy * dy).sqrt();
    Pt::new(dx / len, dy / len)
}

/// The point on the needle's path at horizontal position `x`.
fn on_axis_at_x(x: f32) -> Pt {
    let u = needle_axis();
    let s = (x - PEDICLE_CENTRE.x) / u.x;
    Pt::new(x, PEDICLE_CENTRE.y + u.y * s)
}

/// Where the needle crosses the skin.
pub fn skin_entry() -> Pt {
    on_axis_at_x(SKIN_X)
}

/// How far inside the back wall of the body the working cannula's tip rests once the stylet is
/// out: 5 mm, just inside (the drill and the balloon go on to the front third). Every view uses
/// it: the side view in front of the back wall, the view from above along the needle's path.
pub const TIP_INSIDE: f32 = 10.0;

/// Where the needle's tip rests when fully in: just inside the back wall of the body.
pub fn needle_target() -> Pt {
    on_axis_at_x(BODY_BACK - TIP_INSIDE)
}

/// The needle's tip for a needle depth in `0.0..=1.0` (0 = touching the skin).
pub fn needle_tip(depth: f32) -> Pt {
    skin_entry().towards(needle_target(), depth.clamp(0.0, 1.0))
}

/// The front height of the middle vertebra's body for this scene.
pub fn front_height(scene: &Scene) -> f32 {
    let lost = BODY_HEIGHT * scene.loss.clamp(0.0, MAX_LOSS) * scene.collapse.clamp(0.0, 1.0);
    BODY_HEIGHT - lost * (1.0 - scene.lift.clamp(0.0, 1.0))
}

/// The wedge angle of the middle vertebra in degrees: atan((back − front height) / depth).
pub fn wedge_angle_deg(scene: &Scene) -> f32 {
    math::atan((BODY_HEIGHT - front_height(scene)) / BODY_DEPTH).to_degrees()
}

/// The y of the middle vertebra's top endplate at horizontal position `x` (it slopes down to the
/// front as the body collapses; the back corner stays put).
pub fn top_endplate_y(scene: &Scene, x: f32) -> f32 {
    let drop = BODY_HEIGHT - front_height(scene);
    let from_back = ((BODY_BACK - x) / BODY_DEPTH).clamp(0.0, 1.0);
    MID_TOP + drop * from_back
}

/// An ellipse in view-box units, rotated by `angle_deg` about its centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ellipse {
    /// Centre.
    pub c: Pt,
    /// Half length along its own axis.
    pub rx: f32,
    /// Half width across its axis.
    pub ry: f32,
    /// Rotation in degrees (SVG sense: clockwise on screen).
    pub angle_deg: f32,
}

impl Ellipse {
    /// Points around the outline, for containment checks.
    pub fn outline(&self, n: usize) -> Vec<Pt> {
        let (sa, ca) = math::sin_cos(self.angle_deg.to_radians());
        (0..n)
            .map(|i| {
                let t = i as f32 / n as f32 * std::f32::consts::TAU;
                let (st, ct) = math::sin_cos(t);
                let (x, y) = (self.rx * ct, self.ry * st);
                Pt::new(self.c.x + x * ca - y * sa, self.c.y + x * sa + y * ca)
            })
            .collect()
    }
}

/// Centre of the balloon when it is fully out of the needle and inflated.
pub const BALLOON_CENTRE: Pt = Pt::new(88.0, 124.0);

/// The balloon: it slides out of the needle tip along the needle's path (`balloon_in`), then grows
/// from a thin sleeve into a rounded shape (`balloon_size`).
pub fn balloon(scene: &Scene) -> Ellipse {
    let tip = needle_target();
    let inflated = scene.balloon_size.clamp(0.0, 1.0);
    let slid = scene.balloon_in.clamp(0.0, 1.0);
    // The deflated sleeve is 20 mm long; it slides from inside the needle to its place.
    let centre = tip.towards(BALLOON_CENTRE, slid);
    let rx = 3.0 + 15.0 * slid + 3.0 * inflated;
    let ry = 2.4 + 11.6 * inflated;
    let angle = math::atan2(needle_axis().y, -needle_axis().x).to_degrees() * (1.0 - inflated);
    Ellipse {
        c: centre,
        rx,
        ry,
        angle_deg: -angle,
    }
}

/// The cavity left in the spongy bone: it grows with the balloon and stays (a little smaller, as
/// some height is lost again) once the balloon is out.
pub fn cavity(scene: &Scene) -> Ellipse {
    let full = balloon(&Scene {
        balloon_in: 1.0,
        balloon_size: 1.0,
        ..*scene
    });
    let k = scene.cavity.clamp(0.0, 1.0);
    let settle = 1.0 - 0.08 * (1.0 - scene.balloon_size.clamp(0.0, 1.0)) * k;
    Ellipse {
        c: full.c,
        rx: full.rx * k,
        ry: full.ry * k * settle,
        angle_deg: 0.0,
    }
}

/// The x up to which the cement has filled the cavity, from its front edge backwards.
pub fn cement_front_x(scene: &Scene) -> f32 {
    let c = cavity(scene);
    let left = c.c.x - c.rx - 2.0;
    let right = c.c.x + c.rx + 2.0;
    left + (right - left) * scene.cement.clamp(0.0, 1.0)
}

/// How far the vertebra above tilts forward (degrees): it rests on the sloping endplate, so it
/// follows the wedge below it (the kyphotic tilt of the segment).
pub fn tilt_above_deg(scene: &Scene) -> f32 {
    wedge_angle_deg(scene)
}

/// True when `p` is inside the middle vertebra's body for this scene (with `margin` units to spare).
pub fn inside_middle_body(scene: &Scene, p: Pt, margin: f32) -> bool {
    p.x >= BODY_FRONT + margin
        && p.x <= BODY_BACK - margin
        && p.y >= top_endplate_y(scene, p.x) + margin
        && p.y <= MID_BOTTOM - margin
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::Grade;
    use crate::model::timeline::{scene_at, DiagramState, HEALTHY};

    /// Once the stylet is out, the working cannula's tip rests just inside the back wall (the
    /// drill and the balloon go on to the front third), in the side view and from above, by
    /// either route.
    #[test]
    fn the_cannula_tip_rests_just_inside_the_back_wall() {
        use crate::model::{axial as a, route::Route};
        let t = needle_target();
        assert!(inside_middle_body(&HEALTHY, t, 2.0), "{t:?}");
        assert!(BODY_BACK - t.x <= 12.0, "{t:?}: more than 6 mm in");
        for route in [Route::Transpedicular, Route::Extrapedicular] {
            let p = route.path(&a::Pedicle::DRAWN);
            let (t, b) = (p.target(), p.through);
            assert!(
                a::inside_body(t, 2.0) && t.dist(b) <= 12.0,
                "{route:?}: {t:?}"
            );
        }
    }

    #[test]
    fn the_visible_part_of_a_segment_and_its_label_point() {
        let view = (100.0, 50.0);
        let inside = Pt::new(20.0, 10.0);
        let span = |b: Pt| visible_span(inside, b, view);
        assert_eq!(span(Pt::new(80.0, 40.0)), Some((0.0, 1.0)));
        // Out through each edge.
        assert_eq!(span(Pt::new(180.0, 10.0)), Some((0.0, 0.5)));
        assert_eq!(span(Pt::new(-20.0, 10.0)), Some((0.0, 0.5)));
        assert_eq!(span(Pt::new(20.0, 170.0)), Some((0.0, 0.25)));
        assert_eq!(span(Pt::new(20.0, -30.0)), Some((0.0, 0.25)));
        // Out through the nearer of two edges.
        let (t0, t1) = span(Pt::new(180.0, 170.0)).unwrap_or_default();
        assert!(t0 == 0.0 && (t1 - 0.25).abs() < 1e-6, "{t1}");
        // In from above and out through the bottom: only the middle part.
        let (t0, t1) =
            visible_span(Pt::new(50.0, -50.0), Pt::new(50.0, 100.0), view).unwrap_or_default();
        assert!(
            (t0 - 1.0 / 3.0).abs() < 1e-6 && (t1 - 2.0 / 3.0).abs() < 1e-6,
            "{t0} {t1}"
        );
        // Wholly outside, also along an edge's line.
        assert_eq!(
            visible_span(Pt::new(120.0, 10.0), Pt::new(140.0, 30.0), view),
            None
        );
        assert_eq!(
            visible_span(Pt::new(-10.0, -5.0), Pt::new(-10.0, 40.0), view),
            None
        );
        assert_eq!(
            visible_span(Pt::new(-10.0, 60.0), Pt::new(10.0, 80.0), view),
            None
        );

        // The label point: `at` of the way when all is inside, else the visible part's middle.
        let lp = |a: Pt, b: Pt, at: f32| label_point(a, b, view, at);
        assert_eq!(
            lp(inside, Pt::new(80.0, 10.0), 0.5),
            Some(Pt::new(50.0, 10.0))
        );
        assert_eq!(
            lp(inside, Pt::new(80.0, 10.0), 0.25),
            Some(Pt::new(35.0, 10.0))
        );
        assert_eq!(
            lp(inside, Pt::new(180.0, 10.0), 0.5),
            Some(Pt::new(60.0, 10.0))
        );
        assert_eq!(
            lp(Pt::new(50.0, -50.0), Pt::new(50.0, 100.0), 0.5),
            Some(Pt::new(50.0, 25.0))
        );
        assert_eq!(lp(Pt::new(120.0, 10.0), Pt::new(140.0, 10.0), 0.5), None);
    }

    fn all_scenes() -> Vec<(DiagramState, f32, Scene)> {
        crate::model::timeline::sample_scenes(40, &[])
    }

    #[test]
    fn the_fracture_is_a_grade_two_wedge_of_about_sixteen_degrees() {
        let s = scene_at(None, DiagramState::Fracture, 1.0);
        let ratio = front_height(&s) / BODY_HEIGHT;
        assert!((0.60..=0.75).contains(&ratio), "front/back = {ratio}");
        let angle = wedge_angle_deg(&s);
        assert!((14.0..=17.0).contains(&angle), "wedge = {angle}");
    }

    #[test]
    fn height_stays_between_fractured_and_healthy() {
        let fractured = BODY_HEIGHT * (1.0 - HEALTHY.loss);
        for (s, t, scene) in all_scenes() {
            let h = front_height(&scene);
            assert!(
                h >= fractured - 1e-3 && h <= BODY_HEIGHT + 1e-3,
                "{s:?} at {t}: {h}"
            );
            if s >= DiagramState::Preparation {
                assert!(h < BODY_HEIGHT - 1.0, "{s:?}: height fully restored");
            }
        }
    }

    #[test]
    fn the_needle_passes_through_the_pedicle_into_the_body() {
        let u = needle_axis();
        let s = skin_entry();
        let tip = needle_target();
        assert!(tip.x < BODY_BACK && tip.x > BODY_FRONT + BODY_DEPTH / 2.0);
        // Sample the path between the back of the pedicle and the back wall: inside the pedicle.
        let mut p = s;
        while p.x > tip.x {
            if p.x <= PEDICLE_BACK && p.x >= BODY_BACK {
                assert!(
                    p.y > PEDICLE_SPAN.0 + 3.0 && p.y < PEDICLE_SPAN.1 - 3.0,
                    "leaves the pedicle at {p:?}"
                );
            }
            p = Pt::new(p.x + u.x, p.y + u.y);
        }
    }

    #[test]
    fn balloon_cavity_and_cement_stay_inside_the_body() {
        for (s, t, scene) in all_scenes() {
            if scene.balloon_in > 0.0 || scene.balloon_size > 0.0 {
                for p in balloon(&scene).outline(48) {
                    assert!(
                        inside_middle_body(&scene, p, 1.0),
                        "balloon out at {s:?} {t}: {p:?}"
                    );
                }
            }
            if scene.cavity > 0.0 {
                for p in cavity(&scene).outline(48) {
                    assert!(
                        inside_middle_body(&scene, p, 1.0),
                        "cavity out at {s:?} {t}: {p:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_grade_keeps_balloon_and_cement_inside_and_steeper_grades_wedge_more() {
        let mut last_angle = 0.0;
        for grade in [Grade::Mild, Grade::Moderate, Grade::Severe] {
            let fractured = Scene {
                loss: grade.loss(),
                ..scene_at(None, DiagramState::Fracture, 1.0)
            };
            let angle = wedge_angle_deg(&fractured);
            assert!(angle > last_angle, "{grade:?}: {angle}");
            last_angle = angle;
            let ratio = front_height(&fractured) / BODY_HEIGHT;
            let (lo, hi) = grade.loss_range();
            assert!(
                (1.0 - hi..=1.0 - lo).contains(&ratio),
                "{grade:?}: front/back {ratio}"
            );
            for (_, _, scene) in all_scenes() {
                let scene = Scene {
                    loss: grade.loss(),
                    ..scene
                };
                if scene.balloon_in > 0.0 || scene.balloon_size > 0.0 {
                    for p in balloon(&scene).outline(48) {
                        assert!(
                            inside_middle_body(&scene, p, 1.0),
                            "{grade:?}: balloon out at {p:?}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn cement_fill_only_grows_during_the_cement_step() {
        let mut last = f32::MIN;
        for i in 0..=60 {
            let sc = scene_at(
                Some(DiagramState::BalloonRemoved),
                DiagramState::Cement,
                i as f32 / 60.0,
            );
            let x = cement_front_x(&sc);
            assert!(x >= last, "cement went back at {i}");
            last = x;
        }
    }
}
