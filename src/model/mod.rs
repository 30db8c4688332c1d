//! The model: pure Rust, no web APIs. The timeline, the geometry of the diagram and the player's
//! state. It is handed time and never reads a clock.

pub mod axial;
pub mod compare;
pub mod coronal;
pub mod drawing;
pub mod easing;
pub mod geometry;
pub mod levels;
pub mod overview;
pub mod patient;
pub mod player;
pub mod route;
pub mod scene;
pub mod share;
pub mod timeline;
