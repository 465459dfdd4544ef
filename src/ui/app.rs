use super::about_you::AboutYou;
use super::browser_storage::{use_persistence, PersistenceState, StorageTip};
use super::conflicts::Conflicts;
use super::consolidation::{use_desk, Desk, DeskPanel, DeskToggle};
use super::contents::{Contents, CONTENTS_ID};
use super::draft_handle::DraftHandle;
use super::drafts::{DraftsPanel, LibraryHandle, Switcher};
use super::notice::OpenNoticeBanner;
use super::other_answers::OtherAnswers;
use super::paper::{GeneralComments, IntroSection};
use super::paper_header::PaperHeader;
use super::progressive::{AfterThePaper, Deferred, ProgressiveAreas};
use super::reveal_on_click;
use super::status_line::StatusLine;
use super::submission::{PrintCopy, Submission};
use super::take_over::TakeOver;
use super::update_notice::UpdateNotice;
use super::view::{use_view_state, View};
use super::Paper;
use crate::catalog::Consultation;
use crate::draft::library::{draft_key, MAIN_DRAFT};
use crate::draft::SaveStatus;
use crate::language::Language;
use crate::platform;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The setting that remembers the interface language the person chose.
const LANGUAGE_SETTING: &str = "language";
/// The toolbar button that opens the contents on narrow screens.
const CONTENTS_TOGGLE_ID: &str = "cr-contents-toggle";
/// How long the news of a language switch stays in its live region.
const LANGUAGE_NEWS_KEPT_MS: u32 = 5000;
/// The setting that remembers whether the context paragraphs are folded.
const FOLD_SETTING: &str = "fold-context";

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The consultation this page serves.
    pub paper: Paper,
    /// The language the embedding page asks for (`data-lang` on the mount element), used until
    /// the person chooses one.
    #[prop_or_default]
    pub configured_language: Option<Language>,
    /// The language the person pressed in the first view before the app started: their choice,
    /// over a stored one.
    #[prop_or_default]
    pub chosen_language: Option<Language>,
    /// The app is its page's content: the window's title follows the interface's language.
    #[prop_or_default]
    pub own_page: bool,
}

/// The whole app: the respondent's drafts, the paper with an answer field under every question,
/// the submission (review, downloads, print, send, import, history) and the save status.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let paper = props.paper.0;
    let refresh = use_force_update();
    // Only a language the paper is written in: a host's or a stored choice of another is passed
    // over, as is a browser's.
    let offered = &paper.languages;
    let configured = props.configured_language.filter(|l| paper.has_language(*l));
    let chosen_before_start = props.chosen_language.filter(|l| paper.has_language(*l));
    let library = use_memo((), move |_| {
        // Names the first draft in the language the person will most likely see.
        let language = chosen_before_start
            .or(configured)
            .unwrap_or_else(|| browser_language(paper));
        LibraryHandle::open(&paper.id, language.strings().draft_first_name)
    });
    let current = use_state(|| {
        library
            .as_ref()
            .as_ref()
            .map_or(MAIN_DRAFT.to_string(), |l| l.current())
    });
    let opened = use_memo((*current).clone(), {
        let refresh = refresh.clone();
        move |id| {
            let key = draft_key(&paper.id, id);
            DraftHandle::open(
                &paper.id,
                &key,
                Callback::from(move |_| refresh.force_update()),
            )
        }
    });
    let (handle, notice) = (*opened).clone();
    let desk = use_desk(
        paper,
        &draft_key(&paper.id, &current),
        handle.replacements(),
        library.as_ref(),
    );
    let switch = {
        let (current, handle, library) = (current.clone(), handle.clone(), library.clone());
        Callback::from(move |id: String| {
            handle.flush();
            if let Some(library) = library.as_ref() {
                library.set_current(&id);
            }
            current.set(id);
        })
    };

    use_effect_with(handle.clone(), |handle| {
        let flush_handle = handle.clone();
        let listeners = platform::on_page_leave(move || flush_handle.flush());
        let unsaved_handle = handle.clone();
        let warn = platform::warn_before_leaving(move || unsaved_handle.has_unsaved_work());
        let other_window = handle.clone();
        let key = handle.with(|s| s.key().to_string());
        let sync = platform::on_storage_change(key, move |stored| other_window.absorb(stored));
        move || drop((listeners, warn, sync))
    });

    let language = use_state(|| {
        chosen_before_start
            .or_else(|| {
                handle
                    .with(|s| s.setting(LANGUAGE_SETTING))
                    .and_then(|tag| Language::from_tag(&tag))
                    .filter(|l| offered.contains(l))
            })
            .or(configured)
            .unwrap_or_else(|| browser_language(paper))
    });

    // Said as the interface switches (a re-rendered page says nothing by itself), in the language
    // switched to.
    let language_news = use_state(|| None::<Language>);
    let news_timer = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    // On the app's own page the window is named in the interface's language (set at start, and
    // at each switch), never on a host's page.
    let own_page = props.own_page;
    let name_window = move |language: Language| {
        if own_page {
            platform::set_window_title(&format!(
                "{} · {} {}",
                language.strings().app_name,
                paper.symbol,
                paper.title.get(language)
            ));
        }
    };
    let choose_language = {
        let (language, handle, news) = (language.clone(), handle.clone(), language_news.clone());
        Callback::from(move |chosen: Language| {
            handle.set_setting(LANGUAGE_SETTING, chosen.tag());
            if chosen == *language {
                return;
            }
            news.set(Some(chosen));
            let news = news.clone();
            let clear = Callback::from(move |()| news.set(None));
            *news_timer.borrow_mut() = Some(platform::after(LANGUAGE_NEWS_KEPT_MS, clear));
            name_window(chosen);
            // The news a frame before the page's words: a screen reader flooded by every text of
            // the page changing at once drops events, the live region's among them (Orca does).
            let language = language.clone();
            platform::after_this_frame(move || language.set(chosen));
        })
    };
    let view = use_view_state(handle.with(|s| s.setting(FOLD_SETTING)).as_deref() == Some("1"));
    {
        let handle = handle.clone();
        use_effect_with(view.state.context_folded, move |folded| {
            handle.set_setting(FOLD_SETTING, if *folded { "1" } else { "0" });
        });
    }
    let desk_open = use_state(|| false);
    let toggle_desk = {
        let desk_open = desk_open.clone();
        Callback::from(move |()| desk_open.set(!*desk_open))
    };
    let contents_open = use_state(|| false);
    let toggle_contents = {
        let contents_open = contents_open.clone();
        Callback::from(move |_: MouseEvent| {
            let open = !*contents_open;
            contents_open.set(open);
            if open {
                platform::reveal_after_render("cr-contents-heading".to_string());
            }
        })
    };
    let close_contents = {
        let contents_open = contents_open.clone();
        Callback::from(move |return_focus: bool| {
            contents_open.set(false);
            if return_focus {
                platform::reveal_after_render(CONTENTS_TOGGLE_ID.to_string());
            }
        })
    };
    {
        let close = close_contents.clone();
        use_effect_with(*contents_open, move |open| {
            let listener = open.then(|| platform::on_escape(move || close.emit(true)));
            move || drop(listener)
        });
    }

    let root = use_node_ref();
    {
        let (root, first_language, handle) = (root.clone(), *language, handle.clone());
        use_effect_with((), move |_| {
            name_window(first_language);
            // A choice made before the app started is kept like one made after.
            if let Some(chosen) = chosen_before_start {
                handle.set_setting(LANGUAGE_SETTING, chosen.tag());
            }
            let root = root.cast::<web_sys::Element>();
            let listener = root
                .as_ref()
                .map(|root| platform::keep_focus_above(root, ".cr-toolbar"));
            let fitted = root
                .as_ref()
                .and_then(platform::field_sizing::keep_fields_fitted);
            move || drop((listener, fitted))
        });
    }

    let strings = language.strings();
    let questions = paper.answerables();
    let replacements = handle.replacements();
    let (answered_ids, status, last_saved, respondent, conflicts) = handle.with(|s| {
        let answered: BTreeSet<String> = questions
            .iter()
            .filter(|q| s.draft().is_answered(q.id))
            .map(|q| q.id.to_string())
            .collect();
        let last_saved = s.last_saved().map(|at| AttrValue::from(at.to_string()));
        let conflicts: Vec<(String, String)> = s
            .draft()
            .conflicts()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        (
            Rc::new(answered),
            s.status().clone(),
            last_saved,
            s.draft().respondent.clone(),
            conflicts,
        )
    });
    let answered = answered_ids.len();
    let persistence = use_persistence(matches!(status, SaveStatus::Pending));
    html! {
        <ContextProvider<Paper> context={props.paper}>
        <ContextProvider<&'static crate::i18n::Strings> context={strings}>
        <ContextProvider<View> context={view}>
        <ContextProvider<DraftHandle> context={handle.clone()}>
        <ContextProvider<Desk> context={desk}>
        <ContextProvider<Switcher> context={Switcher { library: library.as_ref().clone(), switch: switch.clone() }}>
        <ContextProvider<PersistenceState> context={persistence}>
            <div class="cr-app" lang={strings.language.tag()} ref={root}>
                // A button, not a `#cr-paper` link: the target lives in the app's shadow root,
                // where no fragment of the page's address can reach it (and checkers that
                // resolve it in the document report a skip link without a target).
                <button type="button" class="cr-skip-link" onclick={reveal_on_click("cr-paper")}>{ strings.skip_to_questions }</button>
                <p class="cr-visually-hidden" aria-live="polite" lang={language_news.map(|l| l.tag())}>{ language_news.map_or("", |l| l.strings().language_changed) }</p>
                // The first render comes in parts, a frame apart, each a short task (the first
                // use of each part's code compiles it). Where the page showed its first view, the
                // app is rendered unseen until every part of it is there (`TakeOver`).
                <Deferred frames={1}>
                    <PaperHeader language={*language} on_language={choose_language} />
                </Deferred>
                // Alerts come once the app is seen, so that they are said.
                <Deferred frames={7}>
                    if let Some(notice) = notice {
                        <OpenNoticeBanner notice={notice} />
                    }
                    <UpdateNotice />
                    if !conflicts.is_empty() {
                        <Conflicts {conflicts} />
                    }
                </Deferred>
                <Deferred frames={2}>
                    if let Some(library) = library.as_ref().clone() {
                        <DraftsPanel {library} current={(*current).clone()} {answered} on_switch={switch.clone()} tip={html! { <StorageTip /> }}>
                            <DeskToggle open={*desk_open} on_toggle={toggle_desk} />
                        </DraftsPanel>
                    } else {
                        <div class="cr-drafts cr-drafts__bar">
                            <DeskToggle open={*desk_open} on_toggle={toggle_desk} />
                        </div>
                    }
                </Deferred>
                if *desk_open {
                    <DeskPanel />
                }
                <div class="cr-layout">
                    <Deferred frames={3}>
                        <Contents answered={answered_ids.clone()} open={*contents_open} on_close={close_contents} />
                    </Deferred>
                    <div class="cr-layout__main">
                        // Another draft, or replacing the whole draft (an import), remounts every field.
                        <div class="cr-draft" key={format!("{}/{replacements}", *current)}>
                            <Deferred frames={4}>
                                <AboutYou {respondent} />
                            </Deferred>
                            <section class="cr-paper" id="cr-paper" tabindex="-1" aria-labelledby="cr-title">
                                <Deferred frames={5}>
                                    <IntroSection />
                                </Deferred>
                                <Deferred frames={6}>
                                    <ProgressiveAreas />
                                    // All the first view shows is there now.
                                    <TakeOver />
                                    <AfterThePaper>
                                        <GeneralComments />
                                        <OtherAnswers />
                                    </AfterThePaper>
                                </Deferred>
                            </section>
                        </div>
                        <Deferred frames={6}>
                            <AfterThePaper>
                                <Submission />
                            </AfterThePaper>
                        </Deferred>
                    </div>
                </div>
                <Deferred frames={1}>
                <footer class="cr-toolbar">
                    <StatusLine {answered} total={questions.len()} status={status.clone()} last_saved={last_saved.clone()} />
                    <div class="cr-toolbar__actions">
                        <button type="button" class="cr-button cr-button--secondary cr-toolbar__contents" id={CONTENTS_TOGGLE_ID}
                            aria-expanded={(*contents_open).to_string()} aria-controls={CONTENTS_ID} onclick={toggle_contents}>
                            { strings.toc_open }
                        </button>
                        <a class="cr-button cr-button--primary" href="#cr-submit" onclick={reveal_on_click("cr-submit-heading")}>{ strings.submit_link }</a>
                    </div>
                </footer>
                </Deferred>
                <PrintCopy version={format!("{replacements}/{}/{}", status.kind(), last_saved.as_deref().unwrap_or_default())} />
            </div>
        </ContextProvider<PersistenceState>>
        </ContextProvider<Switcher>>
        </ContextProvider<Desk>>
        </ContextProvider<DraftHandle>>
        </ContextProvider<View>>
        </ContextProvider<&'static crate::i18n::Strings>>
        </ContextProvider<Paper>>
    }
}

/// The language of the paper the browser's preferences choose.
fn browser_language(paper: &Consultation) -> Language {
    Language::negotiate(
        platform::browser_languages().iter().map(String::as_str),
        &paper.languages,
        paper.fallback_language,
    )
}
