//! The timeline: a pure function from (diagram state, progress) to a [`Scene`].
//!
//! Each diagram state is a keyframe: the scene at the end of its step, and for some parameters a
//! window of the step in which they move (so that, for example, the cement hardens before the
//! needle comes out). A step starts where the previous step's state ends, so there is never a jump
//! between steps. The timeline is handed the progress; it never reads a clock.

use super::easing::{lerp, window, Easing};
use super::scene::{Param, Scene};
use serde::Deserialize;

/// The picture a step shows, named in the content files. Listed in procedure order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum DiagramState {
    /// A healthy segment whose middle vertebra collapses into a wedge.
    Fracture,
    /// Face down, skin numbed, live X-ray on.
    Preparation,
    /// The hollow needle goes through the pedicle into the vertebral body.
    Needle,
    /// The deflated balloon slides out of the needle into the spongy bone.
    BalloonPlaced,
    /// The balloon inflates, lifting the top of the bone and making a space.
    BalloonInflated,
    /// The balloon deflates and comes out, leaving a cavity.
    BalloonRemoved,
    /// Cement fills the cavity from front to back.
    Cement,
    /// The cement hardens, the needle comes out, a bandage goes on.
    Finish,
    /// The treated bone, at rest (recovery).
    Recovery,
    /// The treated bone, with the places risks come from (risks).
    Risks,
}

/// Share of the lost front height that the inflated balloon lifts back.
pub const LIFT_INFLATED: f32 = 0.4;
/// Share of the lost front height still lifted once the balloon is out (a little is lost again).
pub const LIFT_AFTER_REMOVAL: f32 = 0.3;

/// One keyframe: the scene at the end of a step and the moving windows of its parameters.
#[derive(Clone, Copy, Debug)]
pub struct Keyframe {
    /// The scene at the end of the step.
    pub end: Scene,
    /// Parameters that move only in part of the step: (parameter, start, end, easing).
    /// Parameters not listed move over the whole step with [`Easing::InOut`].
    pub windows: &'static [(Param, f32, f32, Easing)],
    /// How long the step's animation lasts, in milliseconds.
    pub duration_ms: f32,
}

/// The scene before the first step: a healthy spine.
pub const HEALTHY: Scene = Scene {
    collapse: 0.0,
    lift: 0.0,
    pain: 0.0,
    prep: 0.0,
    needle: 0.0,
    balloon_in: 0.0,
    balloon_size: 0.0,
    cavity: 0.0,
    cement: 0.0,
    cure: 0.0,
    bandage: 0.0,
    loss: crate::model::patient::Grade::Moderate.loss(),
};

const FRACTURED: Scene = Scene {
    collapse: 1.0,
    pain: 1.0,
    ..HEALTHY
};
const PREPARED: Scene = Scene {
    pain: 0.0,
    prep: 1.0,
    ..FRACTURED
};
const NEEDLE_IN: Scene = Scene {
    needle: 1.0,
    ..PREPARED
};
const BALLOON_PLACED: Scene = Scene {
    balloon_in: 1.0,
    ..NEEDLE_IN
};
const BALLOON_INFLATED: Scene = Scene {
    balloon_size: 1.0,
    cavity: 1.0,
    lift: LIFT_INFLATED,
    ..BALLOON_PLACED
};
const BALLOON_REMOVED: Scene = Scene {
    balloon_size: 0.0,
    balloon_in: 0.0,
    lift: LIFT_AFTER_REMOVAL,
    ..BALLOON_INFLATED
};
const CEMENT_FILLED: Scene = Scene {
    cement: 1.0,
    ..BALLOON_REMOVED
};
const FINISHED: Scene = Scene {
    cure: 1.0,
    needle: 0.0,
    prep: 0.0,
    bandage: 1.0,
    ..CEMENT_FILLED
};

impl DiagramState {
    /// Every state, in procedure order.
    pub const ALL: [DiagramState; 10] = [
        DiagramState::Fracture,
        DiagramState::Preparation,
        DiagramState::Needle,
        DiagramState::BalloonPlaced,
        DiagramState::BalloonInflated,
        DiagramState::BalloonRemoved,
        DiagramState::Cement,
        DiagramState::Finish,
        DiagramState::Recovery,
        DiagramState::Risks,
    ];

    /// The keyframe this state animates to.
    pub fn keyframe(self) -> Keyframe {
        use Easing::*;
        use Param::*;
        match self {
            DiagramState::Fracture => Keyframe {
                end: FRACTURED,
                windows: &[(Collapse, 0.15, 0.6, Out), (Pain, 0.5, 0.8, InOut)],
                duration_ms: 3000.0,
            },
            DiagramState::Preparation => Keyframe {
                end: PREPARED,
                windows: &[(Pain, 0.0, 0.3, InOut), (Prep, 0.2, 0.9, InOut)],
                duration_ms: 2500.0,
            },
            DiagramState::Needle => Keyframe {
                end: NEEDLE_IN,
                windows: &[(Needle, 0.05, 0.95, InOut)],
                duration_ms: 4000.0,
            },
            DiagramState::BalloonPlaced => Keyframe {
                end: BALLOON_PLACED,
                windows: &[(BalloonIn, 0.1, 0.9, InOut)],
                duration_ms: 2500.0,
            },
            DiagramState::BalloonInflated => Keyframe {
                end: BALLOON_INFLATED,
                windows: &[
                    (BalloonSize, 0.05, 0.9, InOut),
                    (Cavity, 0.05, 0.9, InOut),
                    (Lift, 0.35, 0.95, InOut),
                ],
                duration_ms: 4500.0,
            },
            DiagramState::BalloonRemoved => Keyframe {
                end: BALLOON_REMOVED,
                windows: &[
                    (BalloonSize, 0.05, 0.5, InOut),
                    (Lift, 0.3, 0.6, InOut),
                    (BalloonIn, 0.5, 0.95, InOut),
                ],
                duration_ms: 3500.0,
            },
            DiagramState::Cement => Keyframe {
                end: CEMENT_FILLED,
                windows: &[(Cement, 0.05, 0.95, Linear)],
                duration_ms: 5000.0,
            },
            DiagramState::Finish => Keyframe {
                end: FINISHED,
                windows: &[
                    (Cure, 0.0, 0.4, InOut),
                    (Prep, 0.0, 0.3, InOut),
                    (Needle, 0.4, 0.75, InOut),
                    (Bandage, 0.75, 1.0, InOut),
                ],
                duration_ms: 4500.0,
            },
            DiagramState::Recovery | DiagramState::Risks => Keyframe {
                end: FINISHED,
                windows: &[],
                duration_ms: 600.0,
            },
        }
    }
}

/// The scene of a step whose picture is `state`, at `progress` (0 = start, 1 = end) through it.
///
/// `previous` is the state of the step before (None for the first step), whose end is this step's
/// start. Progress outside `0.0..=1.0` is clamped.
pub fn scene_at(previous: Option<DiagramState>, state: DiagramState, progress: f32) -> Scene {
    let start = previous.map_or(HEALTHY, |p| p.keyframe().end);
    let key = state.keyframe();
    let mut scene = start;
    for p in Param::ALL {
        let (a, b, easing) = key
            .windows
            .iter()
            .find(|(param, ..)| *param == p)
            .map_or((0.0, 1.0, Easing::InOut), |(_, a, b, e)| (*a, *b, *e));
        let t = easing.apply(window(progress, a, b));
        *scene.get_mut(p) = lerp(start.get(p), key.end.get(p), t);
    }
    scene
}

/// The whole story's timeline: the diagram state of every step, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    states: Vec<DiagramState>,
}

impl Timeline {
    /// A timeline over these steps' states.
    pub fn new(states: Vec<DiagramState>) -> Self {
        Timeline { states }
    }

    /// The scene at a position on the whole timeline (step index plus progress through it).
    /// Positions outside the timeline are clamped; an empty timeline shows a healthy spine.
    pub fn scene_at(&self, position: f32) -> Scene {
        let Some(last) = self.states.len().checked_sub(1) else {
            return HEALTHY;
        };
        let position = if position.is_finite() {
            // max/min, not clamp: clamp's check of its bounds would print floats in a panic.
            position.max(0.0).min(self.states.len() as f32)
        } else {
            0.0
        };
        let step = (position.floor() as usize).min(last);
        let progress = position - step as f32;
        let previous = step
            .checked_sub(1)
            .and_then(|i| self.states.get(i).copied());
        scene_at(previous, self.states[step], progress)
    }
}

/// Test support: every step's scene at `samples + 1` evenly spaced points of its progress, once
/// per fracture loss in `losses` (with the scene's own loss when `losses` is empty).
#[cfg(test)]
pub(crate) fn sample_scenes(samples: u32, losses: &[f32]) -> Vec<(DiagramState, f32, Scene)> {
    let mut out = vec![];
    let mut prev = None;
    for s in DiagramState::ALL {
        for i in 0..=samples {
            let t = i as f32 / samples as f32;
            let scene = scene_at(prev, s, t);
            if losses.is_empty() {
                out.push((s, t, scene));
            }
            for &loss in losses {
                out.push((s, t, Scene { loss, ..scene }));
            }
        }
        prev = Some(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(prev: Option<DiagramState>, s: DiagramState) -> Vec<Scene> {
        (0..=50)
            .map(|i| scene_at(prev, s, i as f32 / 50.0))
            .collect()
    }

    #[test]
    fn every_parameter_stays_between_zero_and_one() {
        let mut prev = None;
        for s in DiagramState::ALL {
            for scene in sample(prev, s) {
                for p in Param::ALL {
                    let v = scene.get(p);
                    assert!((0.0..=1.0).contains(&v), "{s:?} {p:?} = {v}");
                }
            }
            prev = Some(s);
        }
    }

    #[test]
    fn each_step_ends_where_the_next_begins() {
        let mut prev = None;
        for pair in DiagramState::ALL.windows(2) {
            let end = scene_at(prev, pair[0], 1.0);
            let start = scene_at(Some(pair[0]), pair[1], 0.0);
            assert_eq!(end, start, "{:?} -> {:?}", pair[0], pair[1]);
            prev = Some(pair[0]);
        }
    }

    #[test]
    fn the_first_step_starts_healthy_and_ends_fractured() {
        assert_eq!(scene_at(None, DiagramState::Fracture, 0.0), HEALTHY);
        assert_eq!(scene_at(None, DiagramState::Fracture, 1.0).collapse, 1.0);
    }

    fn assert_monotonic(prev: DiagramState, s: DiagramState, p: Param, rising: bool) {
        let values: Vec<f32> = sample(Some(prev), s).iter().map(|sc| sc.get(p)).collect();
        for w in values.windows(2) {
            if rising {
                assert!(w[1] >= w[0], "{s:?}: {p:?} fell from {} to {}", w[0], w[1]);
            } else {
                assert!(w[1] <= w[0], "{s:?}: {p:?} rose from {} to {}", w[0], w[1]);
            }
        }
        let (first, last) = (values[0], values[values.len() - 1]);
        assert!(first != last, "{s:?}: {p:?} never moved");
    }

    #[test]
    fn parameters_move_one_way_within_their_steps() {
        use DiagramState::*;
        assert_monotonic(Preparation, Needle, Param::Needle, true);
        assert_monotonic(Needle, BalloonPlaced, Param::BalloonIn, true);
        assert_monotonic(BalloonPlaced, BalloonInflated, Param::BalloonSize, true);
        assert_monotonic(BalloonPlaced, BalloonInflated, Param::Lift, true);
        assert_monotonic(BalloonInflated, BalloonRemoved, Param::BalloonSize, false);
        assert_monotonic(BalloonInflated, BalloonRemoved, Param::Lift, false);
        assert_monotonic(BalloonRemoved, Cement, Param::Cement, true);
        assert_monotonic(Cement, Finish, Param::Cure, true);
        assert_monotonic(Cement, Finish, Param::Needle, false);
    }

    #[test]
    fn lift_is_partial_and_some_is_lost_when_the_balloon_comes_out() {
        let inflated = scene_at(
            Some(DiagramState::BalloonPlaced),
            DiagramState::BalloonInflated,
            1.0,
        );
        let removed = scene_at(
            Some(DiagramState::BalloonInflated),
            DiagramState::BalloonRemoved,
            1.0,
        );
        assert!(inflated.lift < 1.0);
        assert!(removed.lift < inflated.lift);
        assert!(removed.lift > 0.0);
        assert_eq!(
            removed.cavity, 1.0,
            "the cavity stays after the balloon comes out"
        );
    }

    #[test]
    fn hardening_happens_before_the_needle_comes_out() {
        let s = scene_at(Some(DiagramState::Cement), DiagramState::Finish, 0.4);
        assert_eq!(s.cure, 1.0);
        assert_eq!(s.needle, 1.0);
        let end = scene_at(Some(DiagramState::Cement), DiagramState::Finish, 1.0);
        assert_eq!(end.needle, 0.0);
        assert_eq!(end.bandage, 1.0);
    }

    #[test]
    fn the_whole_timeline_is_continuous() {
        let t = Timeline::new(DiagramState::ALL.to_vec());
        // Just before and at each step boundary the scene is (nearly) the same.
        for i in 1..DiagramState::ALL.len() {
            let before = t.scene_at(i as f32 - 1e-4);
            let at = t.scene_at(i as f32);
            for p in Param::ALL {
                assert!(
                    (before.get(p) - at.get(p)).abs() < 1e-2,
                    "jump in {p:?} at step {i}"
                );
            }
        }
        assert_eq!(t.scene_at(-3.0), HEALTHY);
        assert_eq!(t.scene_at(f32::NAN), HEALTHY);
        assert_eq!(Timeline::new(vec![]).scene_at(2.0), HEALTHY);
    }

    #[test]
    fn states_are_listed_in_procedure_order() {
        let mut sorted = DiagramState::ALL;
        sorted.sort();
        assert_eq!(sorted, DiagramState::ALL);
    }
}
