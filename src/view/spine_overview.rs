//! A small whole-spine overview for consult mode: the spine from C7 to S1 seen from the side, with
//! the treated level marked and named. Coordinates are documented in [`crate::model::overview`].

use super::svg::f;
use crate::model::overview::{index_of, segments, LEVELS, VIEW};
use yew::prelude::*;

/// Props of [`SpineOverview`].
#[derive(Properties, PartialEq, Clone)]
pub struct SpineOverviewProps {
    /// The treated level, e.g. "L1".
    pub level: AttrValue,
    /// Accessible name, naming the levels (e.g. "Whole spine, treated: L1, L2").
    pub name: AttrValue,
    /// The other treated levels (1 to 3 neighbouring levels may be treated), marked too.
    #[prop_or_default]
    pub others: Vec<String>,
}

/// The overview.
#[function_component(SpineOverview)]
pub fn spine_overview(p: &SpineOverviewProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let (vw, vh) = VIEW;
    let segs = segments();
    let chosen = index_of(&p.level);
    let mark = chosen.and_then(|i| segs.get(i).copied());
    html! {
        <svg class="kx-spine" viewBox={format!("0 0 {} {}", f(vw), f(vh))} role="img" aria-label={p.name.clone()}
             preserveAspectRatio="xMidYMid meet">
            <g aria-hidden="true">
                { for segs.iter().enumerate().map(|(i, s)| {
                    let treated = chosen == Some(i) || p.others.iter().any(|o| o == LEVELS[i]);
                    let sacrum = i + 1 == LEVELS.len();
                    html! {
                        <rect class={classes!("kx-spine-body", treated.then_some("is-treated"), sacrum.then_some("is-sacrum"))}
                              x={f(-s.w / 2.0)} y={f(-s.h / 2.0)} width={f(s.w)} height={f(s.h)}
                              rx={if sacrum { "4" } else { "1.6" }}
                              transform={format!("translate({} {}) rotate({})", f(s.c.x), f(s.c.y), f(s.angle_deg))} />
                    }
                }) }
                { for [0usize, LEVELS.len() - 1].into_iter().filter(|i| Some(*i) != chosen).map(|i| html! {
                    <text class="kx-spine-end" x={f(segs[i].c.x + segs[i].w / 2.0 + 3.0)} y={f(segs[i].c.y + 3.0)}>{ LEVELS[i] }</text>
                }) }
            </g>
            if let Some(s) = mark {
                <line class="kx-spine-leader" x1={f(s.c.x + s.w / 2.0 + 1.0)} y1={f(s.c.y)} x2={f(s.c.x + s.w / 2.0 + 10.0)} y2={f(s.c.y)} />
                <text class="kx-spine-level" x={f(s.c.x + s.w / 2.0 + 12.0)} y={f(s.c.y + 4.0)}>{ p.level.to_string() }</text>
            }
        </svg>
    }
}
