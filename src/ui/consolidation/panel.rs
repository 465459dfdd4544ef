//! The desk's own panel: adding contribution files, who contributed, the filters, progress, and
//! the compilation of contributions.

use super::{Desk, ReadFile};
use crate::consolidation::{compilation, Filter};
use crate::draft::FieldKey;
use crate::export::outline::Options;
use crate::export::{docx, html as html_writer, markdown, Format};
use crate::i18n::{fill, Strings};
use crate::platform;
use crate::ui::draft_handle::DraftHandle;
use crate::ui::file_picker::{read_draft_file, FilePicker};
use crate::ui::view::use_view;
use crate::ui::{use_paper, use_strings};
use std::collections::BTreeSet;
use std::rc::Rc;
use web_sys::HtmlInputElement;
use yew::platform::spawn_local;
use yew::prelude::*;

/// Reads every file, then adds them all at once (in the order given).
fn read_files(
    files: Vec<web_sys::File>,
    desk: Desk,
    report: UseStateHandle<Vec<String>>,
    strings: &'static Strings,
) {
    spawn_local(async move {
        let mut read: Vec<ReadFile> = Vec::new();
        for file in files {
            read.push((
                file.name(),
                read_draft_file(&file, &desk.paper().id, strings).await,
            ));
        }
        report.set(desk.add(read, strings));
    });
}

#[derive(Properties, PartialEq)]
pub struct DeskToggleProps {
    pub open: bool,
    pub on_toggle: Callback<()>,
}

/// The desk's button, in the drafts bar: most people who open the page answer, and only a
/// coordinator combines others' answers, so the desk takes no line of the first screen until
/// opened. It says how many contributions the open draft has.
#[function_component]
pub fn DeskToggle(props: &DeskToggleProps) -> Html {
    let strings = use_strings();
    let desk = use_context::<Desk>().expect("the desk is provided");
    let count = desk.len();
    let text = if count == 0 {
        strings.desk_open.to_string()
    } else {
        fill(
            strings.desk_open_count,
            &[("label", strings.desk_open), ("n", &count.to_string())],
        )
    };
    let onclick = props.on_toggle.reform(|_: MouseEvent| ());
    html! {
        <button type="button" class="cr-button cr-button--quiet cr-drafts__toggle" id="cr-desk-toggle"
            aria-expanded={props.open.to_string()} aria-controls="cr-desk" {onclick}>
            { text }
        </button>
    }
}

/// The desk itself, below the drafts bar while open.
#[function_component]
pub fn DeskPanel() -> Html {
    let strings = use_strings();
    let desk = use_context::<Desk>().expect("the desk is provided");
    let report = use_state(Vec::<String>::new);
    let count = desk.len();
    let on_files = {
        let (desk, report) = (desk.clone(), report.clone());
        Callback::from(move |files| read_files(files, desk.clone(), report.clone(), strings))
    };
    html! {
        <section class="cr-desk" id="cr-desk" aria-labelledby="cr-desk-heading">
            <h2 class="cr-drafts__heading" id="cr-desk-heading">{ strings.desk_heading }</h2>
            <div class="cr-desk__body">
                <p class="cr-panel__hint" id="cr-desk-intro">{ strings.desk_intro }</p>
                if desk.store_failed() {
                    <p class="cr-notice cr-notice--warning" role="alert">{ strings.desk_store_failed }</p>
                }
                <FilePicker id="desk" class="cr-drop" label={strings.desk_add} multiple=true
                    drop_hint={strings.desk_drop_hint} drop_now={strings.desk_drop_now}
                    described_by="cr-desk-intro" {on_files} />
                <div class="cr-desk__report" role="status">
                    if !report.is_empty() {
                        <ul>{ for report.iter().map(|line| html! { <li>{ line }</li> }) }</ul>
                    }
                </div>
                <Contributors />
                if count > 0 {
                    <DeskView />
                    <CompilationDownloads />
                }
            </div>
        </section>
    }
}

/// Who contributed: each with an editable label, what they answered, when they saved, and a
/// way to remove them.
#[function_component]
fn Contributors() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let desk = use_context::<Desk>().expect("the desk is provided");
    let removed = use_state(String::new);
    let questions = paper.answerables();
    let rows = desk.with(|list| {
        list.iter()
            .enumerate()
            .map(|(i, c)| {
                let key = c.key.clone();
                let label = c.label().to_string();
                let answered = c.draft.answered_count(questions.iter().map(|q| q.id));
                let date = c.saved_on(strings);
                let onchange = {
                    let (desk, key) = (desk.clone(), key.clone());
                    Callback::from(move |e: Event| {
                        let input: HtmlInputElement = e.target_unchecked_into();
                        desk.relabel(&key, &input.value());
                    })
                };
                let onremove = {
                    let (desk, removed, label) = (desk.clone(), removed.clone(), label.clone());
                    Callback::from(move |_: MouseEvent| {
                        desk.remove(&key);
                        removed.set(fill(strings.desk_removed, &[("label", &label)]));
                    })
                };
                let field_id = format!("desk-label-{i}");
                let summary_id = format!("desk-summary-{i}");
                html! {
                    <li class="cr-desk__contributor" key={c.key.clone()}>
                        <label class="cr-desk__label" for={field_id.clone()}>{ strings.desk_label_field }</label>
                        <input type="text" class="cr-field__input cr-desk__input" id={field_id} value={label.clone()}
                            aria-describedby={summary_id.clone()} {onchange} />
                        <span class="cr-desk__summary" id={summary_id}>
                            { fill(strings.desk_contributor_answered, &[
                                ("answered", &answered.to_string()),
                                ("total", &questions.len().to_string()),
                                ("date", &date),
                            ]) }
                        </span>
                        <button type="button" class="cr-button cr-button--quiet" onclick={onremove}>
                            { strings.desk_remove }
                            <span class="cr-visually-hidden">{ format!("{}{label}", strings.label_separator) }</span>
                        </button>
                    </li>
                }
            })
            .collect::<Html>()
    });
    html! {
        <div class="cr-desk__contributors">
            <h3 class="cr-panel__heading">{ strings.desk_contributors_heading }</h3>
            if desk.is_empty() {
                <p>{ strings.desk_none }</p>
            } else {
                <ul class="cr-desk__list">{ rows }</ul>
            }
            <p class="cr-visually-hidden" role="status">{ (*removed).clone() }</p>
        </div>
    }
}

/// Progress, the label option and the filters.
#[function_component]
fn DeskView() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let desk = use_context::<Desk>().expect("the desk is provided");
    let handle = use_context::<DraftHandle>().expect("the desk goes with a draft");
    let view = use_view();
    let questions = paper.answerables();
    let considered = handle.with(|s| {
        questions
            .iter()
            .filter(|q| {
                s.draft()
                    .is_considered(&FieldKey::Answer(q.id.to_string()).to_string())
            })
            .count()
    });
    let on_prefix = {
        let desk = desk.clone();
        Callback::from(move |e: Event| {
            desk.set_prefix_label(e.target_unchecked_into::<HtmlInputElement>().checked());
        })
    };
    let choose = |filter: Option<Filter>| {
        let (desk, handle, view) = (desk.clone(), handle.clone(), view.clone());
        Callback::from(move |_: Event| {
            // Taken once, like "unanswered only": a question marked considered does not vanish
            // under the cursor.
            let set_aside = filter.map(|filter| {
                let questions = paper.answerables();
                let ids: BTreeSet<String> = desk.with(|list| {
                    handle.with(|s| {
                        questions
                            .iter()
                            .filter(|q| {
                                !filter.keeps(
                                    list,
                                    s.draft(),
                                    &FieldKey::Answer(q.id.to_string()).to_string(),
                                )
                            })
                            .map(|q| q.id.to_string())
                            .collect()
                    })
                });
                Rc::new(ids)
            });
            view.update(move |state| {
                state.set_aside = set_aside.clone();
                state.filter = filter;
            });
        })
    };
    let option = |filter: Option<Filter>, label: &'static str| {
        let id = match filter {
            None => "desk-filter-all",
            Some(Filter::NotConsidered) => "desk-filter-not-considered",
            Some(Filter::Differing) => "desk-filter-differing",
            Some(Filter::NobodyAnswered) => "desk-filter-nobody",
        };
        let checked =
            view.state.filter == filter && (filter.is_some() || view.state.set_aside.is_none());
        html! {
            <div class="cr-check">
                <input type="radio" name="desk-filter" {id} {checked} onchange={choose(filter)} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let set_aside_note = view
        .state
        .filter
        .and(view.state.set_aside.as_ref())
        .map(|ids| {
            fill(
                strings.desk_filter_set_aside,
                &[("n", &ids.len().to_string())],
            )
        })
        .unwrap_or_default();
    html! {
        <div class="cr-desk__view">
            <p class="cr-desk__progress">
                { fill(strings.desk_considered_progress, &[("n", &considered.to_string()), ("total", &questions.len().to_string())]) }
            </p>
            <div class="cr-check">
                <input type="checkbox" id="desk-prefix-label" checked={desk.prefix_label()} onchange={on_prefix} />
                <label for="desk-prefix-label">{ strings.desk_prefix_label }</label>
            </div>
            <fieldset class="cr-fieldset">
                <legend class="cr-fieldset__legend">{ strings.desk_filter_legend }</legend>
                { option(None, strings.desk_filter_all) }
                { for Filter::ALL.into_iter().map(|f| option(Some(f), match f {
                    Filter::NotConsidered => strings.desk_filter_not_considered,
                    Filter::Differing => strings.desk_filter_differing,
                    Filter::NobodyAnswered => strings.desk_filter_nobody,
                })) }
            </fieldset>
            <p class="cr-view__note" role="status">{ set_aside_note }</p>
        </div>
    }
}

/// The compilation of contributions in Word, HTML and Markdown, in the interface's language.
#[function_component]
fn CompilationDownloads() -> Html {
    let paper = use_paper();
    let strings = use_strings();
    let desk = use_context::<Desk>().expect("the desk is provided");
    let button = |format: Format, label: &'static str| {
        let desk = desk.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let options = Options {
                date: platform::today_local(),
                include_unanswered: true,
                language: strings.language,
                all_languages: false,
            };
            let outline = desk.with(|list| compilation::outline(paper, list, &options));
            let bytes = match format {
                Format::Word => docx::write(&outline),
                Format::Html => html_writer::write(&outline, None).into_bytes(),
                _ => markdown::write(&outline).into_bytes(),
            };
            let name = compilation::file_name(paper, &options.date, format.extension());
            let _ = platform::download(&name, format.mime(), &bytes);
        });
        html! { <button type="button" class="cr-button cr-button--secondary" {onclick}>{ label }</button> }
    };
    html! {
        <div class="cr-desk__compilation">
            <h3 class="cr-panel__heading" id="cr-compilation-heading">{ strings.desk_compilation_heading }</h3>
            <p class="cr-panel__hint">{ strings.desk_compilation_hint }</p>
            <div class="cr-buttons" role="group" aria-labelledby="cr-compilation-heading">
                { button(Format::Word, strings.desk_compilation_word) }
                { button(Format::Html, strings.desk_compilation_html) }
                { button(Format::Markdown, strings.desk_compilation_markdown) }
            </div>
        </div>
    }
}
