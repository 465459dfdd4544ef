//! The first view: the app's first render as HTML, which the page shows before the WebAssembly
//! has started (written at build time by `src/bin/prerender.rs`, put in place by the loader). A
//! person may read it and type into it; when the app takes its place, what they typed and where
//! their caret was are read here, once.

use super::embedding;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Marks the first view's outermost element.
const SELECTOR: &str = "[data-first-view]";
/// Marks a button pressed in the first view (by the loader, which keeps what was pressed).
const PRESSED: &str = "data-pressed";

/// What a person did in the first view.
#[derive(Debug, Default)]
pub struct TypedBeforeStart {
    /// The name of each control typed into or changed, and its text or value.
    pub texts: Vec<(String, String)>,
    /// The view options switched (checkboxes of no field, by id), and to what.
    pub switched: Vec<(String, bool)>,
    /// The control that had focus, and its selection.
    pub caret: Option<Caret>,
}

#[derive(Debug)]
pub struct Caret {
    /// The control's id, which the app's control of the same field has too.
    pub id: String,
    pub start: u32,
    pub end: u32,
}

/// Removes the first view from the app's tree and returns what was typed into it; `None` when
/// the page showed none.
pub fn take_over() -> Option<TypedBeforeStart> {
    // The app was rendered unseen while the first view was shown (the loader's mark).
    if let Some(container) = embedding::container() {
        let _ = container.remove_attribute("data-app-starting");
    }
    let view = embedding::query(SELECTOR)?;
    let mut typed = TypedBeforeStart::default();
    if let Ok(controls) = view.query_selector_all("textarea, input, select") {
        for index in 0..controls.length() {
            let Some(control) = controls.item(index) else {
                continue;
            };
            if let Some(switched) = switched_option(&control) {
                typed.switched.push(switched);
            } else if let Some((name, text)) = typed_text(&control) {
                typed.texts.push((name, text));
            }
        }
    }
    // A button pressed last keeps no focus: what the app does when it is pressed decides.
    typed.caret = embedding::active_element()
        .filter(|active| view.contains(Some(active)) && !active.has_attribute(PRESSED))
        .and_then(|active| caret(&active));
    view.remove();
    Some(typed)
}

/// A view option the person switched: a checkbox with an id and no name (no field of the draft).
fn switched_option(control: &web_sys::Node) -> Option<(String, bool)> {
    let input = control.dyn_ref::<HtmlInputElement>()?;
    (input.type_() == "checkbox"
        && input.name().is_empty()
        && !input.id().is_empty()
        && input.checked() != input.default_checked())
    .then(|| (input.id(), input.checked()))
}

/// Switches the app's view option `id` to `on`, as the person did in the first view: by
/// clicking it, so that the app's own handler runs (it may already be on, from a stored setting).
pub fn switch(id: &str, on: bool) {
    let Some(input) = embedding::find_by_id(id).and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if input.checked() != on {
        input.click();
    }
}

/// Asks the loader to press the app's buttons standing where the buttons pressed in the first
/// view stood (which did nothing there), in the order first pressed. The loader kept them and
/// presses them before this returns.
pub fn press_again() {
    if let (Some(container), Ok(event)) = (
        embedding::container(),
        web_sys::Event::new("cr-press-again"),
    ) {
        let _ = container.dispatch_event(&event);
    }
}

/// The name and value of a control the person changed: a text's text, the value of a chosen
/// radio button or option, `true` or empty for a checkbox.
fn typed_text(control: &web_sys::Node) -> Option<(String, String)> {
    if let Some(area) = control.dyn_ref::<HtmlTextAreaElement>() {
        let text = area.value();
        let given = area.default_value().unwrap_or_default();
        return (text != given).then(|| (area.name(), text));
    }
    if let Some(select) = control.dyn_ref::<HtmlSelectElement>() {
        let chosen = select.selected_index();
        let given = select
            .options()
            .get_with_index(chosen.max(0) as u32)
            .and_then(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
            .is_some_and(|o| o.default_selected());
        return (!given).then(|| (select.name(), select.value()));
    }
    let input = control.dyn_ref::<HtmlInputElement>()?;
    match input.type_().as_str() {
        "text" | "email" | "tel" | "url" => {
            let text = input.value();
            (text != input.default_value()).then(|| (input.name(), text))
        }
        "radio" => {
            (input.checked() && !input.default_checked()).then(|| (input.name(), input.value()))
        }
        "checkbox" => (input.checked() != input.default_checked()).then(|| {
            (
                input.name(),
                if input.checked() { "true" } else { "" }.to_string(),
            )
        }),
        _ => None,
    }
}

fn caret(active: &Element) -> Option<Caret> {
    let id = active.id();
    if id.is_empty() {
        return None;
    }
    let (start, end) = if let Some(area) = active.dyn_ref::<HtmlTextAreaElement>() {
        (area.selection_start().ok()?, area.selection_end().ok()?)
    } else if let Some(input) = active.dyn_ref::<HtmlInputElement>() {
        (input.selection_start().ok()?, input.selection_end().ok()?)
    } else {
        (None, None)
    };
    Some(Caret {
        id,
        start: start.unwrap_or(0),
        end: end.unwrap_or(0),
    })
}

/// Puts focus and the selection back where they were, in the app's control of the same id.
pub fn restore(caret: &Caret) {
    let Some(element) = embedding::find_by_id(&caret.id) else {
        return;
    };
    super::focus(&element);
    if let Some(area) = element.dyn_ref::<HtmlTextAreaElement>() {
        let _ = area.set_selection_range(caret.start, caret.end);
    } else if let Some(input) = element.dyn_ref::<HtmlInputElement>() {
        let _ = input.set_selection_range(caret.start, caret.end);
    }
}
