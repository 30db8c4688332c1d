//! The still parts of the drawings (backdrop, bones), as one component: Yew redraws a part only
//! when what it depends on has changed, so a frame that moves only the instruments costs little.
//! One component for all of them, not one each: every component type adds its own code to the
//! wasm.

use super::axial::axial_bones;
use super::diagram::{backdrop, level_group, Backdrop, Level};
use yew::prelude::*;

/// A still part of a drawing, with all it depends on.
#[derive(PartialEq)]
pub(crate) enum Part {
    /// The side view's fills, soft tissue, skin and canal.
    SideBackdrop(Backdrop),
    /// One vertebra of the side view in its place.
    SideLevel(Level),
    /// The top view's bones and soft parts for a level, with its ids' prefix.
    TopBones(crate::model::axial::TopLevel, AttrValue),
}

/// Props of [`Still`].
#[derive(Properties, PartialEq)]
pub(crate) struct StillProps {
    part: Part,
}

/// Draws a [`Part`]; skipped while its props are unchanged.
#[function_component(Still)]
fn still_part(p: &StillProps) -> Html {
    match &p.part {
        Part::SideBackdrop(b) => backdrop(b),
        Part::SideLevel(l) => level_group(l),
        Part::TopBones(level, p_id) => axial_bones(level, p_id),
    }
}

/// The [`Still`] component for `part`.
pub(crate) fn still(part: Part) -> Html {
    html! { <Still {part} /> }
}
