//! Vertebroplasty next to kyphoplasty: the same timeline, seen as a vertebroplasty. The needle goes
//! in the same way but further forward, there is no balloon and no cavity, no height is regained,
//! and the cement is pushed straight into the spongy bone, where it spreads in irregular lobes.
//! Coordinates are the side view's ([`crate::model::geometry`]).

use super::geometry::{self as g, Ellipse, Pt};
use super::scene::Scene;

/// The kyphoplasty scene as a vertebroplasty: no balloon, no cavity, no lift.
pub fn vertebroplasty(scene: &Scene) -> Scene {
    Scene {
        balloon_in: 0.0,
        balloon_size: 0.0,
        cavity: 0.0,
        lift: 0.0,
        ..*scene
    }
}

/// Where the vertebroplasty needle's tip rests: in the front half of the body, on the same path.
pub fn needle_target() -> Pt {
    let u = g::needle_axis();
    let x = g::BODY_FRONT + 26.0;
    let s = (x - g::PEDICLE_CENTRE.x) / u.x;
    Pt::new(x, g::PEDICLE_CENTRE.y + u.y * s)
}

/// The vertebroplasty needle's tip for a needle depth in `0.0..=1.0`.
pub fn needle_tip(depth: f32) -> Pt {
    g::skin_entry().towards(needle_target(), depth.clamp(0.0, 1.0))
}

/// Lobes of cement around the tip: (offset from the tip, half length, half height, angle, when it
/// starts to spread as a share of the injection).
const LOBES: [(f32, f32, f32, f32, f32, f32); 9] = [
    (0.0, 0.0, 10.0, 7.5, 10.0, 0.0),
    (-11.0, 4.0, 9.0, 5.5, -25.0, 0.1),
    (8.0, 8.0, 8.0, 5.0, 40.0, 0.2),
    (-6.0, -3.0, 7.0, 4.0, -50.0, 0.3),
    (12.0, -2.0, 6.5, 4.0, 15.0, 0.4),
    (-16.0, 3.0, 5.5, 3.5, 70.0, 0.5),
    (-3.0, 12.0, 6.5, 3.6, -10.0, 0.6),
    (-20.0, 9.0, 4.5, 2.6, 35.0, 0.7),
    (16.0, 11.0, 4.0, 2.4, -30.0, 0.8),
];

/// The cement's irregular lobes for this scene (empty before any cement); each lobe grows from
/// nothing once the injection reaches its start.
pub fn cement_lobes(scene: &Scene) -> Vec<Ellipse> {
    let c = scene.cement.clamp(0.0, 1.0);
    let tip = needle_target();
    LOBES
        .iter()
        .filter(|l| c > l.5)
        .map(|&(dx, dy, rx, ry, a, start)| {
            let k = ((c - start) / (1.0 - start).max(0.25)).min(1.0).sqrt();
            Ellipse {
                c: Pt::new(tip.x + dx, tip.y + 5.0 + dy),
                rx: rx * k,
                ry: ry * k,
                angle_deg: a,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::patient::Grade;
    use crate::model::timeline::{scene_at, DiagramState};

    fn all_scenes() -> Vec<Scene> {
        crate::model::timeline::sample_scenes(30, &Grade::ALL.map(|g| g.loss()))
            .into_iter()
            .map(|(_, _, s)| s)
            .collect()
    }

    #[test]
    fn no_balloon_no_cavity_and_no_height_regained() {
        for scene in all_scenes() {
            let v = vertebroplasty(&scene);
            assert_eq!((v.balloon_in, v.balloon_size, v.cavity), (0.0, 0.0, 0.0));
            let fractured = g::front_height(&Scene { lift: 0.0, ..scene });
            assert_eq!(g::front_height(&v), fractured);
            assert!(g::front_height(&v) <= g::front_height(&scene));
            assert_eq!(
                (v.needle, v.cement, v.cure),
                (scene.needle, scene.cement, scene.cure)
            );
        }
    }

    #[test]
    fn the_needle_goes_further_forward_and_the_cement_stays_in_the_body() {
        assert!(needle_target().x < g::needle_target().x - 10.0);
        for scene in all_scenes() {
            let v = vertebroplasty(&scene);
            if v.collapse > 0.99 {
                assert!(g::inside_middle_body(&v, needle_target(), 3.0));
            }
            for lobe in cement_lobes(&v) {
                for p in lobe.outline(32) {
                    assert!(g::inside_middle_body(&v, p, 1.0), "cement out at {p:?}");
                }
            }
        }
    }

    #[test]
    fn the_cement_spreads_lobe_by_lobe_and_never_shrinks() {
        let mut last_area = 0.0;
        let mut last_count = 0;
        for i in 0..=50 {
            let sc = scene_at(
                Some(DiagramState::BalloonRemoved),
                DiagramState::Cement,
                i as f32 / 50.0,
            );
            let lobes = cement_lobes(&vertebroplasty(&sc));
            let area: f32 = lobes.iter().map(|e| e.rx * e.ry).sum();
            assert!(area >= last_area - 1e-4 && lobes.len() >= last_count);
            last_area = area;
            last_count = lobes.len();
        }
        assert_eq!(last_count, LOBES.len(), "every lobe shows at the end");
        let before = scene_at(
            Some(DiagramState::BalloonRemoved),
            DiagramState::Cement,
            0.0,
        );
        assert!(cement_lobes(&before).is_empty());
    }
}
