//! Consult mode's "Copy share link" button: the page's address with this patient's settings and
//! the step shown in its fragment (see [`crate::model::share`]), put on the clipboard. Where the
//! clipboard is not available or refuses, the link is shown in a read-only field, selected, for
//! copying by hand. Nothing is stored and nothing is sent anywhere.

use super::app::SharedContent;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`ShareLink`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShareLinkProps {
    /// The words.
    pub content: SharedContent,
    /// The fragment without its `#`, e.g. `kyphoplasty=step-5.grade-3...`.
    pub fragment: AttrValue,
}

/// What the button has done.
#[derive(Clone, PartialEq)]
enum Status {
    /// Nothing yet (or the settings changed since).
    Idle,
    /// The link is on the clipboard.
    Copied,
    /// The clipboard refused: the link is shown for copying by hand.
    Manual(String),
}

/// The page's address (without its own fragment) followed by `#fragment`.
fn link(fragment: &str) -> Option<String> {
    let href = web_sys::window()?.location().href().ok()?;
    let base = crate::model::text::pieces(&href, b'#')
        .next()
        .unwrap_or(&href);
    Some(format!("{base}#{fragment}"))
}

/// Calls `navigator.clipboard.writeText(text)`; `done(true)` once it is written, `done(false)`
/// when there is no clipboard or it refuses. Never throws into the WebAssembly.
fn write_clipboard(text: &str, done: Callback<bool>) {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| c.is_object());
    let promise = clipboard.and_then(|c| {
        let write = js_sys::Reflect::get(&c, &"writeText".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()?;
        write.call1(&c, &text.into()).ok()
    });
    let then = promise.as_ref().and_then(|p| {
        js_sys::Reflect::get(p, &"then".into())
            .ok()?
            .dyn_into::<js_sys::Function>()
            .ok()
    });
    match (promise, then) {
        (Some(p), Some(then)) => {
            let ok = {
                let done = done.clone();
                Closure::once_into_js(move |_: JsValue| done.emit(true))
            };
            let fail = Closure::once_into_js(move |_: JsValue| done.emit(false));
            if then.call2(&p, &ok, &fail).is_err() {
                // Not a promise after all: nothing will call back.
            }
        }
        _ => done.emit(false),
    }
}

/// The "Copy share link" button with its polite status and, when needed, the link to copy by hand.
#[function_component(ShareLink)]
pub fn share_link(p: &ShareLinkProps) -> Html {
    if !cfg!(feature = "consult") {
        return Html::default();
    }
    let words = &p.content.0.takehome;
    let status = use_state(|| Status::Idle);
    let field = use_node_ref();
    {
        // Other settings make another link: what was copied or shown no longer applies.
        let status = status.clone();
        use_effect_with(p.fragment.clone(), move |_| status.set(Status::Idle));
    }
    {
        // The link to copy by hand is selected, ready for Ctrl+C.
        let field = field.clone();
        use_effect_with((*status).clone(), move |s| {
            if let (Status::Manual(_), Some(input)) = (s, field.cast::<web_sys::HtmlInputElement>())
            {
                let _ = input.focus();
                input.select();
            }
        });
    }
    let onclick = {
        let status = status.clone();
        let fragment = p.fragment.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(url) = link(&fragment) else { return };
            let status = status.clone();
            let shown = url.clone();
            status.set(Status::Idle);
            write_clipboard(
                &url,
                Callback::from(move |ok: bool| {
                    status.set(if ok {
                        Status::Copied
                    } else {
                        Status::Manual(shown.clone())
                    })
                }),
            );
        })
    };
    let said = match &*status {
        Status::Idle => "",
        Status::Copied => words.link_copied.as_str(),
        Status::Manual(_) => words.copy_hint.as_str(),
    };
    html! {
        <div class="kx-share">
            <button type="button" class="kx-btn" {onclick}>
                <svg class="kx-svg-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1"
                          fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
                </svg>
                { &words.share_link }
            </button>
            <span class="kx-share-status" role="status">{ said }</span>
            if let Status::Manual(url) = &*status {
                <label class="kx-share-manual">{ &words.copy_manually }
                    <input class="kx-share-field" type="text" readonly=true value={url.clone()} ref={field} />
                </label>
            }
        </div>
    }
}
