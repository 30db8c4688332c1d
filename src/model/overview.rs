//! Geometry of the small whole-spine overview: a side silhouette of the spine from C7 to S1 with
//! its natural curves (the chest part rounds backward, the lower back curves forward), so the
//! physician can show where the treated level sits.
//!
//! Coordinate system: SVG user units in a `0 0 96 250` view box, y down, the front of the body on
//! the left (as in the side view).

use super::geometry::Pt;
use super::math;

/// Width and height of the view box.
pub const VIEW: (f32, f32) = (96.0, 250.0);
/// Every level drawn, top to bottom: C7, T1–T12, L1–L5, S1.
pub const LEVELS: [&str; 19] = [
    "C7", "T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2",
    "L3", "L4", "L5", "S1",
];
/// The vertical line the curves swing around.
const AXIS_X: f32 = 40.0;
/// Gap between two bodies (the disc).
const GAP: f32 = 2.4;
/// Top of C7.
const TOP: f32 = 8.0;

/// One vertebral body of the overview: its centre, size and tilt.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Segment {
    /// Centre of the body.
    pub c: Pt,
    /// Height (along the spine).
    pub h: f32,
    /// Depth (front to back).
    pub w: f32,
    /// Tilt in degrees (SVG sense), following the curve.
    pub angle_deg: f32,
}

/// Height of the body at index `i` of [`LEVELS`]: bodies grow from the neck to the lower back.
fn height(i: usize) -> f32 {
    match i {
        0 => 6.0,
        18 => 16.0,
        i => 6.6 + 0.42 * i as f32,
    }
}

/// How far the spine's front-to-back position swings from the axis at `t` (0 = C7, 1 = S1):
/// a backward (kyphotic) bow over the chest, a forward (lordotic) curve in the lower back, and the
/// sacrum turning back.
fn sway(t: f32) -> f32 {
    use std::f32::consts::PI;
    const CHEST_END: f32 = 0.66;
    const LOWER_BACK_END: f32 = 0.93;
    if t <= CHEST_END {
        11.0 * math::sin(PI * t / CHEST_END)
    } else if t <= LOWER_BACK_END {
        -9.0 * math::sin(PI * (t - CHEST_END) / (LOWER_BACK_END - CHEST_END))
    } else {
        26.0 * (t - LOWER_BACK_END) / (1.0 - LOWER_BACK_END)
    }
}

/// Every body of the overview, top to bottom.
pub fn segments() -> Vec<Segment> {
    let total: f32 = (0..LEVELS.len()).map(height).sum::<f32>() + GAP * (LEVELS.len() - 1) as f32;
    let mut y = TOP;
    let mut out = Vec::with_capacity(LEVELS.len());
    for i in 0..LEVELS.len() {
        let h = height(i);
        let cy = y + h / 2.0;
        let t = (cy - TOP) / total;
        let x = AXIS_X + sway(t);
        let dt = 0.01;
        let slope = (sway(t + dt) - sway(t - dt)) / (2.0 * dt * total);
        out.push(Segment {
            c: Pt::new(x, cy),
            h,
            w: h * 1.25 + 3.0,
            angle_deg: -math::atan(slope).to_degrees(),
        });
        y += h + GAP;
    }
    out
}

/// The index in [`LEVELS`] of a level's name, if drawn.
pub fn index_of(level: &str) -> Option<usize> {
    LEVELS.iter().position(|l| *l == level)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::SPINE_LEVELS;

    #[test]
    fn every_level_that_can_be_chosen_is_drawn() {
        for l in SPINE_LEVELS {
            assert!(index_of(l).is_some(), "{l}");
        }
        assert_eq!(index_of("C7"), Some(0));
        assert_eq!(index_of("S1"), Some(18));
        assert_eq!(index_of("X9"), None);
    }

    #[test]
    fn the_bodies_go_down_in_order_fit_the_view_and_grow() {
        let s = segments();
        assert_eq!(s.len(), LEVELS.len());
        for w in s.windows(2) {
            assert!(w[1].c.y - w[1].h / 2.0 > w[0].c.y + w[0].h / 2.0, "overlap");
        }
        for seg in &s {
            assert!(seg.c.y - seg.h / 2.0 >= 0.0 && seg.c.y + seg.h / 2.0 <= VIEW.1);
            assert!(seg.c.x - seg.w / 2.0 >= 0.0 && seg.c.x + seg.w / 2.0 <= VIEW.0);
        }
        assert!(
            s[17].h > s[1].h,
            "lumbar bodies are bigger than thoracic ones"
        );
    }

    #[test]
    fn the_chest_rounds_backward_and_the_lower_back_curves_forward() {
        let s = segments();
        let x = |l: &str| s[index_of(l).unwrap_or(0)].c.x;
        // Back is to the right (larger x).
        assert!(x("T7") > x("C7") + 5.0, "thoracic kyphosis");
        assert!(x("T7") > x("T12"));
        assert!(x("L3") < x("T12") - 3.0, "lumbar lordosis");
        assert!(x("S1") > x("L5"), "the sacrum turns back");
    }
}
