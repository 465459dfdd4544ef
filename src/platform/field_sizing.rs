//! Text fields that grow with their text in every engine. The stylesheet asks for
//! `field-sizing: content`; an engine without it (WebKit) would keep a field at its first height
//! and scroll a long answer inside the box. There the app sets each field's height to its text:
//! on input (growing costs one read of the field's size; only a deletion measures from scratch)
//! and whenever fields are put in the page (a stored answer is shown whole).

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

/// Whether the engine sizes fields to their content by itself.
fn engine_sizes_fields() -> bool {
    let window = gloo::utils::window();
    let supports = js_sys::Reflect::get(&window, &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"supports".into()))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(supports) = supports else {
        return false;
    };
    supports
        .call2(&JsValue::NULL, &"field-sizing".into(), &"content".into())
        .is_ok_and(|answer| answer.as_bool() == Some(true))
}

/// Fits `field`'s height to its text. `may_shrink` measures from the smallest height, which
/// costs a second layout; growing needs only the size the field already has.
pub fn fit_to_text(field: &HtmlTextAreaElement, may_shrink: bool) {
    if engine_sizes_fields() {
        return;
    }
    fit(field, may_shrink);
}

fn fit(field: &HtmlTextAreaElement, may_shrink: bool) {
    let style = field.style();
    if may_shrink {
        let _ = style.remove_property("height");
    }
    let (scroll, client) = (field.scroll_height(), field.client_height());
    if scroll > client {
        // The border is outside the scrolled area; the stylesheet's max-height still applies.
        let border = field.offset_height() - client;
        let _ = style.set_property("height", &format!("{}px", scroll + border));
    }
}

/// What keeps the fields under `root` fitted; dropping it stops.
pub struct FittedFields {
    _input: EventListener,
    _focus: EventListener,
    _observer: web_sys::MutationObserver,
    _on_added: Closure<dyn FnMut(js_sys::Array)>,
}

/// Keeps every text field under `root` as tall as its text, if the engine does not; `None` where
/// it does (nothing to do).
pub fn keep_fields_fitted(root: &web_sys::Element) -> Option<FittedFields> {
    if engine_sizes_fields() {
        return None;
    }
    let options = EventListenerOptions::run_in_capture_phase();
    let input = EventListener::new_with_options(root, "input", options, |event| {
        let Some(field) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        else {
            return;
        };
        // A typed character can only make the text longer; anything else (a deletion, a cut,
        // an undo, text set by the app) is measured from scratch.
        let grows = event
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.input_type().starts_with("insert"));
        fit(&field, !grows);
    });
    // A field shown again (an area expanded) had no size to fit while hidden.
    let focus = EventListener::new(root, "focusin", |event| {
        if let Some(field) = event
            .target()
            .and_then(|t| t.dyn_into::<HtmlTextAreaElement>().ok())
        {
            fit(&field, false);
        }
    });
    let on_added = Closure::<dyn FnMut(js_sys::Array)>::new(|records: js_sys::Array| {
        let mut fields = Vec::new();
        for record in records.iter() {
            let Ok(record) = record.dyn_into::<web_sys::MutationRecord>() else {
                continue;
            };
            let added = record.added_nodes();
            for i in 0..added.length() {
                let Some(element) = added
                    .get(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                if let Ok(field) = element.clone().dyn_into::<HtmlTextAreaElement>() {
                    fields.push(field);
                } else if let Ok(list) = element.query_selector_all("textarea") {
                    fields.extend((0..list.length()).filter_map(|i| list.get(i)?.dyn_into().ok()));
                }
            }
        }
        // Only fields with text need a height; empty ones keep the stylesheet's.
        for field in fields.iter().filter(|f| !f.value().is_empty()) {
            fit(field, false);
        }
    });
    let observer = web_sys::MutationObserver::new(on_added.as_ref().unchecked_ref()).ok()?;
    let init = web_sys::MutationObserverInit::new();
    init.set_child_list(true);
    init.set_subtree(true);
    observer.observe_with_options(root, &init).ok()?;
    // Fields already in the page.
    if let Ok(list) = root.query_selector_all("textarea") {
        for field in
            (0..list.length()).filter_map(|i| list.get(i)?.dyn_into::<HtmlTextAreaElement>().ok())
        {
            if !field.value().is_empty() {
                fit(&field, false);
            }
        }
    }
    Some(FittedFields {
        _input: input,
        _focus: focus,
        _observer: observer,
        _on_added: on_added,
    })
}
