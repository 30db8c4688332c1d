//! The needle's route in the view from above (consult mode): through the pedicle
//! (transpedicular), or, at thoracic levels, beside the pedicle by the rib head (extrapedicular).
//! Coordinates are those of [`super::axial`]; everything is given for the left side and mirrored.

use super::axial::{self as a, Pedicle, BODY_FRONT_Y, SKIN_Y};
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

    /// The left needle's path for this route past `pedicle`, and, when `bilateral` is false,
    /// alone: it then aims more steeply inward, so that its balloon and cement reach across the
    /// midline, as the AP projection draws them. Through the pedicle it is turned about the
    /// pedicle's middle towards [`ONE_NEEDLE_AIM`], as far as the pedicle's walls allow (it stays
    /// inside the pedicle at both ends); beside it, steep already, by [`EXTRA_ONE_TURN_DEG`], about
    /// where it enters the body.
    pub fn path_for(self, bilateral: bool, pedicle: &Pedicle) -> Path {
        let p = self.path(pedicle);
        if bilateral {
            return p;
        }
        let mid = pedicle.back.towards(pedicle.front, 0.5);
        let turn = match self {
            Route::Transpedicular => {
                let aim = math::atan2(ONE_NEEDLE_AIM.x - mid.x, mid.y - ONE_NEEDLE_AIM.y);
                let room = math::atan2(pedicle.half_width - 1.5, mid.dist(pedicle.front));
                (aim.to_degrees() - pedicle.angle_deg()).min(room.to_degrees())
            }
            Route::Extrapedicular => EXTRA_ONE_TURN_DEG,
        };
        let angle = math::atan2(p.axis.x, -p.axis.y) + turn.to_radians();
        let (s, c) = math::sin_cos(angle);
        let through = match self {
            Route::Transpedicular => {
                Pt::new(mid.x + s * (a::BODY_BACK_Y - mid.y) / -c, a::BODY_BACK_Y)
            }
            Route::Extrapedicular => p.through,
        };
        Path {
            through,
            axis: Pt::new(s, -c),
        }
    }

    /// The left needle's straight path for this route past `pedicle` (through it, along its
    /// centre line, or beside it).
    pub fn path(self, pedicle: &Pedicle) -> Path {
        match self {
            Route::Transpedicular => Path {
                through: pedicle.front,
                axis: pedicle.axis(),
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

/// Where one needle alone through the pedicle aims: the front third of the body, just short of
/// the midline, so its balloon reaches across it.
pub const ONE_NEEDLE_AIM: Pt = Pt::new(a::MID_X - 4.0, BODY_FRONT_Y + 32.0);
/// How much more steeply inward one needle alone aims beside the pedicle than each of two.
pub const EXTRA_ONE_TURN_DEG: f32 = 7.0;

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

    /// The balloon along this path, `(centre, half length, half width, angle in degrees)`: it
    /// slides in from the cannula's tip to the front third of the body and grows there.
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

    /// The cavity the balloon leaves: as large as the balloon made it, a little smaller once the
    /// balloon is out.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::geometry::Ellipse;
    use crate::model::patient::SPINE_LEVELS;
    use crate::model::timeline::{scene_at, DiagramState};

    /// Every level's pedicle, and the patients' picture's.
    fn pedicles() -> Vec<(&'static str, Pedicle)> {
        let mut v: Vec<_> = SPINE_LEVELS.iter().map(|l| (*l, Pedicle::at(l))).collect();
        v.push(("patients'", Pedicle::DRAWN));
        v
    }

    /// Every path the view from above draws at a level: each route offered there, with two
    /// needles and with one.
    fn paths() -> Vec<(String, Pedicle, Route, Path)> {
        let mut v = Vec::new();
        for (level, ped) in pedicles() {
            for route in [Route::Transpedicular, Route::Extrapedicular] {
                if route == Route::Extrapedicular && !is_thoracic(level) {
                    continue;
                }
                for two in [true, false] {
                    let name = format!("{level} {route:?} {}", if two { "two" } else { "one" });
                    v.push((name, ped, route, route.path_for(two, &ped)));
                }
            }
        }
        v
    }

    #[test]
    fn the_needle_label_points_inside_the_picture_on_every_path() {
        use crate::model::geometry::label_point;
        for (name, _, _, path) in paths() {
            for i in 1..=50 {
                let depth = i as f32 / 50.0;
                let Some(p) = label_point(path.tip(depth), path.hub(depth), a::VIEW, 0.42) else {
                    // Only while it is starting in, from beyond the picture's edge (a lone
                    // needle beside the pedicle starts furthest out).
                    assert!(
                        depth < 0.35,
                        "{name} {depth}: no part of the needle in the picture"
                    );
                    continue;
                };
                let (w, h) = a::VIEW;
                let near = |q: f32, lo: f32, hi: f32| q >= lo - 0.01 && q <= hi + 0.01;
                assert!(
                    near(p.x, 0.0, w) && near(p.y, 0.0, h),
                    "{name} {depth}: {p:?}"
                );
            }
        }
    }

    /// The bandage sits over the needle's entry where the picture shows it, and is always whole
    /// inside the picture, on both sides: the extrapedicular entry lies past the left edge.
    #[test]
    fn the_bandage_is_over_the_entry_and_whole_inside_the_picture() {
        let (w, _) = a::VIEW;
        for (name, _, _, p) in paths() {
            let entry = p.skin_entry().x;
            let left = p.bandage_x();
            let right = a::mirror(Pt::new(left, 0.0)).x;
            for c in [left, right] {
                assert!(
                    c - BANDAGE_HALF >= 0.0 && c + BANDAGE_HALF <= w,
                    "{name}: bandage at {c}, picture 0..{w}"
                );
            }
            if entry >= BANDAGE_HALF {
                assert_eq!(left, entry, "{name}");
            } else {
                assert!(
                    left - BANDAGE_HALF < 2.0,
                    "{name}: at the edge nearest the entry"
                );
            }
        }
        assert!(Route::Extrapedicular.path(&Pedicle::DRAWN).skin_entry().x < 0.0);
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

    /// Through the pedicle, at every level and with one needle or two: the needle stays between
    /// the pedicle's walls from its back end to the body, so its tip never crosses the inner
    /// (medial) wall before it is past the back wall; it angles inward and rests inside the body,
    /// just in, off the midline.
    #[test]
    fn through_the_pedicle_the_needle_stays_inside_it_at_every_level() {
        for (name, ped, route, p) in paths() {
            if route != Route::Transpedicular {
                continue;
            }
            for i in 0..=40 {
                let y = ped.back.y + (ped.front.y - ped.back.y) * i as f32 / 40.0;
                let x = p.at_y(y).x;
                assert!(
                    x > ped.lateral_wall_x(y) + 1.0 && x < ped.medial_wall_x(y) - 1.0,
                    "{name}: at y {y}: {x} outside the pedicle ({}..{})",
                    ped.lateral_wall_x(y),
                    ped.medial_wall_x(y)
                );
            }
            for i in 0..=200 {
                let tip = p.tip(i as f32 / 200.0);
                if tip.y >= a::BODY_BACK_Y {
                    assert!(
                        tip.x < ped.medial_wall_x(tip.y),
                        "{name}: {tip:?} medial wall"
                    );
                }
            }
            assert!(
                p.axis.x > 0.0,
                "{name}: the left needle points towards the midline"
            );
            let t = p.target();
            assert!(
                t.y < a::BODY_BACK_Y && a::inside_body(t, 2.0),
                "{name}: {t:?}"
            );
            assert!(t.x < a::MID_X - 10.0, "{name}: {t:?} near the midline");
        }
        // One needle alone aims more steeply inward than each of two.
        for (level, ped) in pedicles() {
            let (two, one) = (
                Route::Transpedicular.path_for(true, &ped),
                Route::Transpedicular.path_for(false, &ped),
            );
            assert_eq!(two, Route::Transpedicular.path(&ped));
            assert!(one.axis.x > two.axis.x + 0.15, "{level}");
        }
    }

    /// Balloons, cavities and cement stay inside the body on every path; with two needles each
    /// stays on its own side; one alone reaches across the midline, as the AP projection draws it.
    #[test]
    fn balloons_stay_in_the_body_apart_or_across_the_midline_when_alone() {
        let inflated = scene_at(
            Some(DiagramState::BalloonPlaced),
            DiagramState::BalloonInflated,
            1.0,
        );
        for (name, _, route, p) in paths() {
            let two = name.ends_with("two");
            for sc in every_scene() {
                for e in [p.balloon(&sc), p.cavity(&sc)].map(ellipse) {
                    if e.rx < 0.5 {
                        continue;
                    }
                    for q in e.outline(48) {
                        assert!(a::inside_body(q, 1.0), "{name}: {q:?} outside the body");
                        assert!(
                            !two || q.x < a::MID_X - 1.0,
                            "{name}: {q:?} crosses the midline"
                        );
                    }
                }
            }
            if !two {
                let e = ellipse(p.balloon(&inflated));
                assert!(
                    e.outline(48).iter().any(|q| q.x > a::MID_X + 2.0),
                    "{name} ({route:?}): the balloon reaches across the midline"
                );
            }
            let mut last = f32::MIN;
            for i in 0..=30 {
                let sc = scene_at(
                    Some(DiagramState::BalloonRemoved),
                    DiagramState::Cement,
                    i as f32 / 30.0,
                );
                let y = p.cement_back_y(&sc);
                assert!(y >= last, "{name}: cement fills from the front back");
                last = y;
            }
        }
    }

    /// The extrapedicular needle stays out of the spinal canal, passes outside the pedicle (lateral
    /// to its outer wall, so also to its inner wall) and inside the rib head, and ends in the body,
    /// at every thoracic level.
    #[test]
    fn the_extrapedicular_path_stays_outside_the_canal_and_the_pedicle_and_ends_in_the_body() {
        for (name, ped, route, p) in paths() {
            if route == Route::Extrapedicular {
                extrapedicular_path_checks(&name, &ped, p);
            }
        }
    }

    fn extrapedicular_path_checks(name: &str, ped: &Pedicle, p: Path) {
        let pedicle_front_end = ped.front.y - 6.0 * ped.axis().y.abs();
        for i in 0..=400 {
            let tip = p.tip(i as f32 / 400.0);
            // Behind the back wall of the body: never in the canal (between the pedicles' inner
            // walls) and never across the pedicle's inner wall.
            if tip.y >= a::BODY_BACK_Y {
                assert!(
                    tip.x < ped.medial_wall_x(tip.y),
                    "{name}: {tip:?} medial wall"
                );
                assert!(tip.x < a::MID_X - 20.0, "{name}: {tip:?} in the canal");
            }
            // Alongside the pedicle, from its back end to where it joins the body: outside its
            // outer wall, with room to spare.
            if tip.y <= ped.back.y && tip.y >= pedicle_front_end {
                assert!(
                    tip.x < ped.lateral_wall_x(tip.y) - 2.5,
                    "{name}: {tip:?} touches the pedicle (outer wall {})",
                    ped.lateral_wall_x(tip.y)
                );
            }
            // Inside (medial to) the rib head, never through it.
            assert!(
                tip.dist(RIB_HEAD) > RIB_HEAD_R + 2.5,
                "{name}: {tip:?} hits the rib head"
            );
        }
        // It reaches the body beside the pedicle: the path enters the body's outline further out
        // than the pedicle's outer wall.
        let Some(entry) = (0..=400)
            .map(|i| p.tip(i as f32 / 400.0))
            .find(|q| a::inside_body(*q, 0.0))
        else {
            panic!("{name}: the path never reaches the body")
        };
        assert!(entry.x < ped.lateral_wall_x(entry.y), "{name}: {entry:?}");
        assert!(entry.x > RIB_HEAD.x, "{name}: {entry:?}");
        let target = p.target();
        assert!(a::inside_body(target, 4.0), "{name}: {target:?}");
        assert!(target.x < a::MID_X - 10.0, "{name}");
        // More steeply inward than the transpedicular path.
        assert!(p.axis.x > Route::Transpedicular.path(ped).axis.x, "{name}");
    }
}
