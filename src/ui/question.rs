use super::draft_handle::DraftHandle;
use super::use_strings;
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
fn use_draft_text(target: Target) -> (AttrValue, Callback<InputEvent>) {
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
    let oninput = Callback::from(move |event: InputEvent| {
        let text = event.target_unchecked_into::<HtmlTextAreaElement>().value();
        match &target {
            Target::Answer(id) => handle.set_answer(id, &text),
            Target::Comment(key) => handle.edit(|d| d.set_comment(key, &text)),
        }
    });
    ((*initial).clone(), oninput)
}

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    /// The question's id (`4.iii`); the field is named `answer-<id>`.
    pub id: AttrValue,
    /// The number as printed (`（iii）`).
    pub number: AttrValue,
    pub text: AttrValue,
}

/// One question, its answer field, and one-click answers that stay editable.
#[function_component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("QuestionField needs the draft");
    let (initial, oninput) = use_draft_text(Target::Answer(props.id.clone()));
    let field = use_node_ref();
    let quick = |phrase: &'static str| {
        let (field, handle, id) = (field.clone(), handle.clone(), props.id.clone());
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
            handle.set_answer(&id, &text);
            let _ = area.focus();
        });
        html! { <button type="button" class="cr-button cr-button--quiet" {onclick}>{ phrase }</button> }
    };
    let quick_buttons =
        html! { <>{ quick(strings.quick_no_comment) }{ quick(strings.quick_not_familiar) }</> };
    let field_id = format!("answer-{}", props.id);
    let hint_id = format!("answer-hint-{}", props.id);
    html! {
        <div class="cr-question" id={format!("question-{}", props.id)}>
            <label class="cr-question__label" for={field_id.clone()}>
                <span class="cr-question__number">{ &props.number }</span>
                <span class="cr-question__text">{ &props.text }</span>
            </label>
            <p class="cr-question__hint" id={hint_id.clone()}>{ strings.answer_label }</p>
            <textarea
                ref={field}
                class="cr-question__answer"
                id={field_id.clone()}
                name={field_id}
                rows="5"
                aria-describedby={hint_id}
                defaultvalue={initial}
                {oninput}
            />
            <div class="cr-question__quick" role="group" aria-label={strings.quick_answers}>
                { quick_buttons }
            </div>
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
    let (initial, oninput) = use_draft_text(Target::Comment(props.key_name.clone()));
    let field_id = format!("comment-{}", props.key_name);
    html! {
        <div class="cr-comment">
            <label class="cr-comment__label" for={field_id.clone()}>{ &props.label }</label>
            <textarea class="cr-question__answer" id={field_id.clone()} name={field_id} rows="4"
                defaultvalue={initial} {oninput} />
        </div>
    }
}
