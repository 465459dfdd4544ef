//! The only place that talks to the browser: storage, time, downloads and page-lifecycle events.
//! Everything else in the crate is plain Rust.

#[cfg(not(target_arch = "wasm32"))]
mod ahead_of_time;
pub mod contribution_store;
pub mod embedding;
pub mod field_sizing;
pub mod first_view;

#[cfg(target_arch = "wasm32")]
use crate::draft::{KeyValueStore, StoreError};
use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};

/// The page's localStorage.
#[cfg(target_arch = "wasm32")]
pub struct BrowserStorage(web_sys::Storage);

#[cfg(target_arch = "wasm32")]
impl BrowserStorage {
    /// localStorage if this page may use it. Sandboxed frames and some privacy modes throw on
    /// access, or give none; then the app works from memory.
    pub fn open() -> Option<Self> {
        let storage = web_sys::window()?.local_storage().ok()??;
        Some(BrowserStorage(storage))
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use ahead_of_time::BrowserStorage;
#[cfg(not(target_arch = "wasm32"))]
pub use ahead_of_time::{browser_languages, now_iso};

#[cfg(target_arch = "wasm32")]
impl KeyValueStore for BrowserStorage {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get_item(key).map_err(store_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.set_item(key, value).map_err(store_error)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.remove_item(key).map_err(store_error)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let count = self.0.length().map_err(store_error)?;
        (0..count)
            .map(|i| self.0.key(i).map_err(store_error))
            .filter_map(|k| k.transpose())
            .collect()
    }
}

/// What the browser answered when asked to keep this site's storage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Persistence {
    Granted,
    Refused,
    Unsupported,
}

/// The browser's storage manager; missing in some browsers and in insecure contexts.
fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = gloo::utils::window().navigator();
    js_sys::Reflect::has(&navigator, &JsValue::from_str("storage"))
        .unwrap_or(false)
        .then(|| navigator.storage())
}

/// Asks the browser not to clear this site's storage under pressure (`navigator.storage.persist`).
/// Some browsers (Firefox) ask the person, so this is called only once they have work to keep.
pub async fn request_persistence() -> Persistence {
    let Some(Ok(promise)) = storage_manager().map(|m| m.persist()) else {
        return Persistence::Unsupported;
    };
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(answer) if answer.as_bool() == Some(true) => Persistence::Granted,
        Ok(_) => Persistence::Refused,
        Err(_) => Persistence::Unsupported,
    }
}

#[cfg(target_arch = "wasm32")]
fn store_error(error: JsValue) -> StoreError {
    match error.dyn_ref::<web_sys::DomException>() {
        Some(e) if e.name() == "QuotaExceededError" => StoreError::Full,
        Some(e) => StoreError::Refused(format!("{}: {}", e.name(), e.message())),
        None => StoreError::Refused(
            error
                .as_string()
                .unwrap_or_else(|| "the browser refused".to_string()),
        ),
    }
}

/// The current time, ISO 8601 in UTC (`2026-11-26T13:05:09.123Z`).
#[cfg(target_arch = "wasm32")]
pub fn now_iso() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// A new draft identity: 64 random bits and the time, in hexadecimal.
pub fn fresh_identity() -> String {
    let random = || (js_sys::Math::random() * 4_294_967_296.0) as u32;
    format!(
        "{:08x}{:08x}-{:x}",
        random(),
        random(),
        js_sys::Date::now() as u64
    )
}

/// Today's date in the person's time zone, `YYYY-MM-DD`.
pub fn today_local() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

/// The local clock time (`14:05`) of an ISO 8601 instant; empty if it cannot be read.
pub fn clock_time(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return String::new();
    }
    format!("{:02}:{:02}", date.get_hours(), date.get_minutes())
}

/// The local date and time (`2026-11-26 14:05`) of an ISO 8601 instant.
pub fn date_time(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Offers `contents` to the person as a file called `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = gloo::utils::body();
    body.append_child(&link)?;
    link.click();
    link.remove();
    // Some browsers read the blob after `click` returns: revoke it only once they surely have.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

/// Calls `flush` whenever the page may be about to go away: hidden (tab switch, phone lock,
/// closing on mobile, where `unload` never fires) and `pagehide`.
pub fn on_page_leave(flush: impl Fn() + Clone + 'static) -> Vec<EventListener> {
    let document = gloo::utils::document();
    let on_hidden = {
        let flush = flush.clone();
        let doc = document.clone();
        EventListener::new(&document, "visibilitychange", move |_| {
            if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                flush();
            }
        })
    };
    let on_pagehide = EventListener::new(&gloo::utils::window(), "pagehide", move |_| flush());
    vec![on_hidden, on_pagehide]
}

/// Asks the browser to confirm leaving the page while `has_unsaved_work` says so.
pub fn warn_before_leaving(has_unsaved_work: impl Fn() -> bool + 'static) -> EventListener {
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(
        &gloo::utils::window(),
        "beforeunload",
        options,
        move |event| {
            if has_unsaved_work() {
                event.prevent_default();
            }
        },
    )
}

/// The bytes of a file the person picked (decoding is the draft module's: the file may be UTF-8
/// or UTF-16).
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, JsValue> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Puts `text` on the clipboard; resolves to whether the browser allowed it.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let clipboard = gloo::utils::window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Makes `tree` the only content of `parent`, element by element: no markup is parsed, so this
/// works under Trusted Types (`require-trusted-types-for 'script'`), which refuses `innerHTML`.
pub fn replace_contents(
    parent: &web_sys::Element,
    tree: &crate::export::markup::Element,
) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    let built = build_element(&document, tree)?;
    parent.set_text_content(None);
    parent.append_child(&built)?;
    Ok(())
}

fn build_element(
    document: &web_sys::Document,
    tree: &crate::export::markup::Element,
) -> Result<web_sys::Element, JsValue> {
    use crate::export::markup::Node;
    let element = document.create_element(tree.tag)?;
    for (name, value) in &tree.attributes {
        element.set_attribute(name, value)?;
    }
    for child in &tree.children {
        let node: web_sys::Node = match child {
            Node::Element(child) => build_element(document, child)?.into(),
            Node::Text(text) => document.create_text_node(text).into(),
        };
        element.append_child(&node)?;
    }
    Ok(element)
}

/// Opens the browser's print dialog.
/// Calls `then` once after `delay_ms`, unless the returned timer is dropped first. One closure type
/// for every such wait in the app: each `Timeout` of its own closure is code of its own.
pub fn after(delay_ms: u32, then: yew::Callback<()>) -> gloo::timers::callback::Timeout {
    gloo::timers::callback::Timeout::new(delay_ms, move || then.emit(()))
}

pub fn set_window_title(title: &str) {
    gloo::utils::document().set_title(title);
}

pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Calls `prepare` just before the page is printed, whatever started the printing: the print
/// dialog (`beforeprint`) or the page switching to print media (as printing to PDF does).
pub fn before_print(prepare: impl Fn() + 'static) -> Vec<EventListener> {
    let prepare = std::rc::Rc::new(prepare);
    let window = gloo::utils::window();
    let mut listeners = Vec::new();
    if let Ok(Some(print_media)) = window.match_media("print") {
        let prepare = prepare.clone();
        listeners.push(EventListener::new(&print_media, "change", move |event| {
            let printing = event
                .dyn_ref::<web_sys::MediaQueryListEvent>()
                .is_some_and(|e| e.matches());
            if printing {
                prepare();
            }
        }));
    }
    listeners.push(EventListener::new(&window, "beforeprint", move |_| {
        prepare()
    }));
    listeners
}

/// Calls `then` in a task of its own once the next frame has been rendered: what changed before
/// reaches the accessibility tree (and a screen reader) in that frame, what `then` changes in a
/// later one.
pub fn after_this_frame(then: impl FnOnce() + 'static) {
    let frame = gloo::render::request_animation_frame(move |_| {
        gloo::timers::callback::Timeout::new(0, then).forget();
    });
    std::mem::forget(frame);
}

/// Calls `then` after the next frame is painted, as background work: whatever the person does
/// (a key press, a click) is handled first.
pub fn after_next_paint(then: impl FnOnce() + 'static) {
    let frame = gloo::render::request_animation_frame(move |_| in_background(then));
    // Runs once; nothing to cancel.
    std::mem::forget(frame);
}

/// Runs `then` as a background-priority task (`scheduler.postTask`), or a plain task where the
/// browser has no task scheduler.
fn in_background(then: impl FnOnce() + 'static) {
    let window = gloo::utils::window();
    let scheduler = js_sys::Reflect::get(&window, &"scheduler".into()).unwrap_or_default();
    let post_task = js_sys::Reflect::get(&scheduler, &"postTask".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(post_task) = post_task else {
        gloo::timers::callback::Timeout::new(0, then).forget();
        return;
    };
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"priority".into(), &"background".into());
    // The promise it returns settles when the task has run; nothing waits for it.
    let _ = post_task.call2(&scheduler, &callback, &options);
}

/// Moves keyboard focus to `element` (for error summaries and dialogs).
pub fn focus(element: &web_sys::Element) {
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
}

/// Calls `changed` with the new text whenever another window of this origin writes `key`.
pub fn on_storage_change(key: String, changed: impl Fn(Option<String>) + 'static) -> EventListener {
    EventListener::new(&gloo::utils::window(), "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else {
            return;
        };
        if event.key().as_deref() == Some(key.as_str()) {
            changed(event.new_value());
        }
    })
}

/// Sets the text of the form field named `name` (an answer, comment or respondent field) without
/// re-rendering anything: used when another window changed it.
pub fn set_field_text(name: &str, text: &str) {
    let selector = format!("[name=\"{}\"]", name.replace('"', "\\\""));
    let Some(element) = embedding::query(&selector) else {
        return;
    };
    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        if area.value() == text {
            return;
        }
        area.set_value(text);
        // Lets the field's own listeners (its counter) see the new text; recording the same
        // text again in the draft changes nothing.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = area.dispatch_event(&event);
        }
    } else if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        input.set_value(text);
    }
}

/// After the next render, scrolls to the element with `id` and moves focus to it, without
/// touching the host page's address (its router may own the fragment).
pub fn reveal_after_render(id: String) {
    reveal_when_there(id, 0, 40);
}

/// Reveals the element with `id` after `delay_ms`, then looks again every 50 ms up to `tries`
/// times: the paper is put on the page progressively, so a jump in its first moments may target
/// a part not there yet.
fn reveal_when_there(id: String, delay_ms: u32, tries: u32) {
    gloo::timers::callback::Timeout::new(delay_ms, move || {
        let Some(element) = embedding::find_by_id(&id) else {
            if tries > 0 {
                reveal_when_there(id, 50, tries - 1);
            }
            return;
        };
        let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() else {
            return;
        };
        // A heading or section is brought to the top and made focusable from script only; a
        // control already in the tab order just takes focus.
        if element.tab_index() < 0 {
            element.scroll_into_view();
            if !element.has_attribute("tabindex") {
                let _ = element.set_attribute("tabindex", "-1");
            }
        }
        let _ = element.focus();
        embedding::bring_into_view(element);
    })
    .forget();
}

/// The reader's languages, most preferred first (`navigator.languages`).
#[cfg(target_arch = "wasm32")]
pub fn browser_languages() -> Vec<String> {
    let navigator = gloo::utils::window().navigator();
    let listed: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|tag| tag.as_string())
        .collect();
    if listed.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        listed
    }
}

/// Calls `close` when Escape is pressed inside the app (never a shortcut on the host's page).
pub fn on_escape(close: impl Fn() + 'static) -> EventListener {
    let target: web_sys::EventTarget = match embedding::container() {
        Some(container) => container.into(),
        None => gloo::utils::document().into(),
    };
    EventListener::new(&target, "keydown", move |event| {
        if event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|e| e.key() == "Escape")
        {
            close();
        }
    })
}

/// Keeps whatever takes focus inside `root` clear of the sticky bar `bar_selector` at the bottom
/// of the window: a field focused behind the bar is scrolled up above it (WCAG 2.4.11), whatever
/// the host page's own scroll settings.
pub fn keep_focus_above(root: &web_sys::Element, bar_selector: &'static str) -> EventListener {
    let root_for_query = root.clone();
    EventListener::new(root, "focusin", move |event| {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // Only focus the person cannot see arriving (keyboard, script): a pointer press must
        // not move the page under the pointer, or the press ends on something else.
        if !target.matches(":focus-visible").unwrap_or(true) {
            return;
        }
        let Ok(Some(bar)) = root_for_query.query_selector(bar_selector) else {
            return;
        };
        if bar.contains(Some(&target)) {
            return;
        }
        let (field, bar) = (
            target.get_bounding_client_rect(),
            bar.get_bounding_client_rect(),
        );
        // Only the part of a tall field near the caret needs to show: its first 3 rem.
        let visible_bottom = field.bottom().min(field.top() + 48.0);
        if visible_bottom > bar.top() {
            gloo::utils::window().scroll_by_with_x_and_y(0.0, visible_bottom - bar.top() + 16.0);
        }
    })
}
