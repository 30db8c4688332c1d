//! Drawing on the pictures in consult mode: the toolbar ([`InkToolbar`]) and a layer over each
//! picture ([`InkLayer`]) that turns mouse, touch and stylus input into strokes. The strokes live
//! in [`crate::model::drawing::Drawing`], per step and in memory only.

use super::app::SharedContent;
use super::svg::f;
use crate::model::drawing::{to_user, Colour, Drawing, Ink, InkPath, Tool, View};
use std::cell::{Ref, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// The drawing as Yew state: the model in a shared cell, with a version that changes with every
/// change, so that components compare it cheaply and a pointer move that adds no point does not
/// re-render anything.
#[derive(Clone, Default)]
pub struct InkState {
    drawing: Rc<RefCell<Drawing>>,
    version: u64,
}

impl PartialEq for InkState {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version && Rc::ptr_eq(&self.drawing, &other.drawing)
    }
}

impl Reducible for InkState {
    type Action = Ink;
    fn reduce(self: Rc<Self>, action: Ink) -> Rc<Self> {
        if !cfg!(feature = "consult") {
            return self;
        }
        if self.drawing.borrow_mut().apply(action) {
            Rc::new(InkState {
                drawing: self.drawing.clone(),
                version: self.version.wrapping_add(1),
            })
        } else {
            self
        }
    }
}

impl InkState {
    /// Everything drawn (e.g. for a printed handout: `drawing().svg(step, view, xray)`).
    pub fn drawing(&self) -> Ref<'_, Drawing> {
        self.drawing.borrow()
    }
}

/// Props of [`InkLayer`].
#[derive(Properties, PartialEq, Clone)]
pub struct InkLayerProps {
    /// The drawing.
    pub ink: InkState,
    /// The step shown: only its strokes are drawn.
    pub step: usize,
    /// Which picture this layer covers.
    pub view: View,
    /// Colours for the X-ray style.
    pub xray: bool,
    /// Sends drawing actions.
    pub ondraw: Callback<Ink>,
}

/// Where a pointer event falls in the user units of the layer `node`. (Not the event's
/// `currentTarget`: Yew listens at its root and hands the event on.)
fn user_point(
    e: &PointerEvent,
    node: &NodeRef,
    view: View,
) -> Option<(web_sys::Element, crate::model::geometry::Pt)> {
    let el = node.cast::<web_sys::Element>()?;
    let r = el.get_bounding_client_rect();
    let at = to_user(
        (e.client_x() as f32, e.client_y() as f32),
        (
            r.left() as f32,
            r.top() as f32,
            r.width() as f32,
            r.height() as f32,
        ),
        view.size(),
    )?;
    Some((el, at))
}

/// A layer over one picture, with the same view box: shows the step's strokes and, in drawing
/// mode, takes pointer input (the page does not scroll under a finger then; otherwise the layer
/// lets every touch through).
#[function_component(InkLayer)]
pub fn ink_layer(p: &InkLayerProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let d = p.ink.drawing();
    let (vw, vh) = p.view.size();
    let (step, view, on) = (p.step, p.view, d.on);
    let node = use_node_ref();
    let down = {
        let ondraw = p.ondraw.clone();
        let node = node.clone();
        Callback::from(move |e: PointerEvent| {
            if !on || (e.pointer_type() == "mouse" && e.button() != 0) {
                return;
            }
            if let Some((el, at)) = user_point(&e, &node, view) {
                e.prevent_default();
                let _ = el.set_pointer_capture(e.pointer_id());
                ondraw.emit(Ink::Begin {
                    step,
                    view,
                    pointer: e.pointer_id(),
                    at,
                });
            }
        })
    };
    let moved = {
        let ondraw = p.ondraw.clone();
        let node = node.clone();
        Callback::from(move |e: PointerEvent| {
            if let Some((_, at)) = user_point(&e, &node, view) {
                ondraw.emit(Ink::Extend {
                    pointer: e.pointer_id(),
                    at,
                });
            }
        })
    };
    let up = p.ondraw.reform(|e: PointerEvent| Ink::End {
        pointer: e.pointer_id(),
    });
    let strokes = stroke_views(d.paths(p.step, p.view), p.xray);
    html! {
        <svg class={classes!("kx-ink", on.then_some("is-drawing"), on.then(|| format!("is-{}", d.tool.name())))}
             viewBox={format!("0 0 {} {}", f(vw), f(vh))} preserveAspectRatio="xMidYMid meet"
             aria-hidden="true" focusable="false" ref={node}
             onpointerdown={down} onpointermove={moved} onpointerup={up.clone()}
             onpointercancel={up.clone()} onlostpointercapture={up}>
            { for strokes }
        </svg>
    }
}

/// Props of [`InkToolbar`].
#[derive(Properties, PartialEq, Clone)]
pub struct InkToolbarProps {
    /// The words.
    pub content: SharedContent,
    /// The drawing.
    pub ink: InkState,
    /// The step shown (undo and clear act on it).
    pub step: usize,
    /// Sends drawing actions.
    pub ondraw: Callback<Ink>,
}

/// A 24 x 24 line icon.
fn icon(d: &'static str, width: &'static str) -> Html {
    html! {
        <svg class="kx-svg-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <path {d} fill="none" stroke="currentColor" stroke-width={width} stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}

fn tool_icon(t: Tool) -> Html {
    match t {
        Tool::Pen => icon("M4 18c3-9 7 5 10-3s4-7 6-8", "2"),
        Tool::Highlighter => html! {
            <svg class="kx-svg-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M5 16L19 8" fill="none" stroke="currentColor" stroke-width="7" stroke-linecap="round" stroke-opacity="0.45" />
            </svg>
        },
        Tool::Arrow => icon("M5 19L18 6M10 5.5h8.5V14", "2.2"),
        Tool::Eraser => icon(
            "M9 20h11M4.5 14.5l8.8-8.8a2 2 0 0 1 2.8 0l2.7 2.7a2 2 0 0 1 0 2.8L11 19H9zM9 10l5.5 5.5",
            "1.9",
        ),
    }
}

/// The drawing toolbar: Draw on/off, the tools, the colours, undo and clear.
#[function_component(InkToolbar)]
pub fn ink_toolbar(p: &InkToolbarProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let ui = &p.content.0.ui;
    let d = p.ink.drawing();
    let on = d.on;
    let step = p.step;
    let tool_name = |t: Tool| match t {
        Tool::Pen => &ui.pen,
        Tool::Highlighter => &ui.highlighter,
        Tool::Arrow => &ui.arrow,
        Tool::Eraser => &ui.eraser,
    };
    let colour_name = |c: Colour| match c {
        Colour::Red => &ui.red,
        Colour::Yellow => &ui.yellow,
        Colour::Blue => &ui.blue,
        Colour::Green => &ui.green,
    };
    let tools = Tool::ALL.iter().map(|&t| {
        html! {
            <button type="button" class="kx-tool kx-ink-tool" aria-pressed={(on && d.tool == t).to_string()}
                    title={tool_name(t).clone()}
                    onclick={p.ondraw.reform(move |_: MouseEvent| Ink::Tool(t))}>
                { tool_icon(t) }
                <span class="kx-ink-name">{ tool_name(t) }</span>
            </button>
        }
    });
    let colours = Colour::ALL.iter().map(|&c| {
        let pressed = on && d.colour == c && d.tool != Tool::Eraser;
        html! {
            <button type="button" class="kx-tool kx-swatch" aria-pressed={pressed.to_string()}
                    aria-label={colour_name(c).clone()} title={colour_name(c).clone()}
                    onclick={p.ondraw.reform(move |_: MouseEvent| Ink::Colour(c))}>
                <svg class="kx-svg-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <circle cx="12" cy="12" r="8.5" fill={c.hex(false)} stroke="#1b2830" stroke-width="1.2" />
                </svg>
            </button>
        }
    });
    let can_undo = d.can_undo(step);
    let can_clear = d.has_strokes(step);
    html! {
        <div class={classes!("kx-ink-bar", on.then_some("is-on"))} role="group" aria-label={ui.drawing_tools.clone()}>
            <button type="button" class="kx-tool kx-ink-toggle" aria-pressed={on.to_string()} aria-keyshortcuts="D"
                    onclick={p.ondraw.reform(|_: MouseEvent| Ink::Toggle)}>
                { icon("M4 20l1.2-4.6L15.8 4.8a2 2 0 0 1 2.8 0l.6.6a2 2 0 0 1 0 2.8L8.6 18.8zM13.5 7l3.5 3.5", "1.9") }
                { &ui.draw }
            </button>
            { for tools }
            <span class="kx-ink-colours" role="group" aria-label={ui.ink_colour.clone()}>
                { for colours }
            </span>
            <button type="button" class="kx-tool kx-ink-tool" aria-disabled={(!can_undo).to_string()} title={ui.undo.clone()}
                    onclick={p.ondraw.reform(move |_: MouseEvent| Ink::Undo(step))}>
                { icon("M9 14L4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11", "2") }
                <span class="kx-ink-name">{ &ui.undo }</span>
            </button>
            <button type="button" class="kx-tool kx-ink-tool" aria-disabled={(!can_clear).to_string()} title={ui.clear.clone()}
                    onclick={p.ondraw.reform(move |_: MouseEvent| Ink::Clear(step))}>
                { icon("M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3", "1.9") }
                <span class="kx-ink-name">{ &ui.clear }</span>
            </button>
        </div>
    }
}

/// Strokes as SVG elements in the picture's user units (a contrasting edge under each line but
/// the highlighter's), for the drawing layer and the handout's stills alike.
pub fn stroke_views(paths: Vec<InkPath>, xray: bool) -> Vec<Html> {
    paths
        .into_iter()
        .map(|s| {
            let class = classes!(
                "ink",
                format!("ink-{}", s.tool.name()),
                format!("ink-{}", s.colour.name())
            );
            let edge = (s.tool != Tool::Highlighter).then(|| {
                html! {
                    <path class="ink-edge" d={s.d.clone()} stroke={s.colour.edge(xray)}
                          stroke-width={f(s.width + 1.6)} />
                }
            });
            html! {
                <g {class}>
                    { for edge }
                    <path class="ink-line" d={s.d} stroke={s.colour.hex(xray)}
                          stroke-width={f(s.width)} stroke-opacity={f(s.opacity)} />
                </g>
            }
        })
        .collect()
}
