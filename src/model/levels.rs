//! Several treated levels in the side view (consult mode): which of the three drawn vertebrae are
//! treated, where each one sits once the wedges below and above it have tilted the segment, and
//! each treated level's needle path in the picture's coordinates.
//!
//! Every vertebra is drawn in the coordinates of [`super::geometry`] (which describe the middle
//! vertebra), moved to its place by a [`Frame`]: a vertical shift, then a rotation about the back
//! corner of the endplate it rests on. The middle vertebra never moves; the one above tips forward
//! by the middle one's wedge, and the one below tips the other way by its own wedge, so the
//! kyphosis is shared above and below the middle of the picture instead of piling up at the top.

use super::geometry::{self as g, Pt};
use super::math;
use super::patient::{levels_around, SPINE_LEVELS};
use super::scene::Scene;

/// The most levels that can be shown treated at once.
pub const MAX_LEVELS: u8 = 3;

/// The levels treated, top to bottom: `count` (1 to 3) neighbouring levels of [`SPINE_LEVELS`]
/// including `chosen`. Two levels add the one below (the one above at L5); three add one on each
/// side (the two below at T5, the two above at L5).
pub fn treated_levels(chosen: &str, count: u8) -> Vec<&'static str> {
    let n = SPINE_LEVELS.len();
    let i = SPINE_LEVELS.iter().position(|l| *l == chosen).unwrap_or(8);
    let count = usize::from(count.clamp(1, MAX_LEVELS));
    let start = match count {
        1 => i,
        2 if i + 1 < n => i,
        2 => i - 1,
        _ => i.saturating_sub(1).min(n - 3),
    };
    SPINE_LEVELS[start..start + count].to_vec()
}

/// The three vertebrae drawn in the side view and which of them are treated.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    /// Level names, top to bottom.
    pub names: [String; 3],
    /// Which of them are treated (fractured, then treated along the same timeline).
    pub treated: [bool; 3],
    /// Which of them is the chosen level (the readout's level).
    pub chosen: usize,
}

/// The segment drawn for a chosen level and a number of treated levels: the chosen level with its
/// neighbours, unless three levels at the end of the range need the window moved (T5–T7, L3–L5).
pub fn segment(chosen: &str, count: u8) -> Segment {
    let treated = treated_levels(chosen, count);
    let around = levels_around(chosen);
    let names = if treated.iter().all(|t| around.iter().any(|a| a == t)) {
        around
    } else {
        [
            treated[0].to_string(),
            treated[1].to_string(),
            treated[2].to_string(),
        ]
    };
    let flags = [0, 1, 2].map(|i| treated.contains(&names[i].as_str()));
    let chosen = names.iter().position(|n| n == chosen).unwrap_or(1).min(2);
    Segment {
        names,
        treated: flags,
        chosen,
    }
}

/// "T12, L1" for the treated levels of a segment.
pub fn treated_list(seg: &Segment) -> String {
    let names: Vec<&str> = seg
        .names
        .iter()
        .zip(seg.treated)
        .filter(|(_, t)| *t)
        .map(|(n, _)| n.as_str())
        .collect();
    super::text::join(&names, ", ")
}

/// The scene of one drawn vertebra: the procedure's scene when it is treated, else healthy bone
/// with nothing in it.
pub fn level_scene(scene: &Scene, treated: bool) -> Scene {
    if treated {
        *scene
    } else {
        Scene {
            loss: scene.loss,
            ..Scene::default()
        }
    }
}

/// Where one drawn vertebra sits: its points (in the middle vertebra's coordinates) are shifted
/// down by `dy`, then rotated by `angle_deg` (SVG sense, clockwise on screen) about `pivot`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// Vertical shift from the middle vertebra's place.
    pub dy: f32,
    /// Centre of the rotation, in the picture's coordinates.
    pub pivot: Pt,
    /// Rotation in degrees, clockwise on screen.
    pub angle_deg: f32,
}

impl Frame {
    /// A point of the vertebra's own drawing, in the picture's coordinates.
    pub fn apply(&self, p: Pt) -> Pt {
        let (s, c) = math::sin_cos(self.angle_deg.to_radians());
        let (x, y) = (p.x - self.pivot.x, p.y + self.dy - self.pivot.y);
        Pt::new(self.pivot.x + x * c - y * s, self.pivot.y + x * s + y * c)
    }

    /// A direction of the vertebra's own drawing, in the picture's coordinates.
    pub fn turn(&self, d: Pt) -> Pt {
        let (s, c) = math::sin_cos(self.angle_deg.to_radians());
        Pt::new(d.x * c - d.y * s, d.x * s + d.y * c)
    }

    /// The inverse of [`Frame::apply`]: a picture point in the vertebra's own drawing.
    pub fn unapply(&self, p: Pt) -> Pt {
        let back = Frame {
            dy: 0.0,
            angle_deg: -self.angle_deg,
            ..*self
        };
        let q = back.apply(p);
        Pt::new(q.x, q.y - self.dy)
    }
}

/// Distance from one vertebra's body top to the next one's.
pub const PITCH: f32 = g::BODY_HEIGHT + g::DISC_HEIGHT;

/// The frames of the three drawn vertebrae (top to bottom) for their scenes.
pub fn frames(scenes: &[Scene; 3]) -> [Frame; 3] {
    [
        Frame {
            dy: -PITCH,
            pivot: Pt::new(g::BODY_BACK, g::MID_TOP),
            angle_deg: -g::wedge_angle_deg(&scenes[1]),
        },
        Frame {
            dy: 0.0,
            pivot: Pt::new(g::BODY_BACK, g::MID_TOP),
            angle_deg: 0.0,
        },
        Frame {
            dy: PITCH,
            pivot: Pt::new(g::BODY_BACK, g::MID_TOP + PITCH),
            angle_deg: g::wedge_angle_deg(&scenes[2]),
        },
    ]
}

/// One treated level's needle in the picture's coordinates: it runs through that vertebra's
/// pedicle exactly as [`super::geometry`] draws it for the middle one, and crosses the skin where
/// that line meets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NeedlePath {
    /// Where the line crosses the skin.
    pub entry: Pt,
    /// Where the tip rests when fully in.
    pub target: Pt,
    /// Unit vector from the skin into the body.
    pub axis: Pt,
}

impl NeedlePath {
    /// The needle's path for a vertebra placed by `frame`.
    pub fn for_frame(frame: &Frame) -> NeedlePath {
        let target = frame.apply(g::needle_target());
        let axis = frame.turn(g::needle_axis());
        // Walk back from the target along the axis to the skin line.
        let s = (g::SKIN_X - target.x) / -axis.x;
        NeedlePath {
            entry: Pt::new(g::SKIN_X, target.y - axis.y * s),
            target,
            axis,
        }
    }

    /// The tip for a depth in `0.0..=1.0` (0 = touching the skin).
    pub fn tip(&self, depth: f32) -> Pt {
        self.entry.towards(self.target, depth.clamp(0.0, 1.0))
    }

    /// The handle end of the shaft: it stays just outside the skin when the needle is fully in.
    pub fn hub(&self, depth: f32) -> Pt {
        let tip = self.tip(depth);
        let len = self.entry.dist(self.target) + 6.0;
        Pt::new(tip.x - self.axis.x * len, tip.y - self.axis.y * len)
    }
}

/// Where the side view writes the needle's label (its text's end).
pub const NEEDLE_LABEL_AT: Pt = Pt::new(g::SKIN_X - 6.0, 186.0);

/// Where the side view writes the needle's label: at [`NEEDLE_LABEL_AT`], or lower, clear of it,
/// where the level below the middle one is treated too (its cannula runs through that place).
pub fn needle_label_at(treated: [bool; 3]) -> Pt {
    if treated[2] {
        Pt::new(NEEDLE_LABEL_AT.x, 207.0)
    } else {
        NEEDLE_LABEL_AT
    }
}

/// Where the side view's needle label points: of these needles' label points (the middle of the
/// part in the picture, see [`g::label_point`]), the one nearest `anchor`, where the label's text
/// sits, so that with several levels treated its leader stays short and does not cross the
/// picture; `None` while no needle is in the picture yet.
pub fn needle_label_point(paths: &[NeedlePath], depth: f32, anchor: Pt) -> Option<Pt> {
    paths
        .iter()
        .filter_map(|p| g::label_point(p.tip(depth), p.hub(depth), g::VIEW, 0.5))
        .min_by(|a, b| a.dist(anchor).total_cmp(&b.dist(anchor)))
}

/// How thoracic a level looks, from 0 (lumbar) to 1 (mid-thoracic): T11 and T12 are transitional.
pub fn thoracic_shape(level: &str) -> f32 {
    match level {
        "T11" | "T12" => 0.5,
        l if l.starts_with("T") => 1.0,
        _ => 0.0,
    }
}

/// Control points (offsets from the back top corner of the body) of the spinous process and the
/// lower joint process in the side view, as [`thoracic_shape`] blends them: a lumbar spinous
/// process points back, broad and nearly level; a mid-thoracic one is longer and slender and slopes
/// steeply down, over the back of the level below.
pub fn spinous_points(thoracic: f32) -> [(f32, f32); 13] {
    const LUMBAR: [(f32, f32); 13] = [
        (50.0, 6.0),
        (70.0, 8.0),
        (86.0, 12.0),
        (89.0, 13.5),
        (94.0, 16.0),
        (94.0, 30.0),
        (89.0, 33.0),
        (84.0, 35.0),
        (66.0, 33.0),
        (50.0, 33.0),
        (49.0, 40.0),
        (48.0, 46.0),
        (47.0, 55.0),
    ];
    const THORACIC: [(f32, f32); 13] = [
        (48.0, 8.0),
        (60.0, 20.0),
        (70.0, 38.0),
        (78.0, 56.0),
        (82.0, 63.0),
        (80.0, 71.0),
        (73.0, 68.0),
        (66.0, 60.0),
        (56.0, 42.0),
        (50.0, 33.0),
        (49.0, 40.0),
        (48.0, 46.0),
        (47.0, 55.0),
    ];
    let t = thoracic.clamp(0.0, 1.0);
    let mut out = LUMBAR;
    for (o, h) in out.iter_mut().zip(THORACIC) {
        *o = (o.0 + (h.0 - o.0) * t, o.1 + (h.1 - o.1) * t);
    }
    out
}

/// The spinal cord in the drawn segment. In adults it ends near the L1–L2 disc; below that only
/// nerve roots run in the canal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cord {
    /// The cord runs through every drawn level (all of them above L1).
    Through,
    /// The cord ends at the bottom of this drawn vertebra (L1), nerve roots below.
    EndsAt(usize),
    /// Only nerve roots (every drawn level below L1).
    Roots,
}

/// The cord for the drawn levels, top to bottom.
pub fn cord<S: AsRef<str>>(names: &[S; 3]) -> Cord {
    if let Some(i) = names.iter().position(|n| n.as_ref() == "L1") {
        return Cord::EndsAt(i);
    }
    if names[2].as_ref().starts_with("T") {
        Cord::Through
    } else {
        Cord::Roots
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::Grade;
    use crate::model::timeline::{scene_at, DiagramState};

    fn every_scene(loss: f32) -> Vec<Scene> {
        crate::model::timeline::sample_scenes(20, &[loss])
            .into_iter()
            .map(|(_, _, s)| s)
            .collect()
    }

    #[test]
    fn treated_levels_are_neighbours_that_include_the_chosen_one() {
        assert_eq!(treated_levels("L1", 1), ["L1"]);
        assert_eq!(treated_levels("L1", 2), ["L1", "L2"]);
        assert_eq!(treated_levels("L1", 3), ["T12", "L1", "L2"]);
        assert_eq!(treated_levels("L5", 2), ["L4", "L5"]);
        assert_eq!(treated_levels("T5", 3), ["T5", "T6", "T7"]);
        assert_eq!(treated_levels("L5", 3), ["L3", "L4", "L5"]);
        for l in SPINE_LEVELS {
            for n in 1..=MAX_LEVELS {
                let t = treated_levels(l, n);
                assert_eq!(t.len(), usize::from(n), "{l} {n}");
                assert!(t.contains(&l));
                let seg = segment(l, n);
                assert_eq!(seg.names[seg.chosen], l);
                assert_eq!(seg.treated.iter().filter(|t| **t).count(), usize::from(n));
                // Every treated level is drawn, and the drawn levels are neighbours.
                for name in t {
                    assert!(seg.names.iter().any(|x| x == name), "{l} {n}: {name}");
                }
                let pos: Vec<usize> = seg
                    .names
                    .iter()
                    .filter_map(|x| SPINE_LEVELS.iter().position(|s| s == x))
                    .collect();
                assert!(pos.windows(2).all(|w| w[1] == w[0] + 1), "{l} {n}: {pos:?}");
            }
        }
        assert_eq!(treated_list(&segment("L1", 2)), "L1, L2");
        assert_eq!(segment("L1", 1).names, levels_around("L1"));
    }

    const ANCHOR: Pt = NEEDLE_LABEL_AT;

    /// T5 with three levels moves the window down (T5 is the top vertebra drawn): the label points
    /// at the needle of the lowest treated level, next to it, not across the picture at T5's,
    /// whose needle comes in across the picture's top edge.
    #[test]
    fn with_three_levels_the_needle_label_points_at_the_nearest_needle() {
        let seg = segment("T5", 3);
        assert_eq!(seg.chosen, 0);
        let scenes = every_scene(Grade::Moderate.loss());
        let Some(s) = scenes.iter().find(|s| s.needle >= 1.0) else {
            panic!("no moment with the needle fully in");
        };
        let levels = [0, 1, 2].map(|i| level_scene(s, seg.treated[i]));
        let paths = frames(&levels).map(|f| NeedlePath::for_frame(&f));
        let point = |p: &NeedlePath| g::label_point(p.tip(1.0), p.hub(1.0), g::VIEW, 0.5);
        let (Some(p), Some(top)) = (needle_label_point(&paths, 1.0, ANCHOR), point(&paths[0]))
        else {
            panic!("the needles are in the picture");
        };
        assert_eq!(Some(p), point(&paths[2]));
        assert!(p.dist(ANCHOR) < top.dist(ANCHOR) * 0.5, "{p:?} {top:?}");
    }

    #[test]
    fn the_side_views_needle_label_points_inside_the_picture() {
        let (w, h) = g::VIEW;
        let near = |q: f32, lo: f32, hi: f32| q >= lo - 0.01 && q <= hi + 0.01;
        for grade in Grade::ALL {
            let scenes = every_scene(grade.loss());
            for l in SPINE_LEVELS {
                for n in 1..=MAX_LEVELS {
                    let seg = segment(l, n);
                    for s in scenes.iter().filter(|s| s.needle > 0.001) {
                        let levels = [0, 1, 2].map(|i| level_scene(s, seg.treated[i]));
                        let paths = frames(&levels).map(|f| NeedlePath::for_frame(&f));
                        let treated: Vec<NeedlePath> = (0..3)
                            .filter(|i| seg.treated[*i])
                            .map(|i| paths[i])
                            .collect();
                        match needle_label_point(&treated, s.needle, ANCHOR) {
                            Some(p) => {
                                assert!(
                                    near(p.x, 0.0, w) && near(p.y, 0.0, h),
                                    "{l} {n} {grade:?} {}: {p:?}",
                                    s.needle
                                );
                            }
                            // Only while the needles are starting in beyond the picture's edge.
                            None => {
                                assert!(s.needle < 1.0, "{l} {n} {grade:?}: needle fully in")
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn untreated_levels_stay_healthy() {
        let s = scene_at(None, DiagramState::Fracture, 1.0);
        let h = level_scene(&s, false);
        assert_eq!(h.collapse, 0.0);
        assert_eq!(g::wedge_angle_deg(&h), 0.0);
        assert_eq!(level_scene(&s, true), s);
    }

    #[test]
    fn frames_round_trip_and_keep_the_middle_in_place() {
        let s = scene_at(None, DiagramState::Fracture, 1.0);
        for f in frames(&[s, s, s]) {
            let p = Pt::new(100.0, 120.0);
            let q = f.unapply(f.apply(p));
            assert!(p.dist(q) < 1e-3, "{f:?}");
        }
        let mid = frames(&[s, s, s])[1];
        assert_eq!(mid.apply(Pt::new(3.0, 4.0)), Pt::new(3.0, 4.0));
        // A middle vertebra's needle is the one geometry.rs draws.
        let n = NeedlePath::for_frame(&mid);
        assert!(n.entry.dist(g::skin_entry()) < 1e-3);
        assert!(n.target.dist(g::needle_target()) < 1e-3);
    }

    /// The lowest point of the upper vertebra's bottom endplate stays above the middle one's top
    /// endplate, and the lower one's top endplate stays below the middle one's bottom: wedges
    /// tilt the neighbours but never push bone into bone.
    #[test]
    fn neighbours_never_overlap_for_any_grade_or_number_of_levels() {
        for grade in Grade::ALL {
            for scene in every_scene(grade.loss()) {
                for treated in [
                    [false, true, false],
                    [false, true, true],
                    [true, true, false],
                    [true, true, true],
                ] {
                    let sc = [0, 1, 2].map(|i| level_scene(&scene, treated[i]));
                    let fr = frames(&sc);
                    for k in 0..=20 {
                        let x = g::BODY_FRONT + g::BODY_DEPTH * k as f32 / 20.0;
                        let upper_bottom = fr[0].apply(Pt::new(x, g::MID_BOTTOM));
                        let mid_top = g::top_endplate_y(&sc[1], upper_bottom.x);
                        assert!(
                            upper_bottom.y < mid_top - 4.0,
                            "{grade:?} {treated:?}: upper at {upper_bottom:?}, middle top {mid_top}"
                        );
                        let lower_top = fr[2].apply(Pt::new(x, g::top_endplate_y(&sc[2], x)));
                        assert!(
                            lower_top.y > g::MID_BOTTOM + 4.0,
                            "{grade:?} {treated:?}: lower top at {lower_top:?}"
                        );
                    }
                }
            }
        }
    }

    /// Each treated level's needle runs through its own pedicle, ends inside its own body, and its
    /// balloon, cavity and cement stay inside that body, for every grade and every level.
    #[test]
    fn every_treated_level_keeps_needle_balloon_and_cement_inside_its_own_bone() {
        for grade in Grade::ALL {
            for scene in every_scene(grade.loss()) {
                let sc = [scene; 3];
                let fr = frames(&sc);
                for (i, f) in fr.iter().enumerate() {
                    let path = NeedlePath::for_frame(f);
                    // Sample the whole path from skin to target, in the vertebra's own drawing.
                    for k in 0..=100 {
                        let p = f.unapply(path.tip(k as f32 / 100.0));
                        if p.x <= g::PEDICLE_BACK && p.x >= g::BODY_BACK {
                            assert!(
                                p.y > g::PEDICLE_SPAN.0 + 3.0 && p.y < g::PEDICLE_SPAN.1 - 3.0,
                                "{grade:?} level {i}: leaves the pedicle at {p:?}"
                            );
                        }
                        if p.x < g::BODY_BACK - 2.0 {
                            assert!(g::inside_middle_body(&scene, p, 2.0), "{i}: {p:?}");
                        }
                    }
                    assert!(g::inside_middle_body(&scene, f.unapply(path.target), 4.0));
                    // The shaft's handle is outside the skin when the needle is fully in.
                    assert!(path.hub(1.0).x > g::SKIN_X, "{i}: {:?}", path.hub(1.0));
                    if scene.balloon_in > 0.0 || scene.balloon_size > 0.0 {
                        for p in g::balloon(&scene).outline(36) {
                            assert!(g::inside_middle_body(&scene, p, 1.0));
                        }
                    }
                    if scene.cavity > 0.0 {
                        for p in g::cavity(&scene).outline(36) {
                            assert!(g::inside_middle_body(&scene, p, 1.0));
                        }
                    }
                }
                // The middle and lower needles cross the skin inside the picture, and needles
                // of different levels never cross each other inside the body wall's reach.
                for f in &fr[1..] {
                    let e = NeedlePath::for_frame(f).entry;
                    assert!(e.y > 0.0 && e.y < g::VIEW.1, "entry {e:?}");
                }
                let paths = fr.map(|f| NeedlePath::for_frame(&f));
                for w in paths.windows(2) {
                    assert!(w[0].target.y < w[1].target.y - 30.0);
                    assert!(w[0].entry.y < w[1].entry.y);
                }
            }
        }
    }

    /// The thoracic spinous process is longer and slopes steeply down, its tip over the level
    /// below, still well inside the skin; the lumbar one is nearly level.
    #[test]
    fn thoracic_spinous_processes_are_long_and_steep() {
        let slope = |pts: &[(f32, f32); 13]| {
            // From where the process leaves the lamina to its tip.
            let (root, tip) = (pts[0], pts[4]);
            math::atan((tip.1 - root.1) / (tip.0 - root.0)).to_degrees()
        };
        let len = |pts: &[(f32, f32); 13]| {
            let (a, b) = (pts[0], pts[5]);
            ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt()
        };
        let lumbar = spinous_points(0.0);
        let thoracic = spinous_points(1.0);
        let transitional = spinous_points(0.5);
        assert!(slope(&lumbar) < 15.0, "lumbar {}", slope(&lumbar));
        assert!(slope(&thoracic) > 45.0, "thoracic {}", slope(&thoracic));
        assert!(slope(&transitional) > slope(&lumbar) && slope(&transitional) < slope(&thoracic));
        assert!(len(&thoracic) > len(&lumbar));
        let lowest = thoracic.iter().map(|p| p.1).fold(f32::MIN, f32::max);
        // The tip hangs over the level below (whose top is PITCH lower) but not past its body.
        assert!(lowest > PITCH - 15.0 && lowest < PITCH + 10.0, "{lowest}");
        for p in thoracic.iter().chain(&lumbar) {
            assert!(
                g::BODY_BACK + p.0 < g::SKIN_X - 20.0,
                "{p:?} too near the skin"
            );
        }
        // The joint processes do not change.
        assert_eq!(lumbar[9..], thoracic[9..]);
    }

    #[test]
    fn thoracic_shape_and_cord() {
        assert_eq!(thoracic_shape("T8"), 1.0);
        assert_eq!(thoracic_shape("T12"), 0.5);
        assert_eq!(thoracic_shape("L3"), 0.0);
        assert_eq!(cord(&levels_around("L1")), Cord::EndsAt(1));
        assert_eq!(cord(&levels_around("L2")), Cord::EndsAt(0));
        assert_eq!(cord(&levels_around("T8")), Cord::Through);
        assert_eq!(cord(&levels_around("L4")), Cord::Roots);
    }
}
