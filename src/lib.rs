//! Kyphoplasty explainer: an embeddable, animated step-through of balloon kyphoplasty.
//!
//! Layers, each depending only on the ones before it:
//! [`content`] (the words, as validated data) → [`model`] (timeline, geometry, player; pure) →
//! `view` (Yew components) → `embed` (the custom element's Rust side). Only `view` and `embed`
//! touch the web, and they exist only on `wasm32`.

pub mod config;
pub mod content;
pub mod model;

#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod view;
