//! Small helpers shared by the diagrams.
//!
//! The drawings are written as element templates ([`el`]) rather than `html!` markup: one
//! function turns `"ellipse|class=cavity|cx=@|cy=@|rx=@|ry=@"` and four numbers into the element.
//! The templates are data, so a drawing of a hundred elements costs a hundred short strings in the
//! WebAssembly instead of a hundred copies of the element-building code.

use crate::model::geometry::Pt;
use crate::model::push_number;
use yew::prelude::*;
use yew::virtual_dom::{VTag, VText};

/// A number for an SVG attribute, to one decimal place (see [`crate::model::svg_number`]).
pub use crate::model::svg_number as f;

/// An SVG element from a template: the tag, then `|`-separated `name=value` attributes. In a
/// value, each `@` is replaced by the next of `n`, to one decimal place (as [`f`] writes it), and
/// each `$` by the next of `t`. An attribute whose value comes out empty is left out.
pub fn el(spec: &'static str, n: &[f32], t: &[&str]) -> E {
    let mut parts = spec.split('|');
    let mut tag = VTag::new(parts.next().unwrap_or("g"));
    let (mut n, mut t) = (n.iter(), t.iter());
    for part in parts {
        let (key, value) = part.split_once('=').unwrap_or((part, ""));
        if !value.contains(['@', '$']) {
            tag.add_attribute(key, value);
            continue;
        }
        let mut v = String::new();
        for c in value.chars() {
            match c {
                '@' => push_number(&mut v, n.next().copied().unwrap_or(0.0)),
                '$' => v.push_str(t.next().copied().unwrap_or("")),
                c => v.push(c),
            }
        }
        if !v.is_empty() {
            tag.add_attribute(key, v);
        }
    }
    E(tag)
}

/// Path data (or any attribute text) from a template: each `@` is replaced by the next of `n`.
pub fn path(template: &str, n: &[f32]) -> String {
    let mut out = String::new();
    let mut n = n.iter();
    for c in template.chars() {
        match c {
            '@' => push_number(&mut out, n.next().copied().unwrap_or(0.0)),
            c => out.push(c),
        }
    }
    out
}

/// An element made by [`el`], to which children can be added.
pub struct E(VTag);

impl E {
    /// The element with these children.
    pub fn kids(mut self, kids: Vec<Html>) -> Html {
        self.0.add_children(kids);
        self.into()
    }

    /// The element with this text in it.
    pub fn text(mut self, text: &str) -> Html {
        self.0.add_child(VText::new(text.to_string()).into());
        self.into()
    }
}

impl From<E> for Html {
    fn from(e: E) -> Html {
        e.0.into()
    }
}

/// The element alone, as [`Html`].
pub fn leaf(spec: &'static str, n: &[f32], t: &[&str]) -> Html {
    el(spec, n, t).into()
}

/// An optional or repeated part of a drawing as one node (nothing when `kids` is empty). It keeps
/// its place among its siblings, so a part that comes or goes does not shift the elements after
/// it: Yew then updates each element in place instead of turning one into another.
pub fn part(kids: Vec<Html>) -> Html {
    kids.into_iter().collect()
}

/// Mixes two colours (`t` = 0 gives `a`, 1 gives `b`) into `#rrggbb`.
pub fn mix(a: [u8; 3], b: [u8; 3], t: f32) -> String {
    let t = t.clamp(0.0, 1.0);
    let mut out = String::from("#");
    for i in 0..3 {
        let c = (a[i] as f32 + (b[i] as f32 - a[i] as f32) * t).round() as u8;
        for d in [c >> 4, c & 15] {
            out.push(char::from(b"0123456789abcdef"[d as usize]));
        }
    }
    out
}

/// A label: text at (`x`, `y`) with a leader line to the point it names. `anchor` is the
/// text's `text-anchor`.
pub fn label(x: f32, y: f32, to: Pt, text: &str, anchor: &'static str) -> Html {
    el("g|class=label", &[], &[]).kids(vec![
        leaf(
            "line|class=leader|x1=@|y1=@|x2=@|y2=@",
            &[x, y - 3.0, to.x, to.y],
            &[],
        ),
        leaf(
            "circle|class=leader-dot|cx=@|cy=@|r=1.3",
            &[to.x, to.y],
            &[],
        ),
        el(
            "text|class=label-text|x=@|y=@|text-anchor=$",
            &[x, y],
            &[anchor],
        )
        .text(text),
    ])
}

/// The colour of bone cement as it hardens: bluish grey while doughy, then a solid pale grey.
pub fn cement_colour(cure: f32) -> String {
    mix([0xb5, 0xd3, 0xdc], [0xe6, 0xe2, 0xd4], cure)
}
