//! Drawing on the diagrams in consult mode: what the physician draws over either view, kept per
//! step and in memory only (never stored, never sent). Pure state with a reducer
//! ([`Drawing::apply`]); the view turns pointer events into [`Ink`] actions and draws
//! [`Drawing::paths`].
//!
//! Points are in the view's SVG user units (see [`crate::model::geometry`] and
//! [`crate::model::axial`]), so strokes stay on the anatomy whatever size the picture is shown at.

use super::geometry::Pt;

/// Points of a freehand stroke closer than this to the last kept point are dropped (user units).
pub const MIN_GAP: f32 = 1.0;
/// When a freehand stroke ends, points that lie within this distance of the straight line
/// between their neighbours are dropped too (user units).
pub const SMOOTHING: f32 = 0.35;
/// How far from its centre line the eraser reaches (user units), on top of the stroke's width.
pub const ERASER_RADIUS: f32 = 4.0;
/// An arrow shorter than this is not kept (a click with the arrow tool).
pub const MIN_ARROW: f32 = 4.0;

/// A drawing tool.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    /// A thin line.
    Pen,
    /// A wide translucent line.
    Highlighter,
    /// A straight line with an arrowhead, from where the pointer went down to where it went up.
    Arrow,
    /// Removes the strokes it touches.
    Eraser,
}

impl Tool {
    /// Every tool, in toolbar order.
    pub const ALL: [Tool; 4] = [Tool::Pen, Tool::Highlighter, Tool::Arrow, Tool::Eraser];

    /// Line width in user units.
    pub fn width(self) -> f32 {
        match self {
            Tool::Pen => 2.2,
            Tool::Highlighter => 11.0,
            Tool::Arrow => 2.6,
            Tool::Eraser => ERASER_RADIUS * 2.0,
        }
    }

    /// Opacity of the line.
    pub fn opacity(self) -> f32 {
        match self {
            Tool::Highlighter => 0.42,
            _ => 1.0,
        }
    }

    /// A short name, for CSS classes: `pen`, `highlighter`, `arrow`, `eraser`.
    pub fn name(self) -> &'static str {
        match self {
            Tool::Pen => "pen",
            Tool::Highlighter => "highlighter",
            Tool::Arrow => "arrow",
            Tool::Eraser => "eraser",
        }
    }
}

/// A drawing colour. Each is saturated and drawn over a thin contrasting edge, so it reads on the
/// pale illustration and on the dark X-ray style alike.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Colour {
    /// Red.
    Red,
    /// Yellow.
    Yellow,
    /// Blue.
    Blue,
    /// Green.
    Green,
}

impl Colour {
    /// Every colour, in toolbar order.
    pub const ALL: [Colour; 4] = [Colour::Red, Colour::Yellow, Colour::Blue, Colour::Green];

    /// A short name, for CSS classes: `red`, `yellow`, `blue`, `green`.
    pub fn name(self) -> &'static str {
        match self {
            Colour::Red => "red",
            Colour::Yellow => "yellow",
            Colour::Blue => "blue",
            Colour::Green => "green",
        }
    }

    /// The colour as `#rrggbb`: on the illustration, or (`xray`) on the X-ray style, where blue
    /// and green are lighter so that they stand out from the dark soft tissue.
    pub fn hex(self, xray: bool) -> &'static str {
        match (self, xray) {
            (Colour::Red, false) => "#d81b3c",
            (Colour::Red, true) => "#ff3d5a",
            (Colour::Yellow, _) => "#ffc400",
            (Colour::Blue, false) => "#1f5fd6",
            (Colour::Blue, true) => "#4fa3ff",
            (Colour::Green, false) => "#0f8a3c",
            (Colour::Green, true) => "#3ddc6e",
        }
    }

    /// The colour of the thin edge under a line of this colour: dark under yellow, white under
    /// the others on the illustration; dark under every colour on the X-ray style.
    pub fn edge(self, xray: bool) -> &'static str {
        if xray || self == Colour::Yellow {
            "#111111"
        } else {
            "#ffffff"
        }
    }
}

/// Which picture a stroke is drawn on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum View {
    /// The side view (`0 0 272 240`).
    Side,
    /// The view from above (`0 0 240 230`).
    Top,
    /// The AP (front-to-back) X-ray projection, in place of the side view (`0 0 240 240`).
    Ap,
}

impl View {
    /// Width and height of the view's view box.
    pub fn size(self) -> (f32, f32) {
        match self {
            View::Side => super::geometry::VIEW,
            View::Top => super::axial::VIEW,
            View::Ap => super::coronal::VIEW,
        }
    }
}

/// One finished (or growing) stroke.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    /// Pen, highlighter or arrow (never the eraser).
    pub tool: Tool,
    /// Its colour.
    pub colour: Colour,
    /// The picture it is on.
    pub view: View,
    /// Its points in the view's user units; for an arrow, its tail and its tip.
    pub points: Vec<Pt>,
}

use super::svg_number as num;

fn point(p: Pt) -> String {
    format!("{} {}", num(p.x), num(p.y))
}

/// Distance from `p` to the segment `a`-`b`.
fn to_segment(p: Pt, a: Pt, b: Pt) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= f32::EPSILON {
        return p.dist(a);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    p.dist(Pt::new(a.x + dx * t, a.y + dy * t))
}

/// Whether the segments `a`-`b` and `c`-`d` cross.
fn cross(a: Pt, b: Pt, c: Pt, d: Pt) -> bool {
    let side = |p: Pt, q: Pt, r: Pt| (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    let (d1, d2) = (side(c, d, a), side(c, d, b));
    let (d3, d4) = (side(a, b, c), side(a, b, d));
    d1 * d2 < 0.0 && d3 * d4 < 0.0
}

/// Shortest distance between the segments `a`-`b` and `c`-`d`.
fn segments(a: Pt, b: Pt, c: Pt, d: Pt) -> f32 {
    if cross(a, b, c, d) {
        return 0.0;
    }
    to_segment(a, c, d)
        .min(to_segment(b, c, d))
        .min(to_segment(c, a, b))
        .min(to_segment(d, a, b))
}

/// Drops the points that lie within `tolerance` of the line between their kept neighbours
/// (Ramer-Douglas-Peucker); the first and last points stay.
pub fn simplify(points: &[Pt], tolerance: f32) -> Vec<Pt> {
    if points.len() < 3 {
        return points.to_vec();
    }
    let mut keep = vec![false; points.len()];
    keep[0] = true;
    keep[points.len() - 1] = true;
    let mut spans = vec![(0, points.len() - 1)];
    while let Some((first, last)) = spans.pop() {
        let mut far = (0.0, 0);
        for (i, p) in points.iter().enumerate().take(last).skip(first + 1) {
            let d = to_segment(*p, points[first], points[last]);
            if d > far.0 {
                far = (d, i);
            }
        }
        if far.0 > tolerance {
            keep[far.1] = true;
            spans.push((first, far.1));
            spans.push((far.1, last));
        }
    }
    points
        .iter()
        .zip(keep)
        .filter_map(|(p, k)| k.then_some(*p))
        .collect()
}

impl Stroke {
    /// The stroke as SVG path data in its view's user units: a polyline for the pen and the
    /// highlighter (a single point is a dot with round caps), the shaft and an open arrowhead
    /// for an arrow.
    pub fn path_data(&self) -> String {
        let Some(&first) = self.points.first() else {
            return String::new();
        };
        if self.tool == Tool::Arrow {
            let tip = self.points.last().copied().unwrap_or(first);
            let len = first.dist(tip).max(1e-3);
            let (ux, uy) = ((tip.x - first.x) / len, (tip.y - first.y) / len);
            let head = (len * 0.45).min(9.0);
            // Two barbs, 28 degrees either side of the shaft.
            let (c, s) = (0.883, 0.469);
            let barb = |sign: f32| {
                let (bx, by) = (ux * c - uy * s * sign, uy * c + ux * s * sign);
                Pt::new(tip.x - bx * head, tip.y - by * head)
            };
            return format!(
                "M{}L{}M{}L{}L{}",
                point(first),
                point(tip),
                point(barb(1.0)),
                point(tip),
                point(barb(-1.0))
            );
        }
        let mut d = format!("M{}", point(first));
        if self.points.len() == 1 {
            d.push_str("l0 0");
        }
        for p in &self.points[1..] {
            d.push('L');
            d.push_str(&point(*p));
        }
        d
    }

    /// Whether the eraser, moved from `a` to `b`, touches this stroke.
    pub fn touched_by(&self, a: Pt, b: Pt) -> bool {
        let reach = ERASER_RADIUS + self.tool.width() / 2.0;
        match self.points.as_slice() {
            [] => false,
            [p] => segments(a, b, *p, *p) <= reach,
            ps => ps.windows(2).any(|w| segments(a, b, w[0], w[1]) <= reach),
        }
    }
}

/// One stroke ready to draw or print: path data and how to paint it.
#[derive(Clone, Debug, PartialEq)]
pub struct InkPath {
    /// SVG path data in the view's user units.
    pub d: String,
    /// The tool that drew it.
    pub tool: Tool,
    /// Its colour.
    pub colour: Colour,
    /// Line width in user units.
    pub width: f32,
    /// Opacity.
    pub opacity: f32,
}

impl InkPath {
    /// The stroke as standalone SVG markup (a thin contrasting edge, then the colour; the
    /// highlighter has no edge), e.g. for a printed handout: `xray` picks the colours for the
    /// X-ray style.
    pub fn svg(&self, xray: bool) -> String {
        let line = |colour: &str, width: f32, opacity: f32| {
            format!(
                r#"<path d="{}" fill="none" stroke="{colour}" stroke-width="{}" stroke-opacity="{}" stroke-linecap="round" stroke-linejoin="round"/>"#,
                self.d,
                num(width),
                num(opacity),
            )
        };
        let colour = line(self.colour.hex(xray), self.width, self.opacity);
        if self.tool == Tool::Highlighter {
            colour
        } else {
            line(self.colour.edge(xray), self.width + 1.6, 0.9) + &colour
        }
    }
}

/// What can be undone on a step.
#[derive(Clone, Debug, PartialEq)]
enum Op {
    /// The last stroke was added.
    Added,
    /// Strokes were erased: each with the index it had when it was removed, in removal order.
    Erased(Vec<(usize, Stroke)>),
    /// Everything was cleared.
    Cleared(Vec<Stroke>),
}

/// The strokes of one step and their history.
#[derive(Clone, Debug, Default, PartialEq)]
struct Page {
    strokes: Vec<Stroke>,
    history: Vec<Op>,
}

/// A press-drag-release in progress.
#[derive(Clone, Debug, PartialEq)]
struct Gesture {
    step: usize,
    pointer: i32,
    stroke: Stroke,
    /// The latest point, also when it was too close to the last kept one.
    last: Pt,
    /// The eraser: what it has removed so far.
    erased: Vec<(usize, Stroke)>,
}

/// An action on the drawing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Ink {
    /// Drawing mode on or off.
    Toggle,
    /// Leave drawing mode (Escape).
    Stop,
    /// Pick a tool.
    Tool(Tool),
    /// Pick a colour.
    Colour(Colour),
    /// A pointer went down on a picture, at a point in its user units.
    Begin {
        /// The step shown.
        step: usize,
        /// The picture.
        view: View,
        /// The pointer's id (only that pointer continues the gesture).
        pointer: i32,
        /// Where.
        at: Pt,
    },
    /// The pointer moved.
    Extend {
        /// The pointer's id.
        pointer: i32,
        /// Where it is now.
        at: Pt,
    },
    /// The pointer went up or was cancelled.
    End {
        /// The pointer's id.
        pointer: i32,
    },
    /// Undo the last change on a step.
    Undo(usize),
    /// Remove everything drawn on a step.
    Clear(usize),
}

/// Everything drawn, per step, and the toolbar's state.
#[derive(Clone, Debug, PartialEq)]
pub struct Drawing {
    /// Drawing mode: pointer input on the pictures draws instead of passing through.
    pub on: bool,
    /// The tool in hand.
    pub tool: Tool,
    /// The colour in hand.
    pub colour: Colour,
    /// Indexed by step.
    pages: Vec<Page>,
    active: Option<Gesture>,
}

impl Default for Drawing {
    fn default() -> Self {
        Drawing {
            on: false,
            tool: Tool::Pen,
            colour: Colour::Red,
            pages: Vec::new(),
            active: None,
        }
    }
}

impl Drawing {
    /// Applies an action; returns whether anything changed (that the pictures or the toolbar
    /// show).
    pub fn apply(&mut self, action: Ink) -> bool {
        match action {
            Ink::Toggle => {
                self.finish();
                self.on = !self.on;
                true
            }
            Ink::Stop => {
                self.finish();
                std::mem::replace(&mut self.on, false)
            }
            Ink::Tool(t) => {
                self.finish();
                self.on = true;
                self.tool = t;
                true
            }
            Ink::Colour(c) => {
                self.finish();
                self.on = true;
                self.colour = c;
                if self.tool == Tool::Eraser {
                    self.tool = Tool::Pen;
                }
                true
            }
            Ink::Begin {
                step,
                view,
                pointer,
                at,
            } => {
                if !self.on {
                    return false;
                }
                match &self.active {
                    // Another finger while one draws: ignored.
                    Some(g) if g.pointer != pointer => return false,
                    // The same pointer down again (its release was lost): a new stroke.
                    Some(_) => {
                        self.finish();
                    }
                    None => {}
                }
                let stroke = Stroke {
                    tool: self.tool,
                    colour: self.colour,
                    view,
                    points: vec![at],
                };
                self.active = Some(Gesture {
                    step,
                    pointer,
                    stroke,
                    last: at,
                    erased: Vec::new(),
                });
                if self.tool == Tool::Eraser {
                    self.erase(at);
                }
                true
            }
            Ink::Extend { pointer, at } => {
                let tool = match self.active.as_ref() {
                    Some(g) if g.pointer == pointer => g.stroke.tool,
                    _ => return false,
                };
                if tool == Tool::Eraser {
                    return self.erase(at);
                }
                let Some(g) = self.active.as_mut() else {
                    return false;
                };
                match tool {
                    Tool::Eraser => false,
                    Tool::Arrow => {
                        g.last = at;
                        g.stroke.points.truncate(1);
                        g.stroke.points.push(at);
                        true
                    }
                    Tool::Pen | Tool::Highlighter => {
                        g.last = at;
                        let far = g.stroke.points.last().is_none_or(|p| p.dist(at) >= MIN_GAP);
                        if far {
                            g.stroke.points.push(at);
                        }
                        far
                    }
                }
            }
            Ink::End { pointer } => {
                if self.active.as_ref().is_some_and(|g| g.pointer == pointer) {
                    self.finish()
                } else {
                    false
                }
            }
            Ink::Undo(step) => {
                self.finish();
                self.undo(step)
            }
            Ink::Clear(step) => {
                self.finish();
                let Some(page) = self.pages.get_mut(step) else {
                    return false;
                };
                if page.strokes.is_empty() {
                    return false;
                }
                let all = std::mem::take(&mut page.strokes);
                page.history.push(Op::Cleared(all));
                true
            }
        }
    }

    /// Removes the strokes the eraser touches on its way from its last point to `to`.
    fn erase(&mut self, to: Pt) -> bool {
        let Some(g) = self.active.as_mut() else {
            return false;
        };
        let from = std::mem::replace(&mut g.last, to);
        let Some(page) = self.pages.get_mut(g.step) else {
            return false;
        };
        let mut changed = false;
        let mut i = 0;
        while i < page.strokes.len() {
            let s = &page.strokes[i];
            if s.view == g.stroke.view && s.touched_by(from, to) {
                g.erased.push((i, page.strokes.remove(i)));
                changed = true;
            } else {
                i += 1;
            }
        }
        changed
    }

    /// Ends the gesture in progress: keeps its stroke, or records what the eraser removed.
    fn finish(&mut self) -> bool {
        let Some(mut g) = self.active.take() else {
            return false;
        };
        if self.pages.len() <= g.step {
            self.pages.resize_with(g.step + 1, Page::default);
        }
        let page = &mut self.pages[g.step];
        match g.stroke.tool {
            Tool::Eraser => {
                if !g.erased.is_empty() {
                    page.history.push(Op::Erased(g.erased));
                }
            }
            Tool::Arrow => {
                let pts = &g.stroke.points;
                if pts.len() == 2 && pts[0].dist(pts[1]) >= MIN_ARROW {
                    page.strokes.push(g.stroke);
                    page.history.push(Op::Added);
                }
            }
            Tool::Pen | Tool::Highlighter => {
                if g.stroke.points.last().is_some_and(|p| *p != g.last) {
                    g.stroke.points.push(g.last);
                }
                g.stroke.points = simplify(&g.stroke.points, SMOOTHING);
                page.strokes.push(g.stroke);
                page.history.push(Op::Added);
            }
        }
        true
    }

    fn undo(&mut self, step: usize) -> bool {
        let Some(page) = self.pages.get_mut(step) else {
            return false;
        };
        match page.history.pop() {
            None => false,
            Some(Op::Added) => page.strokes.pop().is_some(),
            Some(Op::Erased(removed)) => {
                for (i, s) in removed.into_iter().rev() {
                    page.strokes.insert(i.min(page.strokes.len()), s);
                }
                true
            }
            Some(Op::Cleared(all)) => {
                page.strokes = all;
                true
            }
        }
    }

    /// The strokes kept on a step's picture, oldest first (not the one being drawn).
    pub fn strokes(&self, step: usize, view: View) -> impl Iterator<Item = &Stroke> {
        self.pages
            .get(step)
            .into_iter()
            .flat_map(|p| p.strokes.iter())
            .filter(move |s| s.view == view)
    }

    /// The stroke being drawn on this step's picture, if any (not for the eraser).
    pub fn drawing_now(&self, step: usize, view: View) -> Option<&Stroke> {
        self.active
            .as_ref()
            .filter(|g| g.step == step && g.stroke.view == view && g.stroke.tool != Tool::Eraser)
            .map(|g| &g.stroke)
    }

    /// Whether a gesture is in progress.
    pub fn is_busy(&self) -> bool {
        self.active.is_some()
    }

    /// Whether a step has anything to undo.
    pub fn can_undo(&self, step: usize) -> bool {
        self.pages.get(step).is_some_and(|p| !p.history.is_empty())
    }

    /// Whether anything is drawn on a step (either picture).
    pub fn has_strokes(&self, step: usize) -> bool {
        self.pages.get(step).is_some_and(|p| !p.strokes.is_empty())
    }

    /// The steps with something drawn on them, in order (e.g. for a printed handout).
    pub fn steps_with_strokes(&self) -> Vec<usize> {
        self.pages
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.strokes.is_empty())
            .map(|(s, _)| s)
            .collect()
    }

    /// A step's picture's strokes as paths to draw or print, oldest first, with the stroke
    /// being drawn last.
    pub fn paths(&self, step: usize, view: View) -> Vec<InkPath> {
        self.strokes(step, view)
            .chain(self.drawing_now(step, view))
            .map(|s| InkPath {
                d: s.path_data(),
                tool: s.tool,
                colour: s.colour,
                width: s.tool.width(),
                opacity: s.tool.opacity(),
            })
            .collect()
    }

    /// A step's picture's strokes as SVG markup to lay over the picture (same view box), e.g.
    /// for a printed handout; empty when nothing is drawn.
    pub fn svg(&self, step: usize, view: View, xray: bool) -> String {
        self.paths(step, view).iter().map(|p| p.svg(xray)).collect()
    }
}

/// Where a point on screen falls in a picture's user units. `rect` is the picture's box on
/// screen (left, top, width, height, as from `getBoundingClientRect`); the picture is drawn with
/// `preserveAspectRatio="xMidYMid meet"` into a view box of `view` (width, height). Points in the
/// letterbox margins map outside the view box. `None` when the box has no size.
pub fn to_user(client: (f32, f32), rect: (f32, f32, f32, f32), view: (f32, f32)) -> Option<Pt> {
    let (left, top, w, h) = rect;
    let (vw, vh) = view;
    if w <= 0.0 || h <= 0.0 || vw <= 0.0 || vh <= 0.0 {
        return None;
    }
    let scale = (w / vw).min(h / vh);
    let (ox, oy) = ((w - vw * scale) / 2.0, (h - vh * scale) / 2.0);
    Some(Pt::new(
        (client.0 - left - ox) / scale,
        (client.1 - top - oy) / scale,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn begin(step: usize, view: View, x: f32, y: f32) -> Ink {
        Ink::Begin {
            step,
            view,
            pointer: 1,
            at: Pt::new(x, y),
        }
    }

    fn to(x: f32, y: f32) -> Ink {
        Ink::Extend {
            pointer: 1,
            at: Pt::new(x, y),
        }
    }

    const END: Ink = Ink::End { pointer: 1 };

    /// A horizontal pen line on `step`'s side view at height `y`, from x 20 to 80.
    fn line(d: &mut Drawing, step: usize, y: f32) {
        d.apply(begin(step, View::Side, 20.0, y));
        for i in 1..=60 {
            d.apply(to(20.0 + i as f32, y));
        }
        d.apply(END);
    }

    fn on() -> Drawing {
        let mut d = Drawing::default();
        d.apply(Ink::Toggle);
        d
    }

    #[test]
    fn nothing_is_drawn_unless_drawing_mode_is_on() {
        let mut d = Drawing::default();
        assert!(!d.apply(begin(2, View::Side, 10.0, 10.0)));
        d.apply(to(50.0, 50.0));
        d.apply(END);
        assert!(!d.has_strokes(2));
        d.apply(Ink::Toggle);
        assert!(d.on);
        line(&mut d, 2, 40.0);
        assert!(d.has_strokes(2));
        assert!(d.apply(Ink::Stop));
        assert!(!d.on);
        assert!(!d.apply(Ink::Stop), "Stop when already off changes nothing");
    }

    #[test]
    fn strokes_belong_to_their_step_and_view() {
        let mut d = on();
        line(&mut d, 2, 40.0);
        d.apply(begin(2, View::Top, 5.0, 5.0));
        d.apply(to(30.0, 5.0));
        d.apply(END);
        for _ in 0..2 {
            d.apply(begin(2, View::Ap, 50.0, 50.0));
            d.apply(to(90.0, 60.0));
            d.apply(END);
        }
        line(&mut d, 4, 60.0);
        assert_eq!(d.strokes(2, View::Side).count(), 1);
        assert_eq!(d.strokes(2, View::Top).count(), 1);
        assert_eq!(d.strokes(2, View::Ap).count(), 2);
        assert_eq!(d.strokes(4, View::Side).count(), 1);
        assert_eq!(d.strokes(3, View::Side).count(), 0);
        assert_eq!(d.steps_with_strokes(), vec![2, 4]);
        // Going elsewhere and back changes nothing: the strokes are still there.
        assert_eq!(
            d.strokes(2, View::Side).next().map(|s| s.points[0]),
            Some(Pt::new(20.0, 40.0))
        );
    }

    #[test]
    fn close_points_are_dropped_and_straight_runs_collapse() {
        let mut d = on();
        d.apply(begin(0, View::Side, 0.0, 0.0));
        // 400 moves a quarter unit apart along a straight line.
        for i in 1..=400 {
            d.apply(to(i as f32 * 0.25, 0.0));
        }
        // While drawing: only points at least MIN_GAP apart.
        let live = d.drawing_now(0, View::Side).map_or(0, |s| s.points.len());
        assert_eq!(live, 101);
        d.apply(END);
        let s = d.strokes(0, View::Side).next().cloned();
        assert_eq!(
            s.map(|s| s.points),
            Some(vec![Pt::new(0.0, 0.0), Pt::new(100.0, 0.0)])
        );
    }

    #[test]
    fn a_curve_keeps_its_shape_within_the_tolerance() {
        let circle: Vec<Pt> = (0..=720)
            .map(|i| {
                let a = i as f32 * std::f32::consts::PI / 360.0;
                let (s, c) = crate::model::math::sin_cos(a);
                Pt::new(100.0 + 40.0 * c, 100.0 + 40.0 * s)
            })
            .collect();
        let small = simplify(&circle, SMOOTHING);
        assert!(small.len() < 60, "{} points", small.len());
        assert!(small.len() > 12);
        for p in &circle {
            let d = small
                .windows(2)
                .map(|w| to_segment(*p, w[0], w[1]))
                .fold(f32::MAX, f32::min);
            assert!(d <= SMOOTHING + 1e-3, "{p:?} is {d} away");
        }
    }

    #[test]
    fn the_last_point_is_kept_even_when_close() {
        let mut d = on();
        d.apply(begin(0, View::Side, 0.0, 0.0));
        d.apply(to(10.0, 0.0));
        d.apply(to(10.0, 0.6));
        d.apply(END);
        let pts = d.strokes(0, View::Side).next().map(|s| s.points.clone());
        assert_eq!(
            pts.and_then(|p| p.last().copied()),
            Some(Pt::new(10.0, 0.6))
        );
    }

    #[test]
    fn a_tap_with_the_pen_is_a_dot() {
        let mut d = on();
        d.apply(begin(0, View::Side, 12.0, 8.5));
        d.apply(END);
        let paths = d.paths(0, View::Side);
        assert_eq!(paths.len(), 1);
        assert_eq!(paths[0].d, "M12 8.5l0 0");
    }

    #[test]
    fn undo_is_per_step_and_takes_back_the_last_change() {
        let mut d = on();
        line(&mut d, 2, 40.0);
        line(&mut d, 2, 80.0);
        line(&mut d, 5, 40.0);
        assert!(d.apply(Ink::Undo(2)));
        assert_eq!(d.strokes(2, View::Side).count(), 1);
        assert_eq!(d.strokes(5, View::Side).count(), 1, "step 5 untouched");
        assert!(d.apply(Ink::Undo(2)));
        assert!(!d.can_undo(2));
        assert!(!d.apply(Ink::Undo(2)));
        assert!(d.can_undo(5));
    }

    #[test]
    fn clear_removes_a_steps_strokes_and_undo_brings_them_back() {
        let mut d = on();
        line(&mut d, 2, 40.0);
        line(&mut d, 2, 80.0);
        line(&mut d, 3, 80.0);
        assert!(d.apply(Ink::Clear(2)));
        assert!(!d.has_strokes(2));
        assert!(d.has_strokes(3));
        assert!(!d.apply(Ink::Clear(2)), "nothing left to clear");
        assert!(d.apply(Ink::Undo(2)));
        assert_eq!(d.strokes(2, View::Side).count(), 2);
    }

    #[test]
    fn the_eraser_removes_only_the_strokes_it_touches() {
        let mut d = on();
        line(&mut d, 1, 40.0);
        line(&mut d, 1, 80.0);
        line(&mut d, 1, 120.0);
        d.apply(Ink::Tool(Tool::Eraser));
        // A vertical swipe across the middle line only, fast (one big move).
        d.apply(begin(1, View::Side, 50.0, 70.0));
        d.apply(to(50.0, 90.0));
        d.apply(END);
        let left: Vec<f32> = d.strokes(1, View::Side).map(|s| s.points[0].y).collect();
        assert_eq!(left, vec![40.0, 120.0]);
        // Missing everything erases nothing and leaves nothing to undo for that gesture.
        d.apply(begin(1, View::Side, 200.0, 200.0));
        d.apply(to(210.0, 210.0));
        d.apply(END);
        assert_eq!(d.strokes(1, View::Side).count(), 2);
        // Undo puts the erased stroke back where it was.
        assert!(d.apply(Ink::Undo(1)));
        let back: Vec<f32> = d.strokes(1, View::Side).map(|s| s.points[0].y).collect();
        assert_eq!(back, vec![40.0, 80.0, 120.0]);
    }

    #[test]
    fn one_eraser_swipe_over_several_strokes_is_one_undo() {
        let mut d = on();
        line(&mut d, 1, 40.0);
        line(&mut d, 1, 80.0);
        line(&mut d, 1, 120.0);
        d.apply(Ink::Tool(Tool::Eraser));
        d.apply(begin(1, View::Side, 30.0, 30.0));
        d.apply(to(30.0, 130.0));
        d.apply(END);
        assert!(!d.has_strokes(1));
        d.apply(Ink::Undo(1));
        let back: Vec<f32> = d.strokes(1, View::Side).map(|s| s.points[0].y).collect();
        assert_eq!(back, vec![40.0, 80.0, 120.0]);
    }

    #[test]
    fn the_eraser_reaches_the_edge_of_a_wide_highlighter_but_not_beyond() {
        let mut d = on();
        d.apply(Ink::Tool(Tool::Highlighter));
        line(&mut d, 0, 50.0);
        d.apply(Ink::Tool(Tool::Eraser));
        let reach = ERASER_RADIUS + Tool::Highlighter.width() / 2.0;
        d.apply(begin(0, View::Side, 50.0, 50.0 + reach + 0.5));
        d.apply(END);
        assert!(d.has_strokes(0));
        d.apply(begin(0, View::Side, 50.0, 50.0 + reach - 0.5));
        d.apply(END);
        assert!(!d.has_strokes(0));
    }

    #[test]
    fn the_eraser_works_on_its_own_picture_only() {
        let mut d = on();
        line(&mut d, 0, 50.0);
        d.apply(Ink::Tool(Tool::Eraser));
        d.apply(begin(0, View::Top, 50.0, 50.0));
        d.apply(END);
        assert!(d.has_strokes(0));
    }

    #[test]
    fn an_arrow_goes_from_press_to_release_with_a_head() {
        let mut d = on();
        d.apply(Ink::Tool(Tool::Arrow));
        d.apply(begin(0, View::Side, 10.0, 10.0));
        d.apply(to(30.0, 40.0));
        d.apply(to(60.0, 10.0));
        d.apply(END);
        let s = d.strokes(0, View::Side).next().cloned();
        assert_eq!(
            s.as_ref().map(|s| s.points.clone()),
            Some(vec![Pt::new(10.0, 10.0), Pt::new(60.0, 10.0)])
        );
        // The head's barbs sit behind the tip, one above and one below the shaft.
        let d = s.map(|s| s.path_data()).unwrap_or_default();
        assert_eq!(d, "M10 10L60 10M52.1 5.8L60 10L52.1 14.2");
    }

    #[test]
    fn a_click_with_the_arrow_draws_nothing() {
        let mut d = on();
        d.apply(Ink::Tool(Tool::Arrow));
        d.apply(begin(0, View::Side, 10.0, 10.0));
        d.apply(to(11.0, 11.0));
        d.apply(END);
        assert!(!d.has_strokes(0));
        assert!(!d.can_undo(0));
    }

    #[test]
    fn only_the_pointer_that_started_continues_the_stroke() {
        let mut d = on();
        d.apply(begin(0, View::Side, 0.0, 0.0));
        // A second finger.
        assert!(!d.apply(Ink::Begin {
            step: 0,
            view: View::Side,
            pointer: 2,
            at: Pt::new(90.0, 90.0)
        }));
        assert!(!d.apply(Ink::Extend {
            pointer: 2,
            at: Pt::new(95.0, 95.0)
        }));
        assert!(!d.apply(Ink::End { pointer: 2 }));
        d.apply(to(20.0, 0.0));
        d.apply(END);
        let s = d.strokes(0, View::Side).next().cloned();
        assert_eq!(
            s.map(|s| s.points),
            Some(vec![Pt::new(0.0, 0.0), Pt::new(20.0, 0.0)])
        );
    }

    #[test]
    fn a_lost_release_does_not_block_the_next_stroke() {
        let mut d = on();
        d.apply(begin(0, View::Side, 0.0, 0.0));
        d.apply(to(20.0, 0.0));
        // No End: the same pointer goes down again.
        assert!(d.apply(begin(0, View::Side, 0.0, 50.0)));
        d.apply(to(20.0, 50.0));
        d.apply(END);
        assert_eq!(d.strokes(0, View::Side).count(), 2);
    }

    #[test]
    fn the_stroke_in_progress_shows_on_its_step_only_and_is_kept_when_drawing_stops() {
        let mut d = on();
        d.apply(begin(3, View::Side, 0.0, 0.0));
        d.apply(to(20.0, 0.0));
        assert!(d.drawing_now(3, View::Side).is_some());
        assert!(d.drawing_now(4, View::Side).is_none());
        assert!(d.drawing_now(3, View::Top).is_none());
        assert_eq!(d.paths(3, View::Side).len(), 1);
        d.apply(Ink::Stop);
        assert!(!d.is_busy());
        assert!(d.has_strokes(3));
    }

    #[test]
    fn picking_a_colour_or_tool_turns_drawing_on_and_a_colour_puts_the_eraser_down() {
        let mut d = Drawing::default();
        d.apply(Ink::Tool(Tool::Eraser));
        assert!(d.on);
        assert_eq!(d.tool, Tool::Eraser);
        d.apply(Ink::Colour(Colour::Blue));
        assert_eq!((d.tool, d.colour), (Tool::Pen, Colour::Blue));
        d.apply(Ink::Tool(Tool::Highlighter));
        d.apply(Ink::Colour(Colour::Yellow));
        assert_eq!(d.tool, Tool::Highlighter);
    }

    #[test]
    fn strokes_export_as_svg_for_a_handout() {
        let mut d = on();
        d.apply(Ink::Colour(Colour::Blue));
        d.apply(begin(2, View::Side, 10.0, 20.0));
        d.apply(to(30.0, 20.0));
        d.apply(END);
        d.apply(Ink::Tool(Tool::Highlighter));
        d.apply(begin(2, View::Side, 10.0, 60.0));
        d.apply(to(30.0, 60.0));
        d.apply(END);
        let svg = d.svg(2, View::Side, false);
        assert_eq!(
            svg,
            concat!(
                r##"<path d="M10 20L30 20" fill="none" stroke="#ffffff" stroke-width="3.8" stroke-opacity="0.9" stroke-linecap="round" stroke-linejoin="round"/>"##,
                r##"<path d="M10 20L30 20" fill="none" stroke="#1f5fd6" stroke-width="2.2" stroke-opacity="1" stroke-linecap="round" stroke-linejoin="round"/>"##,
                r##"<path d="M10 60L30 60" fill="none" stroke="#1f5fd6" stroke-width="11" stroke-opacity="0.4" stroke-linecap="round" stroke-linejoin="round"/>"##,
            )
        );
        assert!(d.svg(2, View::Side, true).contains("#4fa3ff"));
        assert_eq!(d.svg(3, View::Side, false), "");
    }

    #[test]
    fn screen_points_map_into_the_view_box_with_letterboxing() {
        // 544 x 480 box for a 272 x 240 view: scale 2, no margins.
        let p = to_user((110.0, 70.0), (10.0, 20.0, 544.0, 480.0), (272.0, 240.0));
        assert_eq!(p, Some(Pt::new(50.0, 25.0)));
        // A box twice as wide as needed: the picture is centred, with 272 px margins each side.
        let p = to_user((272.0, 0.0), (0.0, 0.0, 1088.0, 480.0), (272.0, 240.0));
        assert_eq!(p, Some(Pt::new(0.0, 0.0)));
        let p = to_user(
            (1088.0 - 272.0, 480.0),
            (0.0, 0.0, 1088.0, 480.0),
            (272.0, 240.0),
        );
        assert_eq!(p, Some(Pt::new(272.0, 240.0)));
        assert_eq!(
            to_user((1.0, 1.0), (0.0, 0.0, 0.0, 10.0), (272.0, 240.0)),
            None
        );
    }
}
