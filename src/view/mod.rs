//! The view: Yew components that draw the model. Only this layer and `embed` use Yew or web-sys.

pub mod app;
pub mod axial;
pub mod bridge;
pub mod clock;
pub mod compare;
pub mod controls;
pub mod coronal;
pub mod diagram;
pub mod disclaimer;
pub mod drawing;
pub mod frames;
pub mod handout;
pub mod projection;
pub mod scrubber;
pub mod share_link;
pub mod sizer;
pub mod speech;
pub mod spine_overview;
pub mod step_list;
pub mod still;
pub mod svg;

/// The widget's stylesheet, adopted into each shadow root: `style.css`, minified by build.rs.
pub const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.css"));
