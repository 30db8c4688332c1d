//! Geometry of the top-down (axial) view of the treated vertebra, derived from a [`Scene`].
//!
//! Coordinate system: SVG user units in a `0 0 240 230` view box, 2 units per millimetre, y down.
//! The front of the body is at the top, the back (where the needles come in) at the bottom, and the
//! patient's left on the viewer's right, as on a CT image seen from the feet. Proportions follow an
//! adult upper lumbar vertebra: body 45 mm wide and 33 mm deep; the pedicles' width and inward angle
//! follow the level in consult mode ([`Pedicle::at`]), and are about 8 mm and 16° in the patients'
//! picture.

use super::geometry::Pt;
use super::math;
use super::patient::{is_thoracic, SPINE_LEVELS};

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
/// Half the width of the patients' picture's pedicle (8 mm wide).
pub const PEDICLE_HALF_WIDTH: f32 = 8.0;
/// Where the patients' picture's left pedicle (viewer's left) meets the body: centre of its front
/// end.
pub const PEDICLE_FRONT: Pt = Pt::new(92.0, BODY_BACK_Y);
/// Centre of that pedicle's back end, where it meets the lamina.
pub const PEDICLE_BACK: Pt = Pt::new(83.0, 128.0);
/// How far a pedicle's inner (medial) wall is from the midline where it meets the body: fixed, so
/// a wider pedicle reaches further out (its inner wall is the canal's side).
const PEDICLE_INNER_DX: f32 = MID_X - PEDICLE_FRONT.x - PEDICLE_HALF_WIDTH;
/// Length of a pedicle's centre line, from the body back to the lamina (about 16.5 mm).
const PEDICLE_LENGTH: f32 = 33.0;

/// Pedicle width (mm) and inward (medial) angle (degrees) by level, T5 to L5, as clinical.md
/// gives them: widths from about 4.5 mm at T4 to 8 mm at T12, 7.5 mm at L1 to 12–18 mm at L5 (13
/// drawn); the angle about 5° per lumbar level, from 5° at L1 to 25° at L5. It gives no angle for
/// thoracic levels: they keep the patients' picture's (about 16°).
const PEDICLE_BY_LEVEL: [(f32, f32); 13] = [
    (4.9, 0.0),
    (5.4, 0.0),
    (5.8, 0.0),
    (6.2, 0.0),
    (6.7, 0.0),
    (7.1, 0.0),
    (7.6, 0.0),
    (8.0, 0.0),
    (7.5, 5.0),
    (8.5, 10.0),
    (9.5, 15.0),
    (11.0, 20.0),
    (13.0, 25.0),
];

/// The left pedicle (viewer's left) of the vertebra drawn: the centre of its front end (where it
/// meets the body's back wall), of its back end (where it meets the lamina), and its half width.
/// Everything of the right one is mirrored.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pedicle {
    /// Centre of the front end, on the body's back wall.
    pub front: Pt,
    /// Centre of the back end, at the lamina.
    pub back: Pt,
    /// Half its width.
    pub half_width: f32,
}

impl Pedicle {
    /// The patients' picture's pedicle: an upper lumbar one, 8 mm wide, angled about 16° inward.
    pub const DRAWN: Pedicle = Pedicle {
        front: PEDICLE_FRONT,
        back: PEDICLE_BACK,
        half_width: PEDICLE_HALF_WIDTH,
    };

    /// The pedicle of a spine level (consult mode): its width and inward angle from
    /// [`PEDICLE_BY_LEVEL`]; [`Pedicle::DRAWN`] for a level not listed there, and always in the
    /// patients' build (which draws one level).
    pub fn at(level: &str) -> Pedicle {
        let Some(i) = SPINE_LEVELS.iter().position(|l| *l == level) else {
            return Pedicle::DRAWN;
        };
        if !cfg!(feature = "consult") {
            return Pedicle::DRAWN;
        }
        let (width_mm, angle) = PEDICLE_BY_LEVEL[i];
        // 2 units per millimetre: the half width in units is the width in millimetres.
        let half_width = width_mm;
        let angle = if angle > 0.0 {
            angle
        } else {
            Pedicle::DRAWN.angle_deg()
        };
        let (s, c) = math::sin_cos(angle.to_radians());
        let front = Pt::new(MID_X - PEDICLE_INNER_DX - half_width, BODY_BACK_Y);
        Pedicle {
            front,
            back: Pt::new(front.x - s * PEDICLE_LENGTH, front.y + c * PEDICLE_LENGTH),
            half_width,
        }
    }

    /// Unit vector along the pedicle's centre line, from its back end towards the body.
    pub fn axis(&self) -> Pt {
        let (dx, dy) = (self.front.x - self.back.x, self.front.y - self.back.y);
        let len = (dx * dx + dy * dy).sqrt();
        Pt::new(dx / len, dy / len)
    }

    /// Its inward angle from straight ahead, in degrees.
    pub fn angle_deg(&self) -> f32 {
        let u = self.axis();
        math::atan2(u.x, -u.y).to_degrees()
    }

    /// The point of its centre line (extended) at height `y`.
    pub fn at_y(&self, y: f32) -> Pt {
        let u = self.axis();
        let s = (y - self.front.y) / u.y;
        Pt::new(self.front.x + u.x * s, y)
    }

    /// Its inner (medial) wall at height `y` (between its back and front ends).
    pub fn medial_wall_x(&self, y: f32) -> f32 {
        self.at_y(y).x + self.half_width
    }

    /// Its outer (lateral) wall at height `y`.
    pub fn lateral_wall_x(&self, y: f32) -> f32 {
        self.at_y(y).x - self.half_width
    }

    /// Where its drawn shape ends, inside the body (which is drawn over it): 6 units on from
    /// [`Pedicle::front`], or further for a wide, angled one, until both front corners are
    /// inside the body's outline.
    pub fn front_end(&self) -> Pt {
        let u = self.axis();
        let mut k = 6.0;
        loop {
            let end = Pt::new(self.front.x + u.x * k, self.front.y + u.y * k);
            let (cx, cy) = (-u.y * self.half_width, u.x * self.half_width);
            let inside = inside_body(Pt::new(end.x + cx, end.y + cy), 0.0)
                && inside_body(Pt::new(end.x - cx, end.y - cy), 0.0);
            if inside || k > 40.0 {
                return end;
            }
            k += 1.0;
        }
    }
}

/// What the view from above draws of a level: its pedicles, its ribs and round canal (thoracic),
/// and what the canal holds: the spinal cord, or below L1, where the cord has ended, nerve roots.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TopLevel {
    /// The left pedicle.
    pub pedicle: Pedicle,
    /// A thoracic level: ribs beside the body, a round canal.
    pub thoracic: bool,
    /// Nerve roots (the cauda equina) in the canal rather than the cord.
    pub roots: bool,
}

impl TopLevel {
    /// The level `name` as the view from above draws it.
    pub fn of(name: &str) -> TopLevel {
        TopLevel {
            pedicle: Pedicle::at(name),
            thoracic: is_thoracic(name),
            roots: name.starts_with('L') && name != "L1",
        }
    }
}

/// Mirrors a point of the left side to the right side.
pub fn mirror(p: Pt) -> Pt {
    Pt::new(2.0 * MID_X - p.x, p.y)
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

    /// Widths and angles by level as clinical.md gives them; a pedicle's inner wall stays where
    /// the canal's side is, and the drawn one is the patients' picture's.
    #[test]
    fn pedicles_follow_the_level() {
        let at = Pedicle::at;
        assert_eq!(Pedicle::at("S1"), Pedicle::DRAWN);
        assert_eq!(Pedicle::DRAWN.angle_deg().round(), 16.0);
        for (level, width, angle) in [("L1", 7.5, 5.0), ("L3", 9.5, 15.0), ("L5", 13.0, 25.0)] {
            let p = at(level);
            assert!((p.half_width - width).abs() < 1e-3, "{level}");
            assert!(
                (p.angle_deg() - angle).abs() < 0.01,
                "{level}: {}",
                p.angle_deg()
            );
        }
        assert!(
            at("T5").half_width < at("T8").half_width && at("T8").half_width < at("T12").half_width
        );
        assert!((4.5..=5.5).contains(&at("T5").half_width) && at("T12").half_width == 8.0);
        for level in SPINE_LEVELS {
            let p = at(level);
            let inner = p.medial_wall_x(BODY_BACK_Y);
            assert!((inner - (MID_X - PEDICLE_INNER_DX)).abs() < 1e-3, "{level}");
            assert!(
                (p.front.dist(p.back) - PEDICLE_LENGTH).abs() < 1e-3,
                "{level}"
            );
            // Its drawn shape's front corners are inside the body's outline (drawn over them).
            let (u, end) = (p.axis(), p.front_end());
            for side in [-1.0, 1.0] {
                let corner = Pt::new(
                    end.x - u.y * p.half_width * side,
                    end.y + u.x * p.half_width * side,
                );
                assert!(inside_body(corner, 0.0), "{level}: {corner:?}");
            }
        }
        assert!(
            (Pedicle::DRAWN.medial_wall_x(BODY_BACK_Y) - (MID_X - PEDICLE_INNER_DX)).abs() < 1e-3
        );
        // The patients' picture's pedicle ends where it always did, 6 units in.
        let d = Pedicle::DRAWN;
        assert!((d.front_end().dist(d.front) - 6.0).abs() < 1e-3);
    }
}
