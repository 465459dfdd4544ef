//! Text fields that grow with their text in every engine. The stylesheet asks for
//! `field-sizing: content`; an engine without it (WebKit) would keep a field at its first height
//! and scroll a long answer inside the box. There the app sets each field's height to its text:
//! after input, once per frame (in the frame's own layout: growing costs one read of the field's
//! size, only a deletion measures from scratch), on focus, and as each field with stored text is
//! put in the page (it is shown whole).

use gloo::events::{EventListener, EventListenerOptions};
use gloo::render::{request_animation_frame, AnimationFrame};
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicU8, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen::JsValue;
use web_sys::HtmlTextAreaElement;

/// Whether the engine sizes fields to their content by itself. Asked once: every field asks as
/// it mounts.
fn engine_sizes_fields() -> bool {
    // 0: not asked yet; 1: it does; 2: it does not.
    static SIZES_FIELDS: AtomicU8 = AtomicU8::new(0);
    match SIZES_FIELDS.load(Ordering::Relaxed) {
        1 => return true,
        2 => return false,
        _ => {}
    }
    let window = gloo::utils::window();
    let supports = js_sys::Reflect::get(&window, &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"supports".into()))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let sizes = supports.is_some_and(|supports| {
        supports
            .call2(&JsValue::NULL, &"field-sizing".into(), &"content".into())
            .is_ok_and(|answer| answer.as_bool() == Some(true))
    });
    SIZES_FIELDS.store(if sizes { 1 } else { 2 }, Ordering::Relaxed);
    sizes
}

/// The text field an event came from, if it came from one.
fn event_field(event: &web_sys::Event) -> Option<HtmlTextAreaElement> {
    event.target()?.dyn_into().ok()
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
}

/// Keeps every text field under `root` as tall as its text while it is edited, if the engine
/// does not; `None` where it does (nothing to do). Fields fit their stored text as they are put
/// in the page ([`fit_to_text`], called by each field).
pub fn keep_fields_fitted(root: &web_sys::Element) -> Option<FittedFields> {
    if engine_sizes_fields() {
        return None;
    }
    // The field to fit at the next frame, whether it may shrink, and the frame's request. Fitting
    // inside the input event would force a layout of the page on every key press; at the frame
    // the browser lays the page out anyway.
    let pending = Rc::new(RefCell::new(
        None::<(HtmlTextAreaElement, bool, AnimationFrame)>,
    ));
    let options = EventListenerOptions::run_in_capture_phase();
    let input = EventListener::new_with_options(root, "input", options, move |event| {
        let Some(field) = event_field(event) else {
            return;
        };
        // A typed character can only make the text longer; anything else (a deletion, a cut,
        // an undo, text set by the app) is measured from scratch.
        let grows = event
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.input_type().starts_with("insert"));
        let mut waiting = pending.borrow_mut();
        match waiting.as_mut() {
            Some((same, may_shrink, _)) if *same == field => *may_shrink |= !grows,
            _ => {
                // Another field's pending fit is done now, before this one's is planned.
                if let Some((other, may_shrink, _)) = waiting.take() {
                    fit(&other, may_shrink);
                }
                let later = pending.clone();
                let frame = request_animation_frame(move |_| {
                    if let Some((field, may_shrink, _)) = later.borrow_mut().take() {
                        fit(&field, may_shrink);
                    }
                });
                *waiting = Some((field, !grows, frame));
            }
        }
    });
    // A field shown again (an area expanded) had no size to fit while hidden.
    let focus = EventListener::new(root, "focusin", |event| {
        if let Some(field) = event_field(event) {
            fit(&field, false);
        }
    });
    Some(FittedFields {
        _input: input,
        _focus: focus,
    })
}
