//! Where the app is mounted: the tree it lives in (the shadow root the loader made, or the
//! document), the host page's element and the settings it carries, and, inside an iframe, the
//! line to the parent page (the content's height, and where to scroll after a jump).

use gloo::events::EventListener;
use std::cell::RefCell;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, DocumentFragment, Element, ShadowRoot};

/// What the host asked for, read once when the app mounts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HostSettings {
    /// `data-lang` on the host element; on the app's own page `?lang=` wins.
    pub language_tag: Option<String>,
    /// The app is its page's content (`data-page-options`): it may name the window.
    pub own_page: bool,
    /// `data-language-chosen`, which the loader sets when a person presses a language button in
    /// the first view before the app has started.
    pub chosen_language_tag: Option<String>,
}

struct Mounted {
    /// The element the app renders into.
    container: Element,
    /// Where the app's ids live: the shadow root, or the document.
    shadow: Option<ShadowRoot>,
    /// The parent page's origin, when framed.
    parent_origin: Option<String>,
}

thread_local! {
    static MOUNTED: RefCell<Option<Mounted>> = const { RefCell::new(None) };
}

/// Records where the app lives and returns what the host asked for. Inside an iframe it also
/// starts telling the parent page the content's height.
pub fn settle(container: &Element) -> HostSettings {
    let shadow = container.get_root_node().dyn_into::<ShadowRoot>().ok();
    let host = shadow
        .as_ref()
        .map_or_else(|| container.clone(), ShadowRoot::host);
    let page_options = host.has_attribute("data-page-options");
    let query = page_options.then(query_params).flatten();
    let from_query = |name: &str| query.as_ref().and_then(|q| q.get(name));
    let language_tag = from_query("lang").or_else(|| host.get_attribute("data-lang"));
    let parent_origin = parent_origin(from_query("parent-origin"));
    let framed = parent_origin.is_some();
    MOUNTED.with(|m| {
        *m.borrow_mut() = Some(Mounted {
            container: container.clone(),
            shadow,
            parent_origin,
        })
    });
    if framed {
        report_height(&host);
    }
    HostSettings {
        language_tag,
        own_page: page_options,
        chosen_language_tag: host.get_attribute("data-language-chosen"),
    }
}

fn query_params() -> Option<web_sys::UrlSearchParams> {
    let search = gloo::utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()
}

/// The origin of the page framing this one: `?parent-origin=` on the app's own page, else the
/// referrer's. None when not framed, or when neither says: then no message is ever sent (never
/// to `"*"`).
fn parent_origin(asked: Option<String>) -> Option<String> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    if js_sys::Object::is(&parent, &window) {
        return None;
    }
    let candidate = asked.or_else(|| Some(gloo::utils::document().referrer()))?;
    let origin = web_sys::Url::new(&candidate).ok()?.origin();
    (origin != "null" && !origin.is_empty()).then_some(origin)
}

fn with_mounted<T>(f: impl FnOnce(&Mounted) -> T) -> Option<T> {
    MOUNTED.with(|m| m.borrow().as_ref().map(f))
}

/// The element with `id` among the app's own (its shadow root's, or the document's).
pub fn find_by_id(id: &str) -> Option<Element> {
    match with_mounted(|m| m.shadow.clone()).flatten() {
        Some(shadow) => AsRef::<DocumentFragment>::as_ref(&shadow).get_element_by_id(id),
        None => gloo::utils::document().get_element_by_id(id),
    }
}

/// The first of the app's elements matching `selector`.
pub fn query(selector: &str) -> Option<Element> {
    match with_mounted(|m| m.shadow.clone()).flatten() {
        Some(shadow) => AsRef::<DocumentFragment>::as_ref(&shadow)
            .query_selector(selector)
            .ok()
            .flatten(),
        None => {
            let document: Document = gloo::utils::document();
            document.query_selector(selector).ok().flatten()
        }
    }
}

/// The element with keyboard focus among the app's own.
pub fn active_element() -> Option<Element> {
    match with_mounted(|m| m.shadow.clone()).flatten() {
        Some(shadow) => shadow.active_element(),
        None => gloo::utils::document().active_element(),
    }
}

/// The element the app renders into (where its own events are listened for).
pub fn container() -> Option<Element> {
    with_mounted(|m| m.container.clone())
}

fn post_to_parent(kind: &str, field: &str, px: f64) {
    let Some(origin) = with_mounted(|m| m.parent_origin.clone()).flatten() else {
        return;
    };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str(kind));
    let _ = js_sys::Reflect::set(&message, &field.into(), &JsValue::from_f64(px.ceil()));
    if let Ok(Some(parent)) = gloo::utils::window().parent() {
        let _ = parent.post_message(&message, &origin);
    }
}

/// Tells the parent page the content's height whenever it changes (ResizeObserver on the host).
fn report_height(host: &Element) {
    let measured = host.clone();
    let send = move || {
        let bottom = measured.get_bounding_client_rect().bottom();
        let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
        post_to_parent("consultation-response:height", "height", bottom + scrolled);
    };
    // The observer reports the first size as soon as it observes, then every change.
    let callback = Closure::<dyn FnMut(JsValue)>::new(move |_| send());
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(host);
        // Observes for the page's life.
        std::mem::forget(observer);
    }
    callback.forget();
}

/// After a jump inside a frame, asks the parent page to bring `element` into its view (the
/// frame is as tall as its content, so only the parent can scroll to it).
pub fn bring_into_view(element: &Element) {
    let top = element.get_bounding_client_rect().top();
    let scrolled = gloo::utils::window().scroll_y().unwrap_or(0.0);
    post_to_parent("consultation-response:scroll", "top", top + scrolled);
}

/// Calls `ready` when a new release of the app is installed and waiting (the loader's service
/// worker found it), including one found before this was called.
pub fn on_update_ready(ready: impl Fn() + 'static) -> Option<EventListener> {
    let container = container()?;
    if container.has_attribute("data-update-ready") {
        ready();
    }
    Some(EventListener::new(
        &container,
        "consultation-response:update",
        move |_| ready(),
    ))
}

/// Asks the loader to switch to the waiting release and reload. Call it only with the draft saved.
pub fn reload_for_update() {
    let Some(container) = container() else {
        return;
    };
    if let Ok(event) = web_sys::Event::new("consultation-response:reload") {
        let _ = container.dispatch_event(&event);
    }
}
