//! The view: Yew components that draw the model. Only this layer and `embed` use Yew or web-sys.

pub mod app;
pub mod axial;
pub mod bridge;
pub mod controls;
pub mod diagram;
pub mod disclaimer;
pub mod frames;
pub mod scrubber;
pub mod speech;
pub mod step_list;
pub mod svg;

/// The widget's stylesheet, adopted into each shadow root: `style.css`, minified by build.rs.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));
