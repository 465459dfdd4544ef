use super::consolidation::ContributedAnswers;
use super::draft_handle::DraftHandle;
use super::use_strings;
use crate::draft::{FieldKey, SaveStatus};
use crate::i18n::{fill, text_counts};
use gloo::timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// What a free-text field edits in the draft.
#[derive(Clone, PartialEq)]
enum Target {
    Answer(AttrValue),
    Comment(AttrValue),
}

/// A text field bound to the draft. The browser owns the field's text while the person types
/// (it is never re-rendered then); each input is recorded in the draft as it happens.
#[hook]
fn use_draft_text(target: Target) -> (AttrValue, Callback<String>) {
    let handle = use_context::<DraftHandle>().expect("a text field needs the draft");
    let initial = {
        let handle = handle.clone();
        use_memo(target.clone(), move |target| {
            AttrValue::from(handle.with(|s| match target {
                Target::Answer(id) => s.draft().answer(id).to_string(),
                Target::Comment(key) => s.draft().comment(key).to_string(),
            }))
        })
    };
    let record = Callback::from(move |text: String| match &target {
        Target::Answer(id) => handle.set_answer(id, &text),
        Target::Comment(key) => handle.set_comment(key, &text),
    });
    ((*initial).clone(), record)
}

/// Fits a field holding stored text to it once it is in the page, where the engine does not.
#[hook]
fn use_fit_when_mounted(field: &NodeRef, initial: &AttrValue) {
    let (field, has_text) = (field.clone(), !initial.is_empty());
    use_effect_with((), move |_| {
        if let (true, Some(area)) = (has_text, field.cast::<HtmlTextAreaElement>()) {
            crate::platform::field_sizing::fit_to_text(&area, false);
        }
    });
}

/// The text of the field an input event came from.
fn field_text(event: &InputEvent) -> String {
    event.target_unchecked_into::<HtmlTextAreaElement>().value()
}

/// How long typing must pause before the count is announced.
const ANNOUNCE_AFTER_MS: u32 = 1500;
/// How long an announcement stays in the live region, so that reading the page later never
/// meets a stale count there.
const ANNOUNCEMENT_KEPT_MS: u32 = 5000;

/// The link from an answer field to its counter: the field sends its text on every input, and
/// only the counter re-renders, never the field.
#[derive(Clone, Default)]
pub(super) struct CountFeed(Rc<RefCell<Option<Callback<String>>>>);

impl PartialEq for CountFeed {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl CountFeed {
    pub(super) fn send(&self, text: String) {
        let receiver = self.0.borrow().clone();
        if let Some(receiver) = receiver {
            receiver.emit(text);
        }
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct AnswerCountProps {
    /// Id of the visible count; `None` for a field that shows no count (a comment, a detail).
    pub id: Option<AttrValue>,
    pub initial: AttrValue,
    pub feed: CountFeed,
}

/// What a person who cannot see the page hears about a field they type in: nothing while they
/// type, then once, politely, after a pause: the answer's count, and that the draft is saved
/// (when it is; a failure to save is an alert of its own). The visible count changes as they
/// type, but describes nothing, so no screen reader reads it at each key.
#[function_component]
pub(super) fn AnswerCount(props: &AnswerCountProps) -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("a count needs the draft");
    let counted = props.id.is_some();
    let counts = use_state(|| text_counts(&props.initial));
    let announced = use_state(String::new);
    let pause = use_mut_ref(|| None::<Timeout>);
    let shown = move |(characters, words): (usize, usize)| {
        fill(
            strings.answer_count,
            &[
                ("characters", &characters.to_string()),
                ("words", &words.to_string()),
            ],
        )
    };
    let spoken = move |counts: (usize, usize)| {
        let saved = handle.with(|s| matches!(s.status(), SaveStatus::Saved { .. }));
        match (counted, saved) {
            (true, true) => fill(strings.announce_count_saved, &[("count", &shown(counts))]),
            (true, false) => shown(counts),
            (false, true) => strings.announce_saved.to_string(),
            (false, false) => String::new(),
        }
    };
    {
        let (counts, announced, feed) = (counts.clone(), announced.clone(), props.feed.clone());
        use_effect(move || {
            *feed.0.borrow_mut() = Some(Callback::from(move |text: String| {
                let now = text_counts(&text);
                if now == *counts {
                    return;
                }
                counts.set(now);
                let (announced, spoken) = (announced.clone(), spoken.clone());
                // Replacing the timeout cancels the previous one: only a pause announces.
                *pause.borrow_mut() = Some(Timeout::new(ANNOUNCE_AFTER_MS, move || {
                    announced.set(spoken(now));
                    let clear = Callback::from(move |()| announced.set(String::new()));
                    crate::platform::after(ANNOUNCEMENT_KEPT_MS, clear).forget();
                }));
            }));
        });
    }
    html! {
        <>
            if let Some(id) = &props.id {
                <p class="cr-question__count" id={id.clone()} aria-hidden="true">{ shown(*counts) }</p>
            }
            <p class="cr-visually-hidden" aria-live="polite">{ (*announced).clone() }</p>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    /// The question's id (`4.iii`); the field is named `answer-<id>`.
    pub id: AttrValue,
    /// The number as printed (`（iii）`).
    pub number: AttrValue,
    pub text: AttrValue,
    /// Where the question's English comes from, when shown in English.
    #[prop_or_default]
    pub origin: Option<AttrValue>,
    /// Set aside by the "unanswered only" view: hidden, but kept in the page.
    #[prop_or_default]
    pub hidden: bool,
}

/// One question, its answer field, and one-click answers that stay editable.
#[function_component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let strings = use_strings();
    let (initial, record) = use_draft_text(Target::Answer(props.id.clone()));
    let feed = (*use_memo((), |_| CountFeed::default())).clone();
    // Typed or added by a quick answer, new text goes the same way: into the draft, then to the
    // counter.
    let apply = {
        let feed = feed.clone();
        Callback::from(move |text: String| {
            record.emit(text.clone());
            feed.send(text);
        })
    };
    // The field's text is read once per key press: a long answer crosses from JavaScript once.
    let oninput = apply.reform(|event: InputEvent| field_text(&event));
    let field = use_node_ref();
    let quick = |phrase: &'static str| {
        let (field, apply) = (field.clone(), apply.clone());
        let onclick = Callback::from(move |_: MouseEvent| {
            let Some(area) = field.cast::<HtmlTextAreaElement>() else {
                return;
            };
            let current = area.value();
            let text = if current.trim().is_empty() {
                phrase.to_string()
            } else {
                format!("{current}\n{phrase}")
            };
            area.set_value(&text);
            crate::platform::field_sizing::fit_to_text(&area, false);
            apply.emit(text);
            let _ = area.focus();
        });
        html! { <button type="button" class="cr-button cr-button--quiet" {onclick}>{ phrase }</button> }
    };
    let quick_buttons =
        html! { <>{ quick(strings.quick_no_comment) }{ quick(strings.quick_not_familiar) }</> };
    use_fit_when_mounted(&field, &initial);
    let field_id = format!("answer-{}", props.id);
    let field_id_for_desk = field_id.clone();
    let hint_id = format!("answer-hint-{}", props.id);
    let origin_id = format!("answer-origin-{}", props.id);
    let count_id = format!("answer-count-{}", props.id);
    // Never the count: a description that changed at each key would be read at each key.
    let described_by = match &props.origin {
        Some(_) => format!("{origin_id} {hint_id}"),
        None => hint_id.clone(),
    };
    html! {
        <div class="cr-question" id={format!("question-{}", props.id)} hidden={props.hidden}>
            <label class="cr-question__label" for={field_id.clone()}>
                <span class="cr-question__number">{ &props.number }</span>
                { " " }
                <span class="cr-question__text">{ &props.text }</span>
            </label>
            if let Some(origin) = &props.origin {
                <p class="cr-origin" id={origin_id}>{ format!("[{origin}]") }</p>
            }
            <p class="cr-question__hint" id={hint_id}>{ strings.answer_label }</p>
            <textarea
                ref={field}
                class="cr-question__answer"
                id={field_id.clone()}
                name={field_id}
                rows="5"
                aria-describedby={described_by}
                defaultvalue={initial.clone()}
                {oninput}
            />
            <AnswerCount id={Some(AttrValue::from(count_id))} initial={initial.clone()} feed={feed.clone()} />
            <div class="cr-question__quick" role="group" aria-label={strings.quick_answers}>
                { quick_buttons }
            </div>
            <ContributedAnswers field={FieldKey::Answer(props.id.to_string()).to_string()} field_name={field_id_for_desk} title={props.number.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CommentFieldProps {
    /// An area id, or `general`; the field is named `comment-<key>`.
    pub key_name: AttrValue,
    pub label: AttrValue,
}

/// A comment on missing or wrongly identified issues.
#[function_component]
pub fn CommentField(props: &CommentFieldProps) -> Html {
    let (initial, record) = use_draft_text(Target::Comment(props.key_name.clone()));
    let feed = (*use_memo((), |_| CountFeed::default())).clone();
    let oninput = {
        let feed = feed.clone();
        Callback::from(move |event: InputEvent| {
            let text = field_text(&event);
            record.emit(text.clone());
            feed.send(text);
        })
    };
    let field = use_node_ref();
    use_fit_when_mounted(&field, &initial);
    let field_id = format!("comment-{}", props.key_name);
    html! {
        <div class="cr-comment">
            <label class="cr-comment__label" for={field_id.clone()}>{ &props.label }</label>
            <textarea ref={field} class="cr-question__answer" id={field_id.clone()} name={field_id.clone()} rows="4"
                defaultvalue={initial.clone()} {oninput} />
            <AnswerCount id={None::<AttrValue>} {initial} {feed} />
            <ContributedAnswers field={FieldKey::Comment(props.key_name.to_string()).to_string()} field_name={field_id} title={props.label.clone()} />
        </div>
    }
}
