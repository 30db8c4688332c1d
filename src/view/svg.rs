//! Small helpers shared by the two diagrams.

use crate::model::geometry::Pt;
use yew::prelude::*;

/// A number for an SVG attribute, to one decimal place (see [`crate::model::svg_number`]).
pub use crate::model::svg_number as f;

/// Mixes two colours (`t` = 0 gives `a`, 1 gives `b`) into `#rrggbb`.
pub fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> String {
    let t = t.clamp(0.0, 1.0);
    let c = |i: usize| (a[i] as f32 + (b[i] as f32 - a[i] as f32) * t).round() as u8;
    format!("#{:02x}{:02x}{:02x}", c(0), c(1), c(2))
}

/// A label: text at (`x`, `y`) with a leader line to the point it names.
pub fn label(x: f32, y: f32, to: Pt, text: &str, anchor: &'static str) -> Html {
    html! {
        <g class="label">
            <line class="leader" x1={f(x)} y1={f(y - 3.0)} x2={f(to.x)} y2={f(to.y)} />
            <circle class="leader-dot" cx={f(to.x)} cy={f(to.y)} r="1.3" />
            <text class="label-text" x={f(x)} y={f(y)} text-anchor={anchor}>{ text.to_string() }</text>
        </g>
    }
}

/// The colour of bone cement as it hardens: bluish grey while doughy, then a solid pale grey.
pub fn cement_colour(cure: f32) -> String {
    mix([0xb5, 0xd3, 0xdc], [0xe6, 0xe2, 0xd4], cure)
}
