//! Checking, downloading, printing and sending the response, and opening a saved draft.

mod import;

use super::browser_storage::BrowserDrafts;
use super::draft_handle::DraftHandle;
use super::history::HistoryPanel;
use super::reveal_on_click;
use super::view::{use_view, View};
use super::{use_paper, use_strings};
use crate::catalog::Consultation;
use crate::draft::{Capacity, Draft};
use crate::export::{self, html, outline, Format};
use crate::i18n::{fill, long_date, paper_words, Strings};
use crate::language::Language;
use crate::platform;
use import::Import;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// The section after the paper: review, download, print, send, import.
#[function_component]
pub fn Submission() -> Html {
    let strings = use_strings();
    html! {
        <section class="cr-submit" id="cr-submit" aria-labelledby="cr-submit-heading">
            <h2 class="cr-area__heading" id="cr-submit-heading">{ strings.submit_heading }</h2>
            <Review />
            <Downloads />
            <Send />
            <Import />
            <HistoryPanel />
            <BrowserDrafts />
        </section>
    }
}

/// Missing respondent details, each with the id of the field that fixes it.
fn problems(paper: &Consultation, draft: &Draft, strings: &Strings) -> Vec<(&'static str, String)> {
    let r = &draft.respondent;
    let mut out = Vec::new();
    if r.name.trim().is_empty() {
        out.push(("respondent-name", strings.review_missing_name.to_string()));
    }
    if r.capacity == Some(Capacity::OnBehalfOfOrganisation) && r.organisation.trim().is_empty() {
        out.push((
            "respondent-organisation",
            strings.review_missing_organisation.to_string(),
        ));
    }
    if r.email.trim().is_empty() {
        out.push(("respondent-email", strings.review_missing_email.to_string()));
    }
    if paper.organiser.publishes_comments && !r.publication_acknowledged {
        out.push((
            "respondent-publication-acknowledged",
            paper_words(strings.review_missing_publication, paper, strings, &[]),
        ));
    }
    out
}

/// Check your answers: every question with its answer or "not answered", a link back to each,
/// and an error summary (it takes focus) for missing respondent details. It warns, never blocks.
#[function_component]
fn Review() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let view = use_view();
    let handle = use_context::<DraftHandle>().expect("Review needs the draft");
    let shown = use_state(|| false);
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with(*shown, move |shown| {
            if *shown {
                if let Some(element) = summary.cast::<web_sys::Element>() {
                    platform::focus(&element);
                }
            }
        });
    }
    let onclick = {
        let (shown, handle) = (shown.clone(), handle.clone());
        Callback::from(move |_: MouseEvent| {
            handle.flush();
            // Re-show with fresh content even when already open.
            shown.set(false);
            shown.set(true);
        })
    };
    let body = if *shown {
        handle.with(|s| review_body(paper, s.draft(), strings, &summary, &view))
    } else {
        html! {}
    };
    html! {
        <div class="cr-panel">
            <h3 class="cr-panel__heading">{ strings.review_heading }</h3>
            <button type="button" class="cr-button cr-button--secondary" {onclick}>{ strings.review_button }</button>
            { body }
        </div>
    }
}

fn review_body(
    paper: &Consultation,
    draft: &Draft,
    strings: &Strings,
    summary: &NodeRef,
    view: &View,
) -> Html {
    let problems = problems(paper, draft, strings);
    let questions = paper.answerables();
    let answered = draft.answered_count(questions.iter().map(|q| q.id));
    let count = fill(
        strings.answered_of,
        &[
            ("answered", &answered.to_string()),
            ("total", &questions.len().to_string()),
        ],
    );
    let summary_html = if problems.is_empty() {
        html! { <p class="cr-review__ok" tabindex="-1" ref={summary.clone()}>{ strings.review_no_problems }</p> }
    } else {
        html! {
            <div class="cr-error-summary" role="alert" tabindex="-1" aria-labelledby="cr-error-summary-title" ref={summary.clone()}>
                <h4 class="cr-error-summary__title" id="cr-error-summary-title">{ strings.review_problems }</h4>
                <ul>
                    { for problems.iter().map(|(field, text)| html! { <li><a href={format!("#{field}")} onclick={reveal_on_click(field)}>{ text.clone() }</a></li> }) }
                </ul>
            </div>
        }
    };
    html! {
        <>
            { summary_html }
            <p class="cr-review__count">{ count }</p>
            <dl class="cr-review">
                { for questions.iter().map(|q| {
                    let answer = draft.answer(q.id);
                    let preview: String = answer.chars().take(140).collect();
                    let more = answer.chars().count() > 140;
                    html! {
                        <div class="cr-review__row">
                            <dt>{ export::question_number(q, strings) }</dt>
                            <dd>
                                if draft.is_answered(q.id) {
                                    { preview }{ if more { strings.ellipsis } else { "" } }
                                } else {
                                    <span class="cr-review__missing">{ strings.review_not_answered }</span>
                                }
                                { " " }
                                <a href={format!("#answer-{}", q.id)} onclick={go_to_answer(view, q.id, &q.area.id)}>
                                    { strings.review_change }
                                    <span class="cr-visually-hidden">{ format!(" {}", export::question_number(q, strings)) }</span>
                                </a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
        </>
    }
}

/// Follows a review link to an answer field even when the view hides it (a collapsed area, a
/// question set aside), and leaves the host page's address alone.
fn go_to_answer(view: &View, id: &str, area: &str) -> Callback<MouseEvent> {
    let (view, id, area) = (view.clone(), id.to_string(), area.to_string());
    Callback::from(move |event: MouseEvent| {
        event.prevent_default();
        let (area, answer) = (area.clone(), id.clone());
        view.update(move |state| {
            state.collapsed.remove(&area);
            // Only this question comes back; the rest stay set aside.
            if let Some(ids) = &state.set_aside {
                let mut ids = (**ids).clone();
                ids.remove(&answer);
                state.set_aside = Some(std::rc::Rc::new(ids));
            }
        });
        platform::reveal_after_render(format!("answer-{id}"));
    })
}

/// One button per format, the unanswered-questions option, and printing.
#[function_component]
fn Downloads() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("Downloads needs the draft");
    let include_unanswered = use_state(|| true);
    // `None` follows the interface language; a document in all the paper's languages leads with
    // it.
    let chosen_language = use_state(|| None::<DocumentLanguage>);
    let document_language = chosen_language.unwrap_or(DocumentLanguage::One(strings.language));
    let button = |format: Format, label: &'static str| {
        let (handle, include) = (handle.clone(), *include_unanswered);
        let (language, all_languages) = match document_language {
            DocumentLanguage::One(language) => (language, false),
            DocumentLanguage::All => (strings.language, true),
        };
        let onclick = Callback::from(move |_: MouseEvent| {
            if matches!(format, Format::Html | Format::DraftFile) {
                // A draft leaving as a file is named, so that a coordinator who receives a newer
                // file of it knows that it replaces the older.
                handle.edit(|d| d.ensure_identity(&platform::fresh_identity()));
            }
            handle.flush();
            let options = outline::Options {
                date: platform::today_local(),
                include_unanswered: include,
                language,
                all_languages,
            };
            let saved_at = platform::now_iso();
            let (name, bytes) =
                handle.with(|s| export::produce(format, paper, s.draft(), &options, &saved_at));
            if let Err(error) = platform::download(&name, format.mime(), &bytes) {
                gloo::console::error!(error);
            }
        });
        let class = if format == Format::Word {
            "cr-button cr-button--primary"
        } else {
            "cr-button cr-button--secondary"
        };
        html! { <button type="button" {class} {onclick}>{ label }</button> }
    };
    let on_include = {
        let include_unanswered = include_unanswered.clone();
        Callback::from(move |e: Event| {
            include_unanswered.set(e.target_unchecked_into::<HtmlInputElement>().checked())
        })
    };
    let on_print = {
        let handle = handle.clone();
        Callback::from(move |_: MouseEvent| {
            handle.flush();
            platform::print();
        })
    };
    let mut names = String::new();
    for language in &paper.languages {
        if !names.is_empty() {
            names.push_str(strings.desk_label_join);
        }
        names.push_str(language.strings().language_name);
    }
    let all_languages_label = fill(strings.download_all_languages, &[("languages", &names)]);
    let mut choices = Vec::with_capacity(paper.languages.len() + 1);
    for &language in &paper.languages {
        choices.push(DocumentLanguage::One(language));
    }
    choices.push(DocumentLanguage::All);
    html! {
        <div class="cr-panel">
            <h3 class="cr-panel__heading" id="cr-download-heading">{ strings.download_heading }</h3>
            <div class="cr-choice">
                <input class="cr-choice__input" type="checkbox" id="download-include-unanswered"
                    checked={*include_unanswered} onchange={on_include} />
                <label class="cr-choice__label" for="download-include-unanswered">{ strings.download_include_unanswered }</label>
            </div>
            // A paper in one language has nothing to choose.
            if paper.languages.len() > 1 {
            <fieldset class="cr-fieldset">
                <legend class="cr-fieldset__legend">{ strings.download_language_legend }</legend>
                { for choices.into_iter().map(|choice| {
                        let chosen_language = chosen_language.clone();
                        let onchange = Callback::from(move |_: Event| chosen_language.set(Some(choice)));
                        let (id, label, lang) = match choice {
                            DocumentLanguage::One(language) => (
                                format!("download-language-{}", language.tag()),
                                language.strings().language_name.to_string(),
                                Some(language.tag()),
                            ),
                            DocumentLanguage::All => ("download-language-all".to_string(), all_languages_label.clone(), None),
                        };
                        html! {
                            <div class="cr-choice">
                                <input class="cr-choice__input" type="radio" name="download-language" id={id.clone()}
                                    checked={choice == document_language} {onchange} />
                                <label class="cr-choice__label" for={id} {lang}>{ label }</label>
                            </div>
                        }
                    }) }
            </fieldset>
            }
            // The group is named for what its buttons do: a person tabbing in hears "download".
            <div class="cr-buttons" role="group" aria-labelledby="cr-download-heading">
                { button(Format::Word, strings.download_word) }
                { button(Format::Html, strings.download_html) }
                { button(Format::Markdown, strings.download_markdown) }
                { button(Format::Text, strings.download_text) }
                { button(Format::DraftFile, strings.download_draft_file) }
                <button type="button" class="cr-button cr-button--secondary" onclick={on_print}>{ strings.print_button }</button>
            </div>
            <p class="cr-panel__hint">{ fill(strings.download_hint, &[("email", &paper.email)]) }</p>
        </div>
    }
}

/// The language of a downloaded document.
#[derive(Clone, Copy, PartialEq)]
enum DocumentLanguage {
    One(Language),
    /// The interface language first, each heading and question followed by the paper's other
    /// languages.
    All,
}

/// The address and subject to send to, each copyable, and a mailto link with only those two.
#[function_component]
fn Send() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let subject = outline::subject(paper, strings);
    let mailto = format!(
        "mailto:{}?subject={}",
        paper.email,
        percent_encode(&subject)
    );
    html! {
        <div class="cr-panel">
            <h3 class="cr-panel__heading">{ paper_words(strings.send_heading, paper, strings, &[]) }</h3>
            <ol class="cr-steps">
                { for strings.send_steps.iter().map(|step| html! { <li>{ *step }</li> }) }
            </ol>
            <CopyField id="send-address" label={strings.send_address} value={paper.email.clone()} />
            <CopyField id="send-subject" label={strings.send_subject} value={subject} />
            <p><a class="cr-link" href={mailto}>{ strings.send_mail_link }</a></p>
            <p class="cr-panel__hint">{ paper_words(strings.send_deadline, paper, strings, &[("date", &long_date(&paper.deadline, strings))]) }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct CopyFieldProps {
    id: AttrValue,
    label: AttrValue,
    value: AttrValue,
}

/// A read-only value with a copy button that says when it has copied.
#[function_component]
fn CopyField(props: &CopyFieldProps) -> Html {
    let strings = use_strings();
    let copied = use_state(|| false);
    let onclick = {
        let (copied, value) = (copied.clone(), props.value.clone());
        Callback::from(move |_: MouseEvent| {
            let (copied, value) = (copied.clone(), value.clone());
            spawn_local(async move { copied.set(platform::copy_to_clipboard(&value).await) });
        })
    };
    html! {
        <div class="cr-field cr-copy">
            <label class="cr-field__label" for={props.id.clone()}>{ &props.label }</label>
            <div class="cr-copy__row">
                <input class="cr-field__input" type="text" readonly=true id={props.id.clone()} value={props.value.clone()} />
                <button type="button" class="cr-button cr-button--secondary" {onclick}>
                    { strings.send_copy }<span class="cr-visually-hidden">{ format!(" {}", props.label) }</span>
                </button>
                <span class="cr-copy__done" role="status">{ if *copied { strings.send_copied } else { "" } }</span>
            </div>
        </div>
    }
}

/// Percent-encodes a mailto header value (RFC 6068).
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// How long after the last change the print copy is brought up to date.
const PRINT_COPY_PAUSE_MS: u32 = 1_000;

/// The response as it prints: hidden on screen, and the only thing the print stylesheet shows.
/// Kept current after every save and just before printing.
#[derive(Properties, PartialEq)]
pub struct PrintCopyProps {
    /// Changes whenever the draft was saved or replaced.
    pub version: AttrValue,
}

#[function_component]
pub fn PrintCopy(props: &PrintCopyProps) -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let handle = use_context::<DraftHandle>().expect("PrintCopy needs the draft");
    let node = use_node_ref();
    let render = {
        let (handle, node) = (handle.clone(), node.clone());
        move || {
            let Some(element) = node.cast::<web_sys::Element>() else {
                return;
            };
            let options = outline::Options {
                date: platform::today_local(),
                include_unanswered: true,
                language: strings.language,
                all_languages: false,
            };
            let tree =
                handle.with(|s| html::document(&outline::outline(paper, s.draft(), &options)));
            let _ = platform::replace_contents(&element, &tree);
        }
    };
    {
        // Writing the whole response is not work for a key press: it is done once typing has
        // paused, and at once whenever the page is printed.
        let render = render.clone();
        use_effect_with(props.version.clone(), move |_| {
            let pending = gloo::timers::callback::Timeout::new(PRINT_COPY_PAUSE_MS, render);
            move || drop(pending)
        });
    }
    use_effect_with((), move |_| {
        let listeners = platform::before_print(move || {
            handle.flush();
            render();
        });
        move || drop(listeners)
    });
    html! { <div class="cr-print" ref={node}></div> }
}
