use super::about_you::AboutYou;
use super::browser_storage::StorageTip;
use super::conflicts::Conflicts;
use super::draft_handle::DraftHandle;
use super::drafts::{DraftsPanel, LibraryHandle, Switcher};
use super::notice::OpenNoticeBanner;
use super::other_answers::OtherAnswers;
use super::paper::{AreaSection, GeneralComments, IntroSection};
use super::paper_header::PaperHeader;
use super::status_line::StatusLine;
use super::submission::{PrintCopy, Submission};
use crate::catalog::Consultation;
use crate::draft::library::{draft_key, MAIN_DRAFT};
use crate::i18n::ZH;
use crate::platform;
use yew::prelude::*;

/// The whole app: the respondent's drafts, the paper with an answer field under every question,
/// the submission (review, downloads, print, send, import, history) and the save status.
#[function_component]
pub fn App() -> Html {
    let paper = Consultation::wipo_2019();
    let refresh = use_force_update();
    let library = use_memo((), |_| LibraryHandle::open(&paper.id, ZH.draft_first_name));
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

    let strings = &ZH;
    let questions = paper.answerables();
    let replacements = handle.replacements();
    let (answered, status, last_saved, respondent, conflicts) = handle.with(|s| {
        let answered = s.draft().answered_count(questions.iter().map(|q| q.id));
        let last_saved = s.last_saved().map(|at| AttrValue::from(at.to_string()));
        let conflicts: Vec<(String, String)> = s
            .draft()
            .conflicts()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        (
            answered,
            s.status().clone(),
            last_saved,
            s.draft().respondent.clone(),
            conflicts,
        )
    });
    html! {
        <ContextProvider<&'static crate::i18n::Strings> context={strings}>
        <ContextProvider<DraftHandle> context={handle.clone()}>
        <ContextProvider<Switcher> context={Switcher { library: library.as_ref().clone(), switch: switch.clone() }}>
            <div class="cr-app" lang={strings.lang}>
                <PaperHeader />
                if let Some(notice) = notice {
                    <OpenNoticeBanner notice={notice} />
                }
                <StorageTip />
                if !conflicts.is_empty() {
                    <Conflicts {conflicts} />
                }
                if let Some(library) = library.as_ref().clone() {
                    <DraftsPanel {library} current={(*current).clone()} on_switch={switch.clone()} />
                }
                // Another draft, or replacing the whole draft (an import), remounts every field.
                <div class="cr-draft" key={format!("{}/{replacements}", *current)}>
                    <AboutYou {respondent} />
                    <section class="cr-paper" aria-labelledby="cr-title">
                        <IntroSection />
                        { for paper.areas.iter().enumerate().map(|(i, _)| html! { <AreaSection key={i} index={i} /> }) }
                        <GeneralComments />
                        <OtherAnswers />
                    </section>
                </div>
                <Submission />
                <footer class="cr-toolbar">
                    <StatusLine {answered} total={questions.len()} status={status.clone()} last_saved={last_saved.clone()} />
                    <a class="cr-button cr-button--primary" href="#cr-submit">{ strings.submit_link }</a>
                </footer>
                <PrintCopy version={format!("{replacements}/{status:?}/{last_saved:?}")} />
            </div>
        </ContextProvider<Switcher>>
        </ContextProvider<DraftHandle>>
        </ContextProvider<&'static crate::i18n::Strings>>
    }
}
