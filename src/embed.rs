//! The Rust side of the `<kyphoplasty-explainer>` element: `embed.js` defines the element and
//! calls [`mount`] with it; the returned [`Widget`] is destroyed when the element is removed.
//!
//! The widget renders into the element's open shadow root with one adopted stylesheet shared by
//! every instance, so the host page's CSS cannot reach in and ours cannot leak out. Until the app
//! starts, the element's light-DOM children (the fallback) stay visible.

use crate::config::Config;
use crate::content::{Content, EN_JSON};
use crate::view::app::{App, AppProps};
use crate::view::STYLE;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Element, HtmlElement, ShadowRoot, ShadowRootInit, ShadowRootMode};

thread_local! {
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
    static CONTENT: RefCell<Option<Rc<Content>>> = const { RefCell::new(None) };
}

/// Runs once when the module starts: reports panics to the console and to the loader, which
/// returns every widget to its fallback.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("kyphoplasty-explainer: {info}").into());
        if let (Some(w), Ok(event)) = (
            web_sys::window(),
            web_sys::Event::new("kyphoplasty-explainer-panic"),
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

fn content() -> Result<Rc<Content>, JsValue> {
    CONTENT.with(|c| {
        if let Some(content) = c.borrow().as_ref() {
            return Ok(content.clone());
        }
        let content =
            Rc::new(Content::load(EN_JSON).map_err(|e| JsValue::from_str(&e.to_string()))?);
        *c.borrow_mut() = Some(content.clone());
        Ok(content)
    })
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

/// A mounted widget. Call [`Widget::destroy`] when its element leaves the page.
#[wasm_bindgen]
pub struct Widget {
    app: Option<yew::AppHandle<App>>,
    mount_point: Element,
}

#[wasm_bindgen]
impl Widget {
    /// Unmounts the app and removes what it added to the shadow root.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
        self.mount_point.remove();
    }
}

/// Mounts the explainer into `host`'s shadow root (attached now, or reused when the element is
/// added again). Reads the element's attributes; each invalid one gives one console warning.
#[wasm_bindgen]
pub fn mount(host: HtmlElement) -> Result<Widget, JsValue> {
    let content = content()?;
    let root: ShadowRoot = match host.shadow_root() {
        Some(r) => r,
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    while let Some(child) = root.first_child() {
        root.remove_child(&child)?;
    }
    let sheet: JsValue = shared_sheet()?.into();
    let sheets = js_sys::Array::of1(&sheet);
    root.set_adopted_style_sheets(&sheets);

    let names = host.get_attribute_names();
    let attrs: Vec<(String, String)> = names
        .iter()
        .filter_map(|n| n.as_string())
        .map(|n| {
            let v = host.get_attribute(&n).unwrap_or_default();
            (n, v)
        })
        .collect();
    let (config, warnings) = Config::from_attributes(
        attrs.iter().map(|(n, v)| (n.as_str(), v.as_str())),
        &content,
    );
    for w in warnings {
        web_sys::console::warn_1(&w.into());
    }

    let document = host.owner_document().ok_or("no document")?;
    let mount_point = document.create_element("div")?;
    mount_point.set_class_name("kx-root");
    root.append_child(&mount_point)?;
    let app = yew::Renderer::<App>::with_root_and_props(
        mount_point.clone(),
        AppProps {
            content,
            config,
            reduced_motion: prefers_reduced_motion(),
        },
    )
    .render();
    Ok(Widget {
        app: Some(app),
        mount_point,
    })
}
