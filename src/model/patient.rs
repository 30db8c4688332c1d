//! Settings for the patient in front of a physician (consult mode): how collapsed the bone is,
//! one or two balloons, and the spine level. Plus the illustrative readouts shown while the
//! balloon works.

use super::geometry::{front_height, wedge_angle_deg, BODY_HEIGHT};
use super::scene::Scene;

/// Fracture severity by Genant grade (share of the front height lost).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Grade {
    /// Grade 1, mild: 20–25% lost.
    Mild,
    /// Grade 2, moderate: 25–40% lost (the default picture).
    #[default]
    Moderate,
    /// Grade 3, severe: over 40% lost.
    Severe,
}

impl Grade {
    /// Every grade, mildest first.
    pub const ALL: [Grade; 3] = [Grade::Mild, Grade::Moderate, Grade::Severe];

    /// The grade's number (1 to 3).
    pub fn number(self) -> u8 {
        match self {
            Grade::Mild => 1,
            Grade::Moderate => 2,
            Grade::Severe => 3,
        }
    }

    /// The grade with this number, if any.
    pub fn from_number(n: u8) -> Option<Grade> {
        Grade::ALL.into_iter().find(|g| g.number() == n)
    }

    /// The range of front height lost that defines the grade.
    pub fn loss_range(self) -> (f32, f32) {
        match self {
            Grade::Mild => (0.20, 0.25),
            Grade::Moderate => (0.25, 0.40),
            Grade::Severe => (0.40, 0.50),
        }
    }

    /// The share of front height the drawing loses for this grade.
    pub const fn loss(self) -> f32 {
        match self {
            Grade::Mild => 0.23,
            Grade::Moderate => 0.35,
            Grade::Severe => 0.46,
        }
    }
}

/// Spine levels that can be chosen, top to bottom.
pub const SPINE_LEVELS: [&str; 13] = [
    "T5", "T6", "T7", "T8", "T9", "T10", "T11", "T12", "L1", "L2", "L3", "L4", "L5",
];

/// The three levels drawn around a treated level (above, treated, below), e.g. T12, L1, L2.
/// The top and bottom of the range show their real neighbours (T4 above T5, S1 below L5).
pub fn levels_around(treated: &str) -> [String; 3] {
    let i = SPINE_LEVELS.iter().position(|l| *l == treated).unwrap_or(8);
    let name = |j: isize| -> String {
        match j {
            -1 => "T4".into(),
            13 => "S1".into(),
            j => SPINE_LEVELS[j as usize].into(),
        }
    };
    let i = i as isize;
    [name(i - 1), name(i), name(i + 1)]
}

/// True for a thoracic level (T1–T12): ribs join it, and a route beside the pedicle is possible.
pub fn is_thoracic(level: &str) -> bool {
    level.starts_with("T")
}

/// Illustrative values for the consult readout: angle, height ratio, balloon volume and pressure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Readout {
    /// Wedge angle of the treated vertebra in degrees.
    pub wedge_deg: f32,
    /// Front height divided by back height.
    pub front_back: f32,
    /// Volume in one balloon, in millilitres (illustrative; mean about 2.4 mL).
    pub balloon_ml: f32,
    /// Inflation pressure in psi (illustrative; cadaver means 160–175 psi).
    pub pressure_psi: f32,
}

/// Mean filled volume of one balloon, in millilitres.
pub const BALLOON_ML: f32 = 2.4;
/// Pressure at full inflation, in psi.
pub const BALLOON_PSI: f32 = 170.0;

/// The readout for a scene. Pressure rises slowly at first and steeply as the balloon meets bone.
pub fn readout(scene: &Scene) -> Readout {
    let size = scene.balloon_size.clamp(0.0, 1.0);
    Readout {
        wedge_deg: wedge_angle_deg(scene),
        front_back: front_height(scene) / BODY_HEIGHT,
        balloon_ml: BALLOON_ML * size,
        pressure_psi: BALLOON_PSI * size * size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::timeline::{scene_at, DiagramState};

    #[test]
    fn grades_have_numbers_and_their_losses_sit_in_their_ranges() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_number(g.number()), Some(g));
            let (lo, hi) = g.loss_range();
            assert!((lo..=hi).contains(&g.loss()), "{g:?}");
        }
        assert_eq!(Grade::from_number(4), None);
    }

    /// Once the balloon is out, about 30% of the lost front height is kept (clinical.md: under
    /// body load), and the wedge angle improves a few degrees: about 4.8° at the default grade, as
    /// the comparison with vertebroplasty says, and never more than the 6.6° average of 69 studies.
    #[test]
    fn the_readout_corrects_the_wedge_a_few_degrees_as_reported() {
        for g in Grade::ALL {
            let at = |state| {
                readout(&Scene {
                    loss: g.loss(),
                    ..scene_at(Some(state), state, 1.0)
                })
            };
            let (before, after) = (at(DiagramState::Fracture), at(DiagramState::BalloonRemoved));
            let kept = (after.front_back - before.front_back) / (1.0 - before.front_back);
            assert!((kept - 0.3).abs() < 0.02, "{g:?}: {kept}");
            let better = before.wedge_deg - after.wedge_deg;
            assert!((1.5..=6.6).contains(&better), "{g:?}: {better}");
            if g == Grade::Moderate {
                assert!((better - 4.8).abs() < 1.0, "{better}");
            }
        }
    }

    #[test]
    fn levels_around_a_treated_level() {
        assert_eq!(levels_around("L1"), ["T12", "L1", "L2"]);
        assert_eq!(levels_around("T5"), ["T4", "T5", "T6"]);
        assert_eq!(levels_around("L5"), ["L4", "L5", "S1"]);
        assert!(is_thoracic("T8") && !is_thoracic("L3"));
    }

    #[test]
    fn the_readout_follows_the_balloon_and_the_lift() {
        let before = readout(&scene_at(
            Some(DiagramState::Needle),
            DiagramState::BalloonPlaced,
            1.0,
        ));
        let half = readout(&scene_at(
            Some(DiagramState::BalloonPlaced),
            DiagramState::BalloonInflated,
            0.5,
        ));
        let full = readout(&scene_at(
            Some(DiagramState::BalloonPlaced),
            DiagramState::BalloonInflated,
            1.0,
        ));
        assert_eq!((before.balloon_ml, before.pressure_psi), (0.0, 0.0));
        assert!(half.balloon_ml > 0.0 && half.balloon_ml < full.balloon_ml);
        assert!((full.balloon_ml - BALLOON_ML).abs() < 1e-4);
        assert!((full.pressure_psi - BALLOON_PSI).abs() < 1e-2);
        assert!(
            full.wedge_deg < before.wedge_deg,
            "inflation reduces the wedge"
        );
        assert!(full.front_back > before.front_back);
        assert!(full.front_back < 1.0, "height is only partly restored");
    }
}
