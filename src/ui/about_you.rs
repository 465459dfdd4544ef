//! The respondent's details and their publication choice.

use super::draft_handle::DraftHandle;
use super::question::{AnswerCount, CountFeed};
use super::{use_paper, use_strings};
use crate::draft::{Capacity, Publication, Respondent, RespondentText};
use crate::i18n::{paper_words, text_label};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AboutYouProps {
    pub respondent: Respondent,
}

/// "About you": name, title, organisation, capacity, kind, country, email, and the
/// acknowledgement that WIPO publishes the comments it receives.
#[function_component]
pub fn AboutYou(props: &AboutYouProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("AboutYou needs the draft");
    // Text fields keep the text the person types; they are filled from the draft once.
    let initial = use_memo((), |_| props.respondent.clone());
    let r = &props.respondent;

    let text_field = |field: RespondentText, autocomplete: &'static str| {
        html! { <RespondentTextField {field} {autocomplete} initial={initial.text(field).to_string()} /> }
    };
    let choose = |change: fn(&mut Respondent, &str) -> bool| {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            handle.edit(|d| change(&mut d.respondent, &value));
        })
    };
    let on_capacity = choose(|r, v| {
        let new = Some(if v == "personal" {
            Capacity::Personal
        } else {
            Capacity::OnBehalfOfOrganisation
        });
        replace_changed(&mut r.capacity, new)
    });
    let on_publication = choose(|r, v| {
        let new = Some(if v == "with-name" {
            Publication::WithName
        } else {
            Publication::NameWithheld
        });
        replace_changed(&mut r.publication, new)
    });
    let on_acknowledge = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let checked = e.target_unchecked_into::<HtmlInputElement>().checked();
            handle.edit(|d| replace_changed(&mut d.respondent.publication_acknowledged, checked));
        })
    };
    let on_kind = {
        let handle = handle.clone();
        Callback::from(move |e: Event| {
            let chosen = e.target_unchecked_into::<HtmlSelectElement>().value();
            let kind = (!chosen.is_empty()).then_some(chosen);
            handle.edit(|d| replace_changed(&mut d.respondent.kind, kind));
        })
    };
    let radio = |name: &'static str,
                 value: &'static str,
                 label: &'static str,
                 checked: bool,
                 onchange: &Callback<Event>| {
        let id = format!("{name}-{value}");
        html! {
            <div class="cr-choice">
                <input class="cr-choice__input" type="radio" id={id.clone()} {name} {value} {checked} onchange={onchange.clone()} />
                <label class="cr-choice__label" for={id}>{ label }</label>
            </div>
        }
    };

    html! {
        <section class="cr-about" aria-labelledby="cr-about-heading">
            <h2 class="cr-area__heading" id="cr-about-heading">{ strings.about_heading }</h2>
            <p class="cr-about__intro">{ paper_words(strings.about_intro, paper, strings, &[]) }</p>
            { text_field(RespondentText::Name, "name") }
            { text_field(RespondentText::Title, "organization-title") }
            { text_field(RespondentText::Organisation, "organization") }
            <fieldset class="cr-fieldset">
                <legend class="cr-fieldset__legend">{ strings.capacity_legend }</legend>
                { radio("respondent-capacity", "personal", strings.capacity_personal, r.capacity == Some(Capacity::Personal), &on_capacity) }
                { radio("respondent-capacity", "on-behalf-of-organisation", strings.capacity_organisation, r.capacity == Some(Capacity::OnBehalfOfOrganisation), &on_capacity) }
            </fieldset>
            // Only a paper that lists kinds of respondent asks for one.
            if !paper.respondent_kinds.is_empty() {
            <div class="cr-field">
                <label class="cr-field__label" for="respondent-kind">{ strings.kind_label }</label>
                <select class="cr-field__input" id="respondent-kind" name="respondent-kind" onchange={on_kind}>
                    <option value="" selected={r.kind.is_none()}>{ strings.kind_choose }</option>
                    { for paper.respondent_kinds.iter().map(|k| html! {
                        <option value={k.id.clone()} selected={r.kind.as_deref() == Some(k.id.as_str())}>{ k.label.get(strings.language) }</option>
                    }) }
                    // A kind this paper does not list (from another paper's draft) stays shown.
                    if let Some(kept) = r.kind.as_deref().filter(|id| !paper.respondent_kinds.iter().any(|k| k.id == *id)) {
                        <option value={kept.to_string()} selected=true>{ kept }</option>
                    }
                </select>
            </div>
            }
            { text_field(RespondentText::Country, "country-name") }
            { text_field(RespondentText::Email, "email") }
            // Only an organiser that publishes the comments asks about it.
            if paper.organiser.publishes_comments {
            <fieldset class="cr-fieldset">
                <legend class="cr-fieldset__legend">{ strings.publication_legend }</legend>
                <p class="cr-fieldset__hint">{ paper_words(strings.publication_notice, paper, strings, &[]) }</p>
                <div class="cr-choice">
                    <input class="cr-choice__input" type="checkbox" id="respondent-publication-acknowledged"
                        name="respondent-publication_acknowledged" checked={r.publication_acknowledged} onchange={on_acknowledge} />
                    <label class="cr-choice__label" for="respondent-publication-acknowledged">{ paper_words(strings.publication_acknowledge, paper, strings, &[]) }</label>
                </div>
                { radio("respondent-publication", "with-name", strings.publication_with_name, r.publication == Some(Publication::WithName), &on_publication) }
                { radio("respondent-publication", "name-withheld", strings.publication_withheld, r.publication == Some(Publication::NameWithheld), &on_publication) }
            </fieldset>
            }
        </section>
    }
}

/// Puts `new` in `slot`; returns whether that changed it.
fn replace_changed<T: PartialEq>(slot: &mut T, new: T) -> bool {
    let changed = *slot != new;
    *slot = new;
    changed
}

#[derive(Properties, PartialEq)]
struct RespondentTextFieldProps {
    field: RespondentText,
    autocomplete: &'static str,
    initial: AttrValue,
}

/// A one-line detail. Its text is set once when it appears and then belongs to the browser:
/// Yew would otherwise write its `value` back over what the person is typing on every render.
#[function_component]
fn RespondentTextField(props: &RespondentTextFieldProps) -> Html {
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("a respondent field needs the draft");
    let input = use_node_ref();
    {
        let (input, initial) = (input.clone(), props.initial.clone());
        use_effect_with((), move |_| {
            if let Some(input) = input.cast::<HtmlInputElement>() {
                input.set_value(&initial);
            }
        });
    }
    let field = props.field;
    let feed = (*use_memo((), |_| CountFeed::default())).clone();
    let oninput = {
        let feed = feed.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            handle.edit(|d| d.respondent.set_text(field, &value));
            feed.send(value);
        })
    };
    let id = format!("respondent-{}", field.code());
    let kind = if field == RespondentText::Email {
        "email"
    } else {
        "text"
    };
    html! {
        <div class="cr-field">
            <label class="cr-field__label" for={id.clone()}>{ text_label(field, strings) }</label>
            <input ref={input} class="cr-field__input" type={kind} id={id.clone()} name={id}
                autocomplete={props.autocomplete} {oninput} />
            // After a pause in typing: that the draft is saved.
            <AnswerCount id={None::<AttrValue>} initial={props.initial.clone()} {feed} />
        </div>
    }
}
