use super::draft_handle::DraftHandle;
use super::use_strings;
use crate::catalog::Consultation;
use crate::draft::RespondentText;
use crate::export::question_number;
use crate::i18n::{fill, text_label, Strings};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ConflictsProps {
    /// Field key and the other version's text.
    pub conflicts: Vec<(String, String)>,
}

/// Fields two windows changed at once: both texts are kept until the person chooses.
#[function_component]
pub fn Conflicts(props: &ConflictsProps) -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("Conflicts needs the draft");
    html! {
        <div class="cr-notice cr-notice--warning cr-conflicts" role="alert">
            <h2 class="cr-conflicts__heading">{ strings.conflict_heading }</h2>
            <p>{ strings.conflict_intro }</p>
            { for props.conflicts.iter().map(|(key, other)| {
                let current = handle.with(|s| s.draft().fields().get(key).cloned().unwrap_or_default());
                let choose = |text: String, label: &'static str| {
                    let (handle, key) = (handle.clone(), key.clone());
                    let onclick = Callback::from(move |_: MouseEvent| handle.resolve_conflict(&key, &text));
                    html! { <button type="button" class="cr-button cr-button--secondary" {onclick}>{ label }</button> }
                };
                let both = if current.trim().is_empty() { other.clone() } else { format!("{current}\n\n{other}") };
                html! {
                    <div class="cr-conflict">
                        <h3 class="cr-conflict__field">{ field_label(key, strings) }</h3>
                        <p class="cr-conflict__label">{ strings.conflict_other_version }</p>
                        <blockquote class="cr-conflict__text">{ other }</blockquote>
                        <div class="cr-buttons">
                            { choose(other.clone(), strings.conflict_use_other) }
                            { choose(both, strings.conflict_keep_both) }
                            { choose(current, strings.conflict_keep_this) }
                        </div>
                    </div>
                }
            }) }
        </div>
    }
}

/// A field key (`answer:4.iii`) as the person knows the field.
fn field_label(key: &str, strings: &Strings) -> String {
    let paper = Consultation::wipo_2019();
    if let Some(id) = key.strip_prefix("answer:") {
        let all = paper.answerables();
        return all
            .iter()
            .find(|q| q.id == id)
            .map_or(id.to_string(), |q| question_number(q, strings));
    }
    if let Some(area_id) = key.strip_prefix("comment:") {
        return match paper.areas.iter().find(|a| a.id == area_id) {
            Some(area) => fill(
                strings.conflict_comment,
                &[("area", area.heading.get(strings.language))],
            ),
            None => strings.comment_general_heading.to_string(),
        };
    }
    let detail = key.strip_prefix("respondent:").unwrap_or(key);
    RespondentText::ALL
        .into_iter()
        .find(|f| f.code() == detail)
        .map_or(detail.to_string(), |f| text_label(f, strings).to_string())
}
