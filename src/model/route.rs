//! The needle's route in the view from above (consult mode): through the pedicle
//! (transpedicular), or, at thoracic levels, beside the pedicle by the rib head (extrapedicular).
//! Coordinates are those of [`super::axial`]; everything is given for the left side and mirrored.

use super::axial::{self as a, BODY_FRONT_Y, SKIN_Y};
use super::geometry::Pt;
use super::math;
use super::patient::is_thoracic;
use super::scene::Scene;

/// How the needle reaches the vertebral body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Route {
    /// Through the pedicle.
    #[default]
    Transpedicular,
    /// Beside the pedicle, between it and the rib head (thoracic levels only).
    Extrapedicular,
}

impl Route {
    /// Whether this route is offered at a level: the extrapedicular one only where ribs are.
    pub fn offered_at(self, level: &str) -> bool {
        self == Route::Transpedicular || is_thoracic(level)
    }

    /// The route drawn at a level: the chosen one if offered there, else transpedicular.
    pub fn at(self, level: &str) -> Route {
        if self.offered_at(level) {
            self
        } else {
            Route::Transpedicular
        }
    }

    /// The left needle's path when `bilateral` is false, alone: it aims more steeply inward, so
    /// that its balloon and cement reach across the midline, as the AP projection draws them.
    /// Through the pedicle it is turned by [`ONE_NEEDLE_TURN_DEG`] about the pedicle's middle (so
    /// it stays inside the pedicle at both ends); beside it, steep already, by half that, about
    /// where it enters the body.
    pub fn path_for(self, bilateral: bool) -> Path {
        let p = self.path();
        if bilateral {
            return p;
        }
        let turn = match self {
            Route::Transpedicular => ONE_NEEDLE_TURN_DEG,
            Route::Extrapedicular => ONE_NEEDLE_TURN_DEG / 2.0,
        };
        let angle = math::atan2(p.axis.x, -p.axis.y) + turn.to_radians();
        let (s, c) = math::sin_cos(angle);
        let through = match self {
            Route::Transpedicular => {
                let mid = a::PEDICLE_BACK.towards(a::PEDICLE_FRONT, 0.5);
                Pt::new(mid.x + s * (a::BODY_BACK_Y - mid.y) / -c, a::BODY_BACK_Y)
            }
            Route::Extrapedicular => p.through,
        };
        Path {
            through,
            axis: Pt::new(s, -c),
        }
    }

    /// The left needle's straight path for this route.
    pub fn path(self) -> Path {
        match self {
            Route::Transpedicular => Path {
                through: a::PEDICLE_FRONT,
                axis: a::axis(),
            },
            Route::Extrapedicular => {
                let angle = EXTRA_ANGLE_DEG.to_radians();
                Path {
                    through: EXTRA_BODY_ENTRY,
                    axis: Pt::new(math::sin(angle), -math::cos(angle)),
                }
            }
        }
    }
}

/// How much more steeply inward one needle alone aims through the pedicle than each of two.
pub const ONE_NEEDLE_TURN_DEG: f32 = 14.0;

/// The rib head at thoracic levels (left side): against the side of the body just in front of the
/// pedicle, where the rib joins the vertebra.
pub const RIB_HEAD: Pt = Pt::new(75.0, 84.0);
/// Radius of the drawn rib head.
pub const RIB_HEAD_R: f32 = 6.0;
/// Where the extrapedicular needle enters the body: its back outer corner, between the pedicle's
/// outer wall and the rib head.
pub const EXTRA_BODY_ENTRY: Pt = Pt::new(84.5, 88.0);
/// The extrapedicular needle's inward angle from straight ahead (steeper than through the pedicle,
/// as it starts further out).
pub const EXTRA_ANGLE_DEG: f32 = 34.0;

/// Half the width of the bandage in the view from above.
pub const BANDAGE_HALF: f32 = 9.0;

/// A left needle's straight path from the skin into the body.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Path {
    /// Where the path enters the body (its back wall, or the back outer corner beside the pedicle).
    pub through: Pt,
    /// Unit vector from the skin towards the front of the body.
    pub axis: Pt,
}

impl Path {
    /// The point of the path at height `y`.
    pub fn at_y(&self, y: f32) -> Pt {
        let s = (y - self.through.y) / self.axis.y;
        Pt::new(self.through.x + self.axis.x * s, y)
    }

    /// Where the needle crosses the skin.
    pub fn skin_entry(&self) -> Pt {
        self.at_y(SKIN_Y)
    }

    /// The middle of the small bandage the view from above draws on the skin over the entry: at
    /// the entry, or, where the entry lies past the picture's edge (the extrapedicular route starts
    /// further out), moved in just far enough to show the whole bandage (18 units wide) there.
    pub fn bandage_x(&self) -> f32 {
        self.skin_entry().x.max(BANDAGE_HALF + 1.0)
    }

    /// Where the tip rests when fully in: just inside the body, by
    /// [`crate::model::geometry::TIP_INSIDE`] along the path from where it enters (`through`).
    pub fn target(&self) -> Pt {
        let k = crate::model::geometry::TIP_INSIDE;
        Pt::new(
            self.through.x + self.axis.x * k,
            self.through.y + self.axis.y * k,
        )
    }

    /// The tip for a depth in `0.0..=1.0`.
    pub fn tip(&self, depth: f32) -> Pt {
        self.skin_entry()
            .towards(self.target(), depth.clamp(0.0, 1.0))
    }

    /// The far end of the needle as the view from above draws it, [`a::NEEDLE_DRAWN`] back
    /// from the tip at that depth.
    pub fn hub(&self, depth: f32) -> Pt {
        let tip = self.tip(depth);
        Pt::new(
            tip.x - self.axis.x * a::NEEDLE_DRAWN,
            tip.y - self.axis.y * a::NEEDLE_DRAWN,
        )
    }

    /// The balloon along this path, `(centre, half length, half width, angle in degrees)`, as
    /// [`a::balloon`] draws it for the transpedicular path.
    pub fn balloon(&self, scene: &Scene) -> (Pt, f32, f32, f32) {
        let slid = scene.balloon_in.clamp(0.0, 1.0);
        let size = scene.balloon_size.clamp(0.0, 1.0);
        let centre = self.target().towards(self.at_y(BODY_FRONT_Y + 32.0), slid);
        let angle = math::atan2(self.axis.y, self.axis.x).to_degrees();
        (
            centre,
            3.0 + 15.0 * slid + 2.0 * size,
            2.4 + 8.6 * size,
            angle,
        )
    }

    /// The cavity the balloon leaves, as [`a::cavity`].
    pub fn cavity(&self, scene: &Scene) -> (Pt, f32, f32, f32) {
        let (c, rx, ry, ang) = self.balloon(&Scene {
            balloon_in: 1.0,
            balloon_size: 1.0,
            ..*scene
        });
        let k = scene.cavity.clamp(0.0, 1.0);
        let settle = 1.0 - 0.08 * (1.0 - scene.balloon_size.clamp(0.0, 1.0)) * k;
        (c, rx * k, ry * k * settle, ang)
    }

    /// The y down to which cement has filled the cavity, from the front backwards.
    pub fn cement_back_y(&self, scene: &Scene) -> f32 {
        let (c, rx, _, _) = self.cavity(scene);
        let front = c.y - rx - 2.0;
        let back = c.y + rx + 2.0;
        front + (back - front) * scene.cement.clamp(0.0, 1.0)
    }
}

/// The pedicle's outer (lateral) wall at height `y`, for the left side.
pub fn lateral_wall_x(y: f32) -> f32 {
    a::medial_wall_x(y) - 2.0 * a::PEDICLE_HALF_WIDTH
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::Ellipse;
    use crate::model::timeline::{scene_at, DiagramState};

    #[test]
    fn the_needle_label_points_inside_the_picture_on_both_routes() {
        use crate::model::geometry::label_point;
        for (route, path) in [Route::Transpedicular, Route::Extrapedicular]
            .into_iter()
            .flat_map(|r| [(r, r.path()), (r, r.path_for(false))])
        {
            for i in 1..=50 {
                let depth = i as f32 / 50.0;
                let Some(p) = label_point(path.tip(depth), path.hub(depth), a::VIEW, 0.42) else {
                    // Only while it is starting in, from beyond the picture's edge (a lone
                    // needle beside the pedicle starts furthest out).
                    assert!(
                        depth < 0.35,
                        "{route:?} {depth}: no part of the needle in the picture"
                    );
                    continue;
                };
                let (w, h) = a::VIEW;
                let near = |q: f32, lo: f32, hi: f32| q >= lo - 0.01 && q <= hi + 0.01;
                assert!(
                    near(p.x, 0.0, w) && near(p.y, 0.0, h),
                    "{route:?} {depth}: {p:?}"
                );
            }
        }
    }

    /// The bandage sits over the needle's entry where the picture shows it, and is always whole
    /// inside the picture, on both sides: the extrapedicular entry lies past the left edge.
    #[test]
    fn the_bandage_is_over_the_entry_and_whole_inside_the_picture() {
        let (w, _) = a::VIEW;
        for route in [Route::Transpedicular, Route::Extrapedicular] {
            let p = route.path();
            let entry = p.skin_entry().x;
            let left = p.bandage_x();
            let right = a::mirror(Pt::new(left, 0.0)).x;
            for c in [left, right] {
                assert!(
                    c - BANDAGE_HALF >= 0.0 && c + BANDAGE_HALF <= w,
                    "{route:?}: bandage at {c}, picture 0..{w}"
                );
            }
            if entry >= BANDAGE_HALF {
                assert_eq!(left, entry, "{route:?}");
            } else {
                assert!(
                    left - BANDAGE_HALF < 2.0,
                    "{route:?}: at the edge nearest the entry"
                );
            }
        }
        assert!(Route::Extrapedicular.path().skin_entry().x < 0.0);
    }

    /// The ellipse of a `(centre, half length, half width, angle)` as `Path::balloon` gives it.
    fn ellipse((c, rx, ry, angle_deg): (Pt, f32, f32, f32)) -> Ellipse {
        Ellipse {
            c,
            rx,
            ry,
            angle_deg,
        }
    }

    fn every_scene() -> Vec<Scene> {
        crate::model::timeline::sample_scenes(30, &[])
            .into_iter()
            .map(|(_, _, s)| s)
            .collect()
    }

    #[test]
    fn extrapedicular_is_offered_only_at_thoracic_levels() {
        assert!(Route::Extrapedicular.offered_at("T8"));
        assert!(Route::Extrapedicular.offered_at("T12"));
        assert!(!Route::Extrapedicular.offered_at("L1"));
        assert_eq!(Route::Extrapedicular.at("L3"), Route::Transpedicular);
        assert_eq!(Route::Extrapedicular.at("T6"), Route::Extrapedicular);
        assert!(Route::Transpedicular.offered_at("L5"));
    }

    /// One needle alone through the pedicle stays inside it (between its walls, from its back end
    /// to the body), and its balloon and cement stay in the body and reach across the midline,
    /// as the AP projection draws them; with two, or beside the pedicle, the path is the usual one.
    #[test]
    fn one_needle_alone_aims_across_the_midline_and_stays_in_the_pedicle() {
        assert_eq!(
            Route::Transpedicular.path_for(true),
            Route::Transpedicular.path()
        );
        assert_eq!(
            Route::Extrapedicular.path_for(true),
            Route::Extrapedicular.path()
        );
        let p = Route::Transpedicular.path_for(false);
        assert!(
            p.axis.x > Route::Transpedicular.path().axis.x,
            "more steeply inward"
        );
        for i in 0..=40 {
            let y = a::PEDICLE_BACK.y + (a::PEDICLE_FRONT.y - a::PEDICLE_BACK.y) * i as f32 / 40.0;
            let x = p.at_y(y).x;
            assert!(
                x > lateral_wall_x(y) + 1.0 && x < a::medial_wall_x(y) - 1.0,
                "at y {y}: {x} outside the pedicle"
            );
        }
        for route in [Route::Transpedicular, Route::Extrapedicular] {
            let p = route.path_for(false);
            for sc in every_scene() {
                for e in [p.balloon(&sc), p.cavity(&sc)].map(ellipse) {
                    if e.rx < 0.5 {
                        continue;
                    }
                    for q in e.outline(48) {
                        assert!(a::inside_body(q, 1.0), "{route:?}: {q:?} outside the body");
                    }
                }
            }
            let inflated = scene_at(
                Some(DiagramState::BalloonPlaced),
                DiagramState::BalloonInflated,
                1.0,
            );
            let e = ellipse(p.balloon(&inflated));
            assert!(
                e.outline(48).iter().any(|q| q.x > a::MID_X + 2.0),
                "{route:?}: the balloon reaches across the midline"
            );
        }
    }

    #[test]
    fn the_transpedicular_path_is_the_one_the_view_from_above_draws() {
        let p = Route::Transpedicular.path();
        assert!(p.skin_entry().dist(a::skin_entry()) < 1e-3);
        assert!(p.target().dist(a::needle_target()) < 1e-3);
        for sc in every_scene() {
            assert_eq!(p.balloon(&sc).0, a::balloon(&sc).0);
            assert!((p.cement_back_y(&sc) - a::cement_back_y(&sc)).abs() < 1e-3);
        }
    }

    /// The extrapedicular needle stays out of the spinal canal, passes outside the pedicle (lateral
    /// to its outer wall, so also to its inner wall) and inside the rib head, and ends in the body.
    #[test]
    fn the_extrapedicular_path_stays_outside_the_canal_and_the_pedicle_and_ends_in_the_body() {
        for p in [
            Route::Extrapedicular.path(),
            Route::Extrapedicular.path_for(false),
        ] {
            extrapedicular_path_checks(p);
        }
    }

    fn extrapedicular_path_checks(p: Path) {
        let pedicle_front_end = a::PEDICLE_FRONT.y - 6.0 * a::axis().y.abs();
        for i in 0..=400 {
            let tip = p.tip(i as f32 / 400.0);
            // Behind the back wall of the body: never in the canal (between the pedicles' inner
            // walls) and never across the pedicle's inner wall.
            if tip.y >= a::BODY_BACK_Y {
                assert!(tip.x < a::medial_wall_x(tip.y), "{tip:?} medial wall");
                assert!(tip.x < a::MID_X - 20.0, "{tip:?} in the canal");
            }
            // Alongside the pedicle, from its back end to where it joins the body: outside its
            // outer wall, with room to spare.
            if tip.y <= a::PEDICLE_BACK.y && tip.y >= pedicle_front_end {
                assert!(
                    tip.x < lateral_wall_x(tip.y) - 2.5,
                    "{tip:?} touches the pedicle (outer wall {})",
                    lateral_wall_x(tip.y)
                );
            }
            // Inside (medial to) the rib head, never through it.
            assert!(
                tip.dist(RIB_HEAD) > RIB_HEAD_R + 2.5,
                "{tip:?} hits the rib head"
            );
        }
        // It reaches the body beside the pedicle: the path enters the body's outline further out
        // than the pedicle's outer wall.
        let Some(entry) = (0..=400)
            .map(|i| p.tip(i as f32 / 400.0))
            .find(|q| a::inside_body(*q, 0.0))
        else {
            panic!("the path never reaches the body")
        };
        assert!(entry.x < lateral_wall_x(entry.y), "{entry:?}");
        assert!(entry.x > RIB_HEAD.x, "{entry:?}");
        let target = p.target();
        assert!(a::inside_body(target, 4.0), "{target:?}");
        assert!(target.x < a::MID_X - 10.0);
        // More steeply inward than the transpedicular path.
        assert!(p.axis.x > Route::Transpedicular.path().axis.x);
    }

    #[test]
    fn extrapedicular_balloons_and_cement_stay_inside_the_body_and_apart() {
        let p = Route::Extrapedicular.path();
        for sc in every_scene() {
            for e in [p.balloon(&sc), p.cavity(&sc)].map(ellipse) {
                if e.rx < 0.5 {
                    continue;
                }
                for q in e.outline(48) {
                    assert!(a::inside_body(q, 1.0), "{q:?} outside the body");
                    assert!(q.x < a::MID_X - 1.0, "{q:?} crosses the midline");
                }
            }
        }
        let mut last = f32::MIN;
        for i in 0..=30 {
            let sc = scene_at(
                Some(DiagramState::BalloonRemoved),
                DiagramState::Cement,
                i as f32 / 30.0,
            );
            let y = p.cement_back_y(&sc);
            assert!(y >= last);
            last = y;
        }
    }
}
