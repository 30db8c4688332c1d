//! Sine, cosine, arctangent and powers for the drawings and the contrast check, each in a few
//! lines (computed in f64, which WebAssembly does in single instructions), so that the WebAssembly
//! carries none of libm's versions (right to the last bit for any input, and about 9 KB with their
//! range-reduction code and tables). These are within 3e-7 of std's (absolute for the angles,
//! sines and cosines over the angles the pictures use; relative for powers): far finer than the
//! tenth of a unit that the SVG numbers keep.

use std::f64::consts::{FRAC_2_PI, FRAC_PI_2, LN_2, LOG2_E, PI, SQRT_2};

/// Sine and cosine of `x` radians.
pub fn sin_cos(x: f32) -> (f32, f32) {
    // x = q pi/2 + r with |r| <= pi/4 (in f64, so that r keeps f32's precision up to large x),
    // then the Taylor series of sin r (to r^13) and cos r (to r^12), from the last term: errors
    // below 1e-10.
    let x = x as f64;
    let q = (x * FRAC_2_PI + 0.5).floor();
    let r = x - q * FRAC_PI_2;
    let (mut s, mut c) = (1.0, 1.0);
    for k in (1..=6).rev() {
        let k = 2.0 * k as f64;
        s = 1.0 - r * r / (k * (k + 1.0)) * s;
        c = 1.0 - r * r / (k * (k - 1.0)) * c;
    }
    let (s, c) = ((r * s) as f32, c as f32);
    match q as i64 & 3 {
        0 => (s, c),
        1 => (c, -s),
        2 => (-s, -c),
        _ => (-c, s),
    }
}

/// Sine of `x` radians.
pub fn sin(x: f32) -> f32 {
    sin_cos(x).0
}

/// Cosine of `x` radians.
pub fn cos(x: f32) -> f32 {
    sin_cos(x).1
}

/// Arctangent of `x` in [-1, 1] (Abramowitz and Stegun 4.4.49: error below 2e-8).
fn atan_unit(x: f64) -> f64 {
    let x2 = x * x;
    x * (0.999_999_332_9
        + x2 * (-0.333_298_560_5
            + x2 * (0.199_465_359_9
                + x2 * (-0.139_085_335_1
                    + x2 * (0.096_420_044_1
                        + x2 * (-0.055_909_886_1
                            + x2 * (0.021_861_228_8 - x2 * 0.004_054_058_0)))))))
}

/// The angle of the point `(x, y)` from the positive x axis, in [-pi, pi], as `f32::atan2`
/// (including its signs for zeros: `atan2(0, -0)` is pi).
pub fn atan2(y: f32, x: f32) -> f32 {
    let (ax, ay) = (x.abs() as f64, y.abs() as f64);
    let a = if ay > ax {
        FRAC_PI_2 - atan_unit(ax / ay)
    } else if ax > 0.0 {
        atan_unit(ay / ax)
    } else {
        0.0
    };
    let a = if x.is_sign_negative() { PI - a } else { a };
    (a as f32).copysign(y)
}

/// Arctangent of `x`, in [-pi/2, pi/2].
pub fn atan(x: f32) -> f32 {
    atan2(x, 1.0)
}

/// Base-2 logarithm of a positive, normal (not subnormal) `x`.
fn log2(x: f32) -> f64 {
    // x = m 2^e with m in [1/sqrt 2, sqrt 2); ln m = 2 atanh(s) with s = (m - 1) / (m + 1),
    // |s| < 0.172, whose series to s^11 is exact to about 1e-11.
    let bits = x.to_bits();
    let mut e = ((bits >> 23) & 0xff) as i32 - 127;
    let mut m = f32::from_bits((bits & 0x007f_ffff) | 0x3f80_0000) as f64;
    if m > SQRT_2 {
        m *= 0.5;
        e += 1;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let ln_m = 2.0
        * s
        * (1.0 + s2 * (1.0 / 3.0 + s2 * (0.2 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 + s2 / 11.0)))));
    e as f64 + ln_m * LOG2_E
}

/// 2 to the power `t` (0 below 2^-126, infinite from 2^128).
fn exp2(t: f64) -> f32 {
    if t < -126.0 {
        return 0.0;
    }
    if t >= 128.0 {
        return f32::INFINITY;
    }
    // 2^t = 2^n e^g with n the nearest whole number and |g| <= ln 2 / 2: Taylor to g^9.
    let n = (t + 0.5).floor();
    let g = (t - n) * LN_2;
    let mut p = 1.0;
    for k in (1..=9).rev() {
        p = 1.0 + g / k as f64 * p;
    }
    (p * f64::from_bits(((n as i64 + 1023) as u64) << 52)) as f32
}

/// `x` to the power `y` for `x >= 0` (relative error about 1e-7), with 0 for an `x` below
/// `f32::MIN_POSITIVE` (about 1e-38) to a positive power, 1 to the power 0. A negative `x` gives
/// NaN (the drawings take powers of distances and ratios).
pub fn powf(x: f32, y: f32) -> f32 {
    if x >= f32::MIN_POSITIVE {
        exp2(y as f64 * log2(x))
    } else if x >= 0.0 {
        if y > 0.0 {
            0.0
        } else if y == 0.0 {
            1.0
        } else {
            f32::INFINITY
        }
    } else {
        f32::NAN
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // std's functions are the reference here.
mod tests {
    use super::*;
    use std::f32::consts::{FRAC_PI_2, PI};

    /// `n + 1` evenly spaced points from `a` to `b`.
    fn grid(a: f32, b: f32, n: usize) -> impl Iterator<Item = f32> {
        (0..=n).map(move |i| a + (b - a) * i as f32 / n as f32)
    }

    #[test]
    fn sine_and_cosine_match_std_within_1e_7_from_minus_10_to_10() {
        let mut worst = 0.0f32;
        for x in grid(-10.0, 10.0, 200_000) {
            worst = worst.max((sin(x) - x.sin()).abs());
            worst = worst.max((cos(x) - x.cos()).abs());
            let (s, c) = sin_cos(x);
            assert_eq!((s, c), (sin(x), cos(x)));
        }
        assert!(worst < 1e-7, "worst error {worst}");
    }

    #[test]
    fn sine_and_cosine_stay_close_for_larger_angles() {
        for x in grid(-1000.0, 1000.0, 20_000) {
            assert!((sin(x) - x.sin()).abs() < 1e-4, "sin({x})");
            assert!((cos(x) - x.cos()).abs() < 1e-4, "cos({x})");
        }
    }

    #[test]
    fn sine_and_cosine_at_zero_and_multiples_of_a_right_angle() {
        assert_eq!(sin(0.0), 0.0);
        assert_eq!(cos(0.0), 1.0);
        assert!(sin(-0.0) == 0.0);
        for k in -8i32..=8 {
            let x = k as f32 * FRAC_PI_2;
            let (s, c) = match k.rem_euclid(4) {
                0 => (0.0, 1.0),
                1 => (1.0, 0.0),
                2 => (0.0, -1.0),
                _ => (-1.0, 0.0),
            };
            assert!((sin(x) - s).abs() < 1e-6, "sin({k} pi/2) = {}", sin(x));
            assert!((cos(x) - c).abs() < 1e-6, "cos({k} pi/2) = {}", cos(x));
        }
        // Odd and even, and bounded by 1.
        for x in grid(-7.0, 7.0, 1400) {
            assert!((sin(-x) + sin(x)).abs() < 1e-7 && (cos(-x) - cos(x)).abs() < 1e-7);
            assert!(sin(x).abs() <= 1.0 && cos(x).abs() <= 1.0, "{x}");
        }
    }

    #[test]
    fn atan2_matches_std_within_3e_7_in_every_quadrant() {
        let mut worst = 0.0f32;
        for y in grid(-10.0, 10.0, 400) {
            for x in grid(-10.0, 10.0, 400) {
                worst = worst.max((atan2(y, x) - y.atan2(x)).abs());
            }
        }
        assert!(worst < 3e-7, "worst error {worst}");
        // Directions with very different lengths, as the needles' axes (unit vectors) and
        // slopes give.
        for a in grid(-PI, PI, 10_000) {
            for r in [1e-3, 1.0, 1e3] {
                let (y, x) = (r * a.sin(), r * a.cos());
                assert!((atan2(y, x) - y.atan2(x)).abs() < 3e-7, "atan2({y}, {x})");
            }
        }
    }

    #[test]
    fn atan2_on_the_axes_and_at_zero_follows_std() {
        let cases = [
            (0.0, 1.0),
            (1.0, 0.0),
            (0.0, -1.0),
            (-1.0, 0.0),
            (-0.0, 1.0),
            (-0.0, -1.0),
            (1.0, -0.0),
            (-1.0, -0.0),
            (0.0, 0.0),
            (-0.0, 0.0),
            (0.0, -0.0),
            (-0.0, -0.0),
            (3.0, 3.0),
            (-3.0, 3.0),
            (3.0, -3.0),
            (-3.0, -3.0),
        ];
        for (y, x) in cases {
            let (got, want) = (atan2(y, x), f32::atan2(y, x));
            assert!(
                (got - want).abs() < 1e-6 && got.is_sign_negative() == want.is_sign_negative(),
                "atan2({y:?}, {x:?}) = {got:?}, std {want:?}"
            );
        }
        assert_eq!(atan2(1.0, 0.0), FRAC_PI_2);
        assert_eq!(atan2(0.0, -1.0), PI);
        assert_eq!(atan2(-0.0, -1.0), -PI);
    }

    #[test]
    fn atan_matches_std_from_minus_10_to_10_and_at_the_ends() {
        for x in grid(-10.0, 10.0, 100_000) {
            assert!((atan(x) - x.atan()).abs() < 2e-7, "atan({x})");
        }
        assert_eq!(atan(0.0), 0.0);
        assert!((atan(1.0) - PI / 4.0).abs() < 1e-7);
        assert_eq!(atan(f32::INFINITY), FRAC_PI_2);
        assert_eq!(atan(f32::NEG_INFINITY), -FRAC_PI_2);
        assert!(atan(f32::NAN).is_nan());
    }

    /// Relative error of `powf(x, y)` against std's.
    fn pow_error(x: f32, y: f32) -> f32 {
        let want = x.powf(y);
        (powf(x, y) - want).abs() / want.abs().max(f32::MIN_POSITIVE)
    }

    #[test]
    fn powers_match_std_within_1e_6_relative_where_the_drawings_use_them() {
        // The contrast check's sRGB gamma: ((s + 0.055) / 1.055)^2.4 for s in (0.04, 1].
        for v in 11..=255u8 {
            let s = (v as f32 / 255.0 + 0.055) / 1.055;
            assert!(pow_error(s, 2.4) < 1e-6, "{s}^2.4");
        }
        // The body's superellipse in the view from above: |cos|^(2/2.6) and ratios^2.6.
        for x in grid(0.0, 1.0, 10_000).skip(1) {
            assert!(pow_error(x, 2.0 / 2.6) < 1e-6, "{x}^(2/2.6)");
        }
        for x in grid(0.0, 4.0, 10_000).skip(1) {
            assert!(pow_error(x, 2.6) < 1e-6, "{x}^2.6");
        }
        // And more broadly.
        for x in grid(1e-3, 100.0, 5_000) {
            for y in [-3.0, -1.0, -0.5, 0.25, 0.5, 1.0, 1.5, 3.0, 7.0] {
                assert!(pow_error(x, y) < 1e-6, "{x}^{y}: {}", pow_error(x, y));
            }
        }
    }

    #[test]
    fn powers_at_the_edges() {
        assert_eq!(powf(0.0, 2.6), 0.0);
        assert_eq!(powf(0.0, 0.0), 1.0);
        assert_eq!(powf(0.0, -1.0), f32::INFINITY);
        assert!(powf(-1.0, 2.4).is_nan());
        assert_eq!(powf(1.0, 2.4), 1.0);
        assert!((powf(2.0, 10.0) - 1024.0).abs() < 1e-3);
        assert!((powf(4.0, 0.5) - 2.0).abs() < 1e-6);
        assert_eq!(powf(1e-40, 0.5), 0.0, "a subnormal base counts as 0");
        assert_eq!(powf(1e-30, 5.0), 0.0);
        assert_eq!(powf(1e30, 5.0), f32::INFINITY);
        for t in grid(-125.0, 127.9, 5_000) {
            let want = 2f32.powf(t);
            assert!((exp2(t as f64) - want).abs() / want < 1e-6, "2^{t}");
        }
    }
}
