//! Small helpers shared by the diagrams and the widget's markup.
//!
//! The drawings are written as element templates ([`el`]) rather than `html!` markup: one
//! function turns `"ellipse|class=cavity|cx=@|cy=@|rx=@|ry=@"` and four numbers into the element.
//! The templates are data, so a drawing of a hundred elements costs a hundred short strings in the
//! WebAssembly instead of a hundred copies of the element-building code. The widget's own markup
//! (the layout, headings, buttons) uses them too, with a listener or a node reference added
//! ([`E::click`], [`E::on`], [`E::node_ref`]).

use crate::model::geometry::Pt;
use crate::model::push_number;
use crate::model::text::{self, char_count};
use std::cell::RefCell;
use std::rc::Rc;
use yew::html::onclick;
use yew::prelude::*;
use yew::virtual_dom::{
    AttributeOrProperty, Attributes, Key, Listener, Listeners, VList, VNode, VTag, VText,
};

/// A number for an SVG attribute, to one decimal place (see [`crate::model::svg_number`]).
pub use crate::model::svg_number as f;

/// A template split into its tag, its attribute names and their values (`true` where the value
/// has `@` or `$` to fill in). Each template is split once and kept for the page's life (there are
/// a few dozen), so that an element of the same template always has the same list of names: Yew
/// then compares its attributes one by one, as it does for `html!`.
struct Template {
    tag: &'static str,
    keys: &'static [&'static str],
    values: Vec<(&'static str, bool)>,
}

thread_local! {
    static TEMPLATES: RefCell<Vec<((usize, usize), &'static Template)>> =
        const { RefCell::new(Vec::new()) };
}

fn template(spec: &'static str) -> &'static Template {
    let id = (spec.as_ptr() as usize, spec.len());
    TEMPLATES.with(|all| {
        if let Some((_, t)) = all.borrow().iter().find(|(k, _)| *k == id) {
            return *t;
        }
        let mut parts = text::pieces(spec, b'|');
        let tag = parts.next().unwrap_or("g");
        let (keys, values): (Vec<&'static str>, Vec<(&'static str, bool)>) = parts
            .map(|part| {
                let (key, value) = text::split_once(part, "=").unwrap_or((part, ""));
                (key, (value, value.bytes().any(|b| b == b'@' || b == b'$')))
            })
            .unzip();
        let t: &'static Template = Box::leak(Box::new(Template {
            tag,
            keys: Box::leak(keys.into_boxed_slice()),
            values,
        }));
        all.borrow_mut().push((id, t));
        t
    })
}

/// An SVG element from a template: the tag, then `|`-separated `name=value` attributes. In a
/// value, each `@` is replaced by the next of `n`, to one decimal place (as [`f`] writes it), and
/// each `$` by the next of `t`. An attribute whose value comes out empty is left out.
pub fn el(spec: &'static str, n: &[f32], t: &[&str]) -> E {
    let tpl = template(spec);
    let (mut n, mut t) = (n.iter(), t.iter());
    let values = tpl
        .values
        .iter()
        .map(|&(value, to_fill)| {
            if !to_fill {
                return Some(AttributeOrProperty::Static(value));
            }
            let mut v = String::new();
            fill(&mut v, value, &mut n, &mut t);
            (!v.is_empty()).then(|| AttributeOrProperty::Attribute(v.into()))
        })
        .collect();
    E {
        tag: tpl.tag,
        attributes: Attributes::Dynamic {
            keys: tpl.keys,
            values,
        },
        listeners: Listeners::None,
        node_ref: NodeRef::default(),
    }
}

/// Writes `template` to `out` with each `@` replaced by the next of `n` (as [`f`] writes it) and
/// each `$` by the next of `t`.
fn fill(
    out: &mut String,
    template: &str,
    n: &mut std::slice::Iter<'_, f32>,
    t: &mut std::slice::Iter<'_, &str>,
) {
    for c in template.chars() {
        match c {
            '@' => push_number(out, n.next().copied().unwrap_or(0.0)),
            '$' => out.push_str(t.next().copied().unwrap_or("")),
            c => out.push(c),
        }
    }
}

/// Path data (or any attribute text) from a template: each `@` is replaced by the next of `n`.
pub fn path(template: &str, n: &[f32]) -> String {
    let mut out = String::new();
    fill(&mut out, template, &mut n.iter(), &mut [].iter());
    out
}

/// An element made by [`el`], to which children, a listener and a node reference can be added.
pub struct E {
    tag: &'static str,
    attributes: Attributes,
    listeners: Listeners,
    node_ref: NodeRef,
}

impl E {
    fn tag(self, children: VNode) -> VTag {
        VTag::__new_other(
            AttrValue::Static(self.tag),
            self.node_ref,
            None,
            self.attributes,
            self.listeners,
            children,
        )
    }

    fn with(self, children: VNode) -> Html {
        self.tag(children).into()
    }

    /// The element with this listener (e.g. `Rc::new(onkeydown::Wrapper::new(callback))`).
    pub fn on(mut self, listener: Rc<dyn Listener>) -> Self {
        self.listeners = Listeners::Pending(Box::new([Some(listener)]));
        self
    }

    /// The element calling `callback` when clicked.
    pub fn click(self, callback: Callback<MouseEvent>) -> Self {
        self.on(Rc::new(onclick::Wrapper::new(callback)))
    }

    /// The element held by `node_ref`.
    pub fn node_ref(mut self, node_ref: NodeRef) -> Self {
        self.node_ref = node_ref;
        self
    }

    /// The element with these children.
    pub fn kids(self, kids: Vec<Html>) -> Html {
        self.with(VList::with_children(kids, None).into())
    }

    /// The element with this text in it.
    pub fn text(self, text: &str) -> Html {
        self.with(VText::new(text.to_string()).into())
    }

    /// The element with these children, under a key (a new key gives new nodes, not old ones
    /// changed).
    pub fn keyed(self, key: impl Into<Key>, kids: Vec<Html>) -> Html {
        let mut tag = self.tag(VList::with_children(kids, None).into());
        tag.key = Some(key.into());
        tag.into()
    }
}

/// A text node.
pub fn text(text: &str) -> Html {
    VText::new(text.to_string()).into()
}

/// `"true"` or `"false"`, for ARIA states (`aria-pressed`, `aria-expanded`).
pub fn yes(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

impl From<E> for Html {
    fn from(e: E) -> Html {
        e.with(VNode::default())
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

/// The pattern of spongy bone (pale bone with fine struts), under the id `id`.
pub fn spongy_pattern(id: &str) -> Html {
    el(
        "pattern|id=$|width=10|height=11|patternUnits=userSpaceOnUse",
        &[],
        &[id],
    )
    .kids(vec![
        leaf("rect|width=10|height=11|fill=#f2e6ca", &[], &[]),
        leaf(
            "path|d=M1.5 0 C2.4 2.8 0.8 5.5 1.7 8 S1.4 10 1.5 11 M6.5 0 C5.6 2.2 7.4 4.6 6.4 7 S6.8 9.6 6.5 11 M1.9 3.4 C3.4 2.6 4.8 3.4 6.2 2.4 M1.6 8.2 C3 7.6 4.6 8.8 6.4 8.2 M6.6 5.2 C7.8 4.4 9 5.6 10 5 M0 5 C0.6 5.2 1.2 5 1.8 5.4|fill=none|stroke=#cfb788|stroke-width=0.8|stroke-linecap=round",
            &[],
            &[],
        ),
    ])
}

/// The gradient of cortical bone (lighter above, darker below), under the id `id`.
pub fn bone_gradient(id: &str) -> Html {
    el("linearGradient|id=$|x1=0|y1=0|x2=0|y2=1", &[], &[id]).kids(vec![
        leaf("stop|offset=0|stop-color=#f4e8cd", &[], &[]),
        leaf("stop|offset=1|stop-color=#e2cfa6", &[], &[]),
    ])
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

/// A label's leader line from (`x`, `y`) to the point it names, and its text element.
fn labelled(x: f32, y: f32, to: Pt, text: Html) -> Html {
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
        text,
    ])
}

/// A label's text element at (`x`, `y`).
fn label_text(x: f32, y: f32, anchor: &'static str) -> E {
    el(
        "text|class=label-text|x=@|y=@|text-anchor=$",
        &[x, y],
        &[anchor],
    )
}

/// A label: text at (`x`, `y`) with a leader line to the point it names. `anchor` is the
/// text's `text-anchor`.
pub fn label(x: f32, y: f32, to: Pt, text: &str, anchor: &'static str) -> Html {
    labelled(x, y, to, label_text(x, y, anchor).text(text))
}

/// A [`label`] whose text, when longer than `longest` characters, is set on two lines (broken at
/// the space nearest its middle; the second line where a one-line label's text would be), so that
/// a long clinical name keeps clear of the parts drawn beside it.
pub fn wrapped_label(
    x: f32,
    y: f32,
    to: Pt,
    text: &str,
    anchor: &'static str,
    longest: usize,
) -> Html {
    let n = char_count(text);
    let split = (n > longest)
        .then(|| {
            text.char_indices()
                .filter(|&(_, c)| c == ' ')
                .min_by_key(|&(i, _)| char_count(&text[..i]).abs_diff(n / 2))
        })
        .flatten();
    let Some((at, _)) = split else {
        return label(x, y, to, text, anchor);
    };
    // The space between the lines stays in the text (its words read apart), at the end of the
    // line where it moves nothing: after the first line's words when they line up on the left,
    // before the second's when on the right.
    let at = if anchor == "end" { at } else { at + 1 };
    let lines = label_text(x, y, anchor).kids(vec![
        el("tspan|x=@|dy=-1.1em", &[x], &[]).text(&text[..at]),
        el("tspan|x=@|dy=1.1em", &[x], &[]).text(&text[at..]),
    ]);
    labelled(x, y, to, lines)
}

/// The colour of bone cement as it hardens: bluish grey while doughy, then a solid pale grey.
pub fn cement_colour(cure: f32) -> String {
    mix([0xb5, 0xd3, 0xdc], [0xe6, 0xe2, 0xd4], cure)
}
