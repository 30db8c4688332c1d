//! The model: pure Rust, no web APIs. The timeline, the geometry of the diagram and the player's
//! state. It is handed time and never reads a clock.

pub mod axial;
pub mod drawing;
pub mod easing;
pub mod geometry;
pub mod patient;
pub mod player;
pub mod scene;
pub mod timeline;
