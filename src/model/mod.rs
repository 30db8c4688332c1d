//! The model: pure Rust, no web APIs. The timeline, the geometry of the diagram and the player's
//! state. It is handed time and never reads a clock.

pub mod axial;
pub mod compare;
pub mod coronal;
pub mod drawing;
pub mod easing;
pub mod geometry;
pub mod levels;
pub mod math;
pub mod overview;
pub mod patient;
pub mod player;
pub mod route;
pub mod scene;
pub mod share;
pub mod text;
pub mod timeline;

/// A number for SVG attributes and path data, to one decimal place. Written with integer
/// formatting only, which keeps the float-printing machinery out of the WebAssembly.
pub fn svg_number(v: f32) -> String {
    let mut out = String::new();
    push_number(&mut out, v);
    out
}

/// Appends `v` to `out` as [`svg_number`] writes it ("12", "-0.5", "3.4"; "0" for NaN and
/// infinities).
pub fn push_number(out: &mut String, v: f32) {
    let tenths = if v.is_finite() {
        (v * 10.0).round() as i64
    } else {
        0
    };
    if tenths < 0 {
        out.push('-');
    }
    let a = tenths.unsigned_abs();
    push_digits(out, a / 10);
    if a % 10 != 0 {
        out.push('.');
        out.push(char::from(b'0' + (a % 10) as u8));
    }
}

fn push_digits(out: &mut String, n: u64) {
    if n >= 10 {
        push_digits(out, n / 10);
    }
    out.push(char::from(b'0' + (n % 10) as u8));
}

#[cfg(test)]
mod tests {
    use super::svg_number;

    #[test]
    fn svg_numbers_have_one_decimal_place_at_most() {
        let cases = [
            (0.0, "0"),
            (-0.0, "0"),
            (0.04, "0"),
            (-0.04, "0"),
            (0.05, "0.1"),
            (-0.26, "-0.3"),
            (12.0, "12"),
            (12.34, "12.3"),
            (-120.96, "-121"),
            (1234567.0, "1234567"),
            (f32::NAN, "0"),
            (f32::INFINITY, "0"),
        ];
        for (v, want) in cases {
            assert_eq!(svg_number(v), want, "{v}");
        }
    }
}
