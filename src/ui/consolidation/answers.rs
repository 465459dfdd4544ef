//! Under a question (or a comment field): what the contributors wrote, identical texts once with
//! all their labels, each one click from the consolidated answer; and the "considered" mark.

use super::Desk;
use crate::consolidation::{answer_groups, field_text, insert_into};
use crate::i18n::fill;
use crate::platform;
use crate::ui::draft_handle::DraftHandle;
use crate::ui::use_strings;
use yew::platform::spawn_local;
use yew::prelude::*;

/// With up to this many contributors, every question shows their answers open. With more, each
/// question's contributions fold into one line (how many, how many different) that opens with a
/// click: the page stays readable, and typing stays about as fast as without contributions, since
/// only the contributions opened are in the page.
const OPEN_UP_TO: usize = 5;

#[derive(Properties, PartialEq)]
pub struct ContributedAnswersProps {
    /// The draft field consolidated: `answer:<id>` or `comment:<key>`.
    pub field: AttrValue,
    /// The `name` of the form field that holds the consolidated text.
    pub field_name: AttrValue,
    /// How the question is cited, for the controls' accessible names.
    pub title: AttrValue,
}

/// Nothing until the draft has contributions.
#[function_component]
pub fn ContributedAnswers(props: &ContributedAnswersProps) -> Html {
    let strings = use_strings();
    let desk = use_context::<Desk>();
    let handle = use_context::<DraftHandle>().expect("contributions go with a draft");
    let message = use_state(String::new);
    // The person's own opening or folding, once they chose; until then the desk's default.
    let chosen_open = use_state(|| None::<bool>);
    let Some(desk) = desk.filter(|desk| !desk.is_empty()) else {
        return html! {};
    };
    let open = chosen_open.unwrap_or(desk.len() <= OPEN_UP_TO);
    let ontoggle = {
        let chosen_open = chosen_open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::Element = e.target_unchecked_into();
            chosen_open.set(Some(details.has_attribute("open")));
        })
    };
    let field = props.field.to_string();
    let (groups, answered) = desk.with(|list| {
        let groups = answer_groups(list, &field);
        let answered = groups.iter().map(|g| g.contributors.len()).sum::<usize>();
        let groups = groups
            .into_iter()
            .map(|group| (group.labels(list, strings.desk_label_join), group.text))
            .collect::<Vec<_>>();
        (groups, answered)
    });
    let considered = handle.with(|s| s.draft().is_considered(&field));
    let slug = field.replace([':', '.'], "-");

    let item = |(labels, text): &(String, String)| {
        let insert = {
            let (handle, desk, message) = (handle.clone(), desk.clone(), message.clone());
            let (field, name, labels, text) = (
                field.clone(),
                props.field_name.to_string(),
                labels.clone(),
                text.clone(),
            );
            Callback::from(move |_: MouseEvent| {
                let current = handle.with(|s| field_text(s.draft(), &field).to_string());
                let label = desk.prefix_label().then_some(labels.as_str());
                // The field records its new text as if typed, and its counter follows.
                platform::set_field_text(&name, &insert_into(&current, &text, label));
                message.set(fill(strings.desk_inserted, &[("label", &labels)]));
            })
        };
        let copy = {
            let (message, text) = (message.clone(), text.clone());
            Callback::from(move |_: MouseEvent| {
                let (message, text) = (message.clone(), text.clone());
                spawn_local(async move {
                    let copied = platform::copy_to_clipboard(&text).await;
                    message.set(
                        if copied {
                            strings.desk_copied
                        } else {
                            strings.desk_copy_failed
                        }
                        .to_string(),
                    );
                });
            })
        };
        html! {
            <li class="cr-contribution">
                <p class="cr-contribution__who">{ labels }</p>
                <div class="cr-contribution__text">{ text }</div>
                <div class="cr-buttons">
                    <button type="button" class="cr-button cr-button--secondary" onclick={insert}>
                        { strings.desk_insert }
                        <span class="cr-visually-hidden">{ format!("{}{labels}", strings.label_separator) }</span>
                    </button>
                    <button type="button" class="cr-button cr-button--quiet" onclick={copy}>
                        { strings.desk_copy }
                        <span class="cr-visually-hidden">{ format!("{}{labels}", strings.label_separator) }</span>
                    </button>
                </div>
            </li>
        }
    };
    let on_considered = {
        let (handle, desk, field) = (handle.clone(), desk.clone(), field.clone());
        Callback::from(move |e: Event| {
            let on = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .checked();
            handle.edit(|d| d.set_considered(&field, on));
            desk.changed();
        })
    };
    let heading = if groups.len() > 1 {
        fill(
            strings.desk_contributions_differ,
            &[
                ("n", &answered.to_string()),
                ("k", &groups.len().to_string()),
            ],
        )
    } else {
        fill(
            strings.desk_contributions_heading,
            &[("n", &answered.to_string())],
        )
    };
    let heading_id = format!("contributions-{slug}");
    let check_id = format!("considered-{slug}");
    html! {
        <section class="cr-contributions">
            if groups.is_empty() {
                <p class="cr-contributions__heading" id={heading_id}>{ heading }</p>
                <p class="cr-contributions__none">{ strings.desk_none_for_field }</p>
            } else {
                <details class="cr-contributions__details" {open} {ontoggle}>
                    <summary class="cr-contributions__heading" id={heading_id}>{ heading }</summary>
                    // Folded contributions are not in the page at all: thirty full drafts' text
                    // under every question, even hidden, made each key press twice as slow.
                    if open {
                        <ul class="cr-contributions__list">{ for groups.iter().map(item) }</ul>
                    }
                </details>
            }
            <div class="cr-check">
                <input type="checkbox" id={check_id.clone()} checked={considered} onchange={on_considered} />
                <label for={check_id}>
                    { strings.desk_mark_considered }
                    <span class="cr-visually-hidden">{ format!("{}{}", strings.label_separator, props.title) }</span>
                </label>
            </div>
            <p class="cr-contributions__message" role="status">{ (*message).clone() }</p>
        </section>
    }
}
