//! The link between one mounted app and the page: the host element (for DOM events) and a way
//! for the element's JavaScript API to send player actions in.

use crate::model::player::Action;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::Callback;

/// Shared between the app (one of its props) and the embed layer's `Widget`.
#[derive(Clone, Default)]
pub struct Bridge(pub Rc<BridgeInner>);

/// What the bridge holds.
#[derive(Default)]
pub struct BridgeInner {
    /// The `<kyphoplasty-explainer>` element, which receives `stepchange` and `complete` events.
    pub host: Option<web_sys::HtmlElement>,
    /// Sends an action to the app's player; set by the app once it has mounted.
    pub dispatch: RefCell<Option<Callback<Action>>>,
    /// The step shown now.
    pub current: Cell<usize>,
}

impl PartialEq for Bridge {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Bridge {
    /// Sends an action to the app (ignored before it has mounted).
    pub fn send(&self, action: Action) {
        if let Some(d) = self.0.dispatch.borrow().as_ref() {
            d.emit(action);
        }
    }

    /// Dispatches a DOM `CustomEvent` named `name` on the host element, with `detail`.
    /// It bubbles and crosses shadow boundaries, so the host page can listen anywhere.
    pub fn emit(&self, name: &str, detail: &wasm_bindgen::JsValue) {
        let Some(host) = self.0.host.as_ref() else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_detail(detail);
        init.set_bubbles(true);
        init.set_composed(true);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }
}
