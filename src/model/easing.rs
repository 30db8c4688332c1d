//! Easing curves as data: a small `Copy` enum mapped to pure functions on `0.0..=1.0`.

/// How a parameter moves between two keyframes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Easing {
    /// Constant speed.
    Linear,
    /// Slow start and slow end (cubic).
    InOut,
    /// Fast start, slow end (cubic).
    Out,
}

impl Easing {
    /// Maps `t` (clamped to `0.0..=1.0`) through the curve. Always returns a value in `0.0..=1.0`,
    /// with `apply(0) == 0` and `apply(1) == 1`, and never decreases as `t` grows.
    pub fn apply(self, t: f32) -> f32 {
        let t = t.clamp(0.0, 1.0);
        match self {
            Easing::Linear => t,
            Easing::InOut => {
                if t < 0.5 {
                    4.0 * t * t * t
                } else {
                    let u = -2.0 * t + 2.0;
                    1.0 - u * u * u / 2.0
                }
            }
            Easing::Out => {
                let u = 1.0 - t;
                1.0 - u * u * u
            }
        }
    }
}

/// Linear interpolation from `a` to `b` by `t`.
pub fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

/// Where `x` sits within the window `start..end`, as a fraction clamped to `0.0..=1.0`.
pub fn window(x: f32, start: f32, end: f32) -> f32 {
    if end <= start {
        return if x >= end { 1.0 } else { 0.0 };
    }
    ((x - start) / (end - start)).clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_curve_is_monotonic_and_pinned_at_the_ends() {
        for e in [Easing::Linear, Easing::InOut, Easing::Out] {
            assert_eq!(e.apply(0.0), 0.0, "{e:?}");
            assert!((e.apply(1.0) - 1.0).abs() < 1e-6, "{e:?}");
            let mut last = 0.0;
            for i in 0..=100 {
                let v = e.apply(i as f32 / 100.0);
                assert!(v >= last - 1e-6, "{e:?} decreases at {i}");
                assert!((0.0..=1.0).contains(&v));
                last = v;
            }
        }
    }

    #[test]
    fn window_clamps_and_scales() {
        assert_eq!(window(0.1, 0.2, 0.6), 0.0);
        assert!((window(0.4, 0.2, 0.6) - 0.5).abs() < 1e-6);
        assert_eq!(window(0.9, 0.2, 0.6), 1.0);
        assert_eq!(window(0.5, 0.5, 0.5), 1.0);
        assert_eq!(lerp(2.0, 4.0, 0.25), 2.5);
    }
}
