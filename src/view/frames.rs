//! An animation-frame loop that runs only while asked to.

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A persistent `requestAnimationFrame` callback. [`FrameLoop::request`] asks for one frame;
/// the callback receives the milliseconds since the previous frame of the same run.
/// Dropping the loop cancels any pending frame.
pub struct FrameLoop {
    closure: Closure<dyn FnMut(f64)>,
    pending: Rc<Cell<Option<i32>>>,
    last: Rc<Cell<Option<f64>>>,
}

impl FrameLoop {
    /// A loop that calls `on_frame(elapsed_ms)` once per requested frame.
    pub fn new(on_frame: impl Fn(f32) + 'static) -> Self {
        let pending = Rc::new(Cell::new(None));
        let last: Rc<Cell<Option<f64>>> = Rc::new(Cell::new(None));
        let (p, l) = (pending.clone(), last.clone());
        let closure = Closure::<dyn FnMut(f64)>::new(move |now: f64| {
            p.set(None);
            // The first frame of a run counts as one ordinary frame; long gaps (a hidden tab)
            // count at most 100 ms so nothing leaps.
            let dt = l.get().map_or(16.7, |prev| (now - prev).clamp(0.0, 100.0));
            l.set(Some(now));
            on_frame(dt as f32);
        });
        FrameLoop {
            closure,
            pending,
            last,
        }
    }

    /// Requests one frame unless one is already pending.
    pub fn request(&self) {
        if self.pending.get().is_some() {
            return;
        }
        let Some(window) = web_sys::window() else {
            return;
        };
        if let Ok(id) = window.request_animation_frame(self.closure.as_ref().unchecked_ref()) {
            self.pending.set(Some(id));
        }
    }

    /// Cancels a pending frame and forgets the last timestamp (the next run starts fresh).
    pub fn stop(&self) {
        if let (Some(id), Some(window)) = (self.pending.take(), web_sys::window()) {
            let _ = window.cancel_animation_frame(id);
        }
        self.last.set(None);
    }
}

impl Drop for FrameLoop {
    fn drop(&mut self) {
        self.stop();
    }
}
