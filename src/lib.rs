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

/// The allocator: talc instead of the default dlmalloc, smaller in the WebAssembly.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
