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
pub mod timeline;

/// A number for SVG attributes and path data, to one decimal place. Written with integer
/// formatting only, which keeps the float-printing machinery out of the WebAssembly.
pub fn svg_number(v: f32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let tenths = (v * 10.0).round() as i64;
    let sign = if tenths < 0 { "-" } else { "" };
    let a = tenths.unsigned_abs();
    if a.is_multiple_of(10) {
        format!("{sign}{}", a / 10)
    } else {
        format!("{sign}{}.{}", a / 10, a % 10)
    }
}
