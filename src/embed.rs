//! The Rust side of the `<kyphoplasty-explainer>` element: `embed.js` defines the element and
//! calls [`mount`] with it; the returned [`Widget`] is destroyed when the element is removed.
//!
//! The widget renders into the element's open shadow root with one adopted stylesheet shared by
//! every instance, so the host page's CSS cannot reach in and ours cannot leak out. Until the app
//! starts, the element's light-DOM children (the fallback) stay visible.

use crate::config::Config;
use crate::config::{contrast, parse_hex};
use crate::content::Content;
use crate::model::player::Action;
use crate::view::app::{step_detail, App, AppProps, SharedContent};
use crate::view::bridge::{Bridge, BridgeInner};
use crate::view::STYLE;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static CONTENT: RefCell<Vec<(String, Rc<Content>)>> = const { RefCell::new(Vec::new()) };
}

/// Runs once when the module starts: reports panics to the console and to the loader, which
/// returns every widget of this build to its fallback (the event's detail names the build:
/// "consult" or "patient").
#[wasm_bindgen(start)]
pub fn start() {
    // Set through Yew: its renderer replaces a hook set with `std::panic::set_hook`.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("kyphoplasty-explainer: {info}").into());
        let init = web_sys::CustomEventInit::new();
        init.set_detail(&JsValue::from_str(if cfg!(feature = "consult") {
            "consult"
        } else {
            "patient"
        }));
        if let (Some(w), Ok(event)) = (
            web_sys::window(),
            web_sys::CustomEvent::new_with_event_init_dict("kyphoplasty-explainer-panic", &init),
        ) {
            let _ = w.dispatch_event(&event);
        }
    }));
}

fn shared_sheet() -> Result<CssStyleSheet, JsValue> {
    SHEET.with(|s| {
        if let Some(sheet) = s.borrow().as_ref() {
            return Ok(sheet.clone());
        }
        let sheet = CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        *s.borrow_mut() = Some(sheet.clone());
        Ok(sheet)
    })
}

/// The validated content of one language's file (`words`, fetched by the loader from the
/// widget's folder), read once per page. A file that does not validate is an error, with the
/// problems in the console; the loader then tries English.
fn content(words: &str) -> Result<Rc<Content>, JsValue> {
    if let Some(found) = CONTENT.with(|c| {
        c.borrow()
            .iter()
            .find(|(w, _)| w == words)
            .map(|(_, content)| content.clone())
    }) {
        return Ok(found);
    }
    let loaded = Rc::new(Content::read(words).map_err(|e| {
        let e = format!("kyphoplasty-explainer: {e}");
        web_sys::console::error_1(&e.as_str().into());
        JsValue::from_str(&e)
    })?);
    CONTENT.with(|c| c.borrow_mut().push((words.to_string(), loaded.clone())));
    Ok(loaded)
}

fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// A mounted widget: the element's JavaScript API calls these. Call [`Widget::destroy`] when the
/// element leaves the page.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
    mount_point: Element,
    bridge: Bridge,
    content: Rc<Content>,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the app and removes what it added to the shadow root.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        // Anything the old app still renders lands in this detached element, not in the widget.
        self.mount_point.remove();
    }

    /// Goes to the next step.
    pub fn next(&self) {
        self.bridge.send(Action::Next);
    }

    /// Goes to the previous step.
    pub fn previous(&self) {
        self.bridge.send(Action::Previous);
    }

    /// Goes to a step by id (a string) or by index from 0 (a number). Returns false, and changes
    /// nothing, for an unknown id or an index out of range.
    #[wasm_bindgen(js_name = goTo)]
    pub fn go_to(&self, step: JsValue) -> bool {
        let index = if let Some(id) = step.as_string() {
            self.content.step_index(&id)
        } else {
            step.as_f64()
                .filter(|n| {
                    n.fract() == 0.0 && *n >= 0.0 && (*n as usize) < self.content.steps.len()
                })
                .map(|n| n as usize)
        };
        match index {
            Some(i) => {
                self.bridge.send(Action::GoTo(i));
                true
            }
            None => {
                web_sys::console::warn_1(
                    &format!(
                        "kyphoplasty-explainer: goTo() takes a step id or an index from 0 to {}",
                        self.content.steps.len().saturating_sub(1)
                    )
                    .into(),
                );
                false
            }
        }
    }

    /// Starts auto-advancing.
    pub fn play(&self) {
        self.bridge.send(Action::Play);
    }

    /// Stops auto-advancing.
    pub fn pause(&self) {
        self.bridge.send(Action::Pause);
    }

    /// The current step: `{ index, id, total }`.
    pub fn current(&self) -> JsValue {
        step_detail(&self.content, self.bridge.0.current.get())
    }
}

/// A stylesheet for this instance's accent colour, when the browser accepts the colour.
fn accent_sheet(accent: &str) -> Option<CssStyleSheet> {
    let supported = web_sys::css::supports_with_value("color", accent).unwrap_or(false);
    if !supported {
        web_sys::console::warn_1(
            &format!("kyphoplasty-explainer: accent=\"{accent}\" is not a colour this browser knows. Using the default colour.").into(),
        );
        return None;
    }
    // Text on the accent colour stays readable: dark text on a light accent.
    let ink = match parse_hex(accent) {
        Some(rgb) if contrast(rgb, [255, 255, 255]) < 4.5 => "#1b2830",
        _ => "#ffffff",
    };
    let sheet = CssStyleSheet::new().ok()?;
    sheet
        .replace_sync(&format!(
            ":host {{ --kx-accent: {accent}; --kx-accent-ink: {ink}; }}"
        ))
        .ok()?;
    Some(sheet)
}

/// Mounts the explainer into `host`'s shadow root (attached now, or reused when the element is
/// added again), in the language of `words`: the content file the loader fetched for the language
/// it chose (the `lang` attribute, else the page's, else the browser's, else English). Reads the
/// element's attributes; each invalid one gives one console warning.
#[wasm_bindgen]
pub fn mount(host: HtmlElement, words: &str) -> Result<Widget, JsValue> {
    mount_with(host, None, words, true)
}

/// Like [`mount`], but starts at step `start` (an index from 0) when given: used to keep the
/// reader's place when an attribute changes.
#[wasm_bindgen(js_name = mountAt)]
pub fn mount_at(host: HtmlElement, start: Option<u32>, words: &str) -> Result<Widget, JsValue> {
    mount_with(host, start, words, false)
}

/// A consult widget that starts fresh takes its settings and step from a share link in the page's
/// address (`#kyphoplasty=...`); patient widgets ignore it. A bad value gives one warning.
fn share_from_page(content: &Content) -> Option<crate::model::share::Share> {
    let hash = web_sys::window()?.location().hash().ok()?;
    let ids: Vec<&str> = content.steps.iter().map(|s| s.id.as_str()).collect();
    let (share, warning) = crate::model::share::Share::from_fragment(&hash, &ids)?;
    if let Some(w) = warning {
        web_sys::console::warn_1(&w.into());
    }
    Some(share)
}

fn mount_with(
    host: HtmlElement,
    start: Option<u32>,
    words: &str,
    fresh: bool,
) -> Result<Widget, JsValue> {
    let chosen = content(words)?;
    let root: ShadowRoot = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    // Start from an empty shadow root (it may hold the <slot> the loader puts in after a failure).
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }

    let names = host.get_attribute_names();
    let attrs: Vec<(String, String)> = names
        .iter()
        .filter_map(|n| n.as_string())
        .map(|n| {
            let v = host.get_attribute(&n).unwrap_or_default();
            (n, v)
        })
        .collect();
    let (mut config, warnings) =
        Config::from_attributes(attrs.iter().map(|(n, v)| (n.as_str(), v.as_str())), &chosen);
    let content = if config.text.is_empty() {
        chosen
    } else {
        // The clinic's own wording, laid over a fresh copy of this language's words (not cached:
        // per element); the words as they are when the overrides would make them invalid.
        let (changed, warnings) = match Content::read(words) {
            Ok(fresh) => fresh.with_overrides(&config.text),
            Err(_) => (None, Vec::new()),
        };
        for w in warnings {
            web_sys::console::warn_1(&w.into());
        }
        changed.map_or(chosen, Rc::new)
    };
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }
    if let Some(i) = start {
        config.start = (i as usize).min(content.steps.len().saturating_sub(1));
    }
    if cfg!(feature = "consult") && fresh && config.mode == crate::config::Mode::Consult {
        config.share = share_from_page(&content);
        if let Some(s) = &config.share {
            config.start = s.step;
        }
    }

    let sheets = js_sys::Array::new();
    sheets.push(&shared_sheet()?.into());
    if let Some(sheet) = config.accent.as_deref().and_then(accent_sheet) {
        sheets.push(&sheet.into());
    }
    root.set_adopted_style_sheets(&sheets);

    let document = host.owner_document().ok_or("no document")?;
    let mount_point = document.create_element("div")?;
    mount_point.set_class_name("kx-root");
    root.append_child(&mount_point)?;
    let bridge = Bridge(Rc::new(BridgeInner {
        host: Some(host.clone()),
        ..BridgeInner::default()
    }));
    bridge.0.current.set(config.start);
    let app = yew::Renderer::<App>::with_root_and_props(
        mount_point.clone(),
        AppProps {
            content: SharedContent(content.clone()),
            config,
            reduced_motion: prefers_reduced_motion(),
            bridge: Some(bridge.clone()),
        },
    )
    .render();
    Ok(Widget {
        app: Some(app),
        mount_point,
        bridge,
        content,
    })
}

/// Test hook: panics inside the WebAssembly, so a test can check that every widget on the page
/// returns to its fallback content. Nothing in the widget calls it.
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    panic!("panic requested by a test");
}
