use super::draft_handle::DraftHandle;
use super::use_strings;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionFieldProps {
    /// The question's id (`4.iii`); the field is named `answer-<id>`.
    pub id: AttrValue,
    /// The number as printed (`（iii）`).
    pub number: AttrValue,
    pub text: AttrValue,
}

/// One question and its answer field. The field is not re-rendered while the person types: the
/// browser owns its text and each input is recorded in the draft as it happens.
#[function_component]
pub fn QuestionField(props: &QuestionFieldProps) -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("QuestionField needs the draft");
    let initial = use_memo(props.id.clone(), |id| AttrValue::from(handle.answer(id)));
    let oninput = {
        let id = props.id.clone();
        Callback::from(move |event: InputEvent| {
            let field: HtmlTextAreaElement = event.target_unchecked_into();
            handle.set_answer(&id, &field.value());
        })
    };
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
                class="cr-question__answer"
                id={field_id.clone()}
                name={field_id}
                rows="5"
                aria-describedby={hint_id}
                defaultvalue={(*initial).clone()}
                {oninput}
            />
        </div>
    }
}
