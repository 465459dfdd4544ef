//! Every word the interface and the documents show, one struct per language, so a missing string
//! is a compile error rather than a blank on screen.

mod en;
mod zh;

pub use en::EN;
pub use zh::ZH;

use crate::draft::RespondentText;
use crate::language::Language;

/// The strings of one interface language. A string missing in either language does not compile;
/// the tests check that both languages fill in the same placeholders.
#[cfg_attr(test, derive(serde::Serialize))]
pub struct Strings {
    pub language: Language,
    /// The language's own name, as the language switch shows it.
    pub language_name: &'static str,
    pub app_name: &'static str,
    pub consultation_kicker: &'static str,
    pub send_to: &'static str,
    pub deadline: &'static str,
    /// A calendar date, from `{y}`, `{month}` and `{d}`.
    pub date_format: &'static str,
    pub months: [&'static str; 12],
    /// Whose wording a text of the paper is, where the paper's texts in this language differ
    /// in it (`catalog::Wording`).
    pub wording_official: &'static str,
    pub wording_official_part: &'static str,
    pub wording_translation: &'static str,
    pub language_switch_label: &'static str,
    pub skip_to_questions: &'static str,
    pub toc_heading: &'static str,
    pub toc_open: &'static str,
    pub toc_close: &'static str,
    pub toc_introduction: &'static str,
    pub toc_count: &'static str,
    pub toc_respond: &'static str,
    pub view_heading: &'static str,
    pub filter_unanswered: &'static str,
    /// Said when "unanswered only" is switched on, from `{n}`.
    pub filter_set_aside: &'static str,
    pub fold_context: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub area_expand: &'static str,
    pub area_collapse: &'static str,
    pub area_all_answered: &'static str,
    pub context_summary: &'static str,
    pub context_summary_one: &'static str,
    pub answer_count: &'static str,
    /// Said after a pause in typing an answer: its count (`{count}`) and that it is saved.
    pub announce_count_saved: &'static str,
    /// Said after a pause in typing a comment, when the draft is saved.
    pub announce_saved: &'static str,
    /// Said when the interface has switched to this language.
    pub language_changed: &'static str,
    pub issue_prefix: &'static str,
    pub issue_suffix: &'static str,
    pub paragraph_question: &'static str,
    pub answer_label: &'static str,
    pub answered_of: &'static str,
    pub status_empty: &'static str,
    pub status_saved: &'static str,
    pub status_pending: &'static str,
    pub status_failing_full: &'static str,
    pub status_failing: &'static str,
    pub status_memory: &'static str,
    pub notice_no_storage: &'static str,
    pub notice_unreadable_kept: &'static str,
    pub notice_unreadable_left: &'static str,
    pub notice_download_draft: &'static str,
    pub notice_download_raw: &'static str,
    pub reason_not_json: &'static str,
    pub reason_not_a_draft: &'static str,
    pub reason_newer: &'static str,
    pub reason_unknown_version: &'static str,
    pub reason_other_consultation: &'static str,
    pub about_heading: &'static str,
    pub about_intro: &'static str,
    pub name_label: &'static str,
    pub title_label: &'static str,
    pub organisation_label: &'static str,
    pub country_label: &'static str,
    pub email_label: &'static str,
    pub capacity_legend: &'static str,
    pub capacity_personal: &'static str,
    pub capacity_organisation: &'static str,
    pub kind_label: &'static str,
    pub kind_choose: &'static str,
    pub publication_legend: &'static str,
    pub publication_notice: &'static str,
    pub publication_acknowledge: &'static str,
    pub publication_with_name: &'static str,
    pub publication_withheld: &'static str,
    pub comment_area_label: &'static str,
    pub comment_general_heading: &'static str,
    pub comment_general_label: &'static str,
    pub quick_answers: &'static str,
    pub quick_no_comment: &'static str,
    pub quick_not_familiar: &'static str,
    pub conflict_heading: &'static str,
    pub conflict_intro: &'static str,
    pub conflict_other_version: &'static str,
    pub conflict_use_other: &'static str,
    pub conflict_keep_both: &'static str,
    pub conflict_keep_this: &'static str,
    pub conflict_comment: &'static str,
    pub tip_storage: &'static str,
    pub tip_dismiss: &'static str,
    /// A new release is installed and waiting.
    pub update_ready: &'static str,
    /// Reloading refused: the draft could not be saved.
    pub update_blocked: &'static str,
    pub update_reload: &'static str,
    pub browser_heading: &'static str,
    pub persistence_granted: &'static str,
    pub persistence_refused: &'static str,
    pub persistence_unsupported: &'static str,
    pub persistence_asking: &'static str,
    pub persistence_not_asked: &'static str,
    pub forget_hint: &'static str,
    pub forget_button: &'static str,
    pub forget_confirm: &'static str,
    pub forget_yes: &'static str,
    pub forget_done: &'static str,
    pub other_answers_heading: &'static str,
    pub other_answers_intro: &'static str,
    pub history_heading: &'static str,
    pub history_show: &'static str,
    pub history_hide: &'static str,
    pub history_empty: &'static str,
    pub history_answered: &'static str,
    pub history_restore_all: &'static str,
    pub history_details: &'static str,
    pub history_restore_one: &'static str,
    pub history_same: &'static str,
    pub history_restored: &'static str,
    pub draft_first_name: &'static str,
    pub draft_new_name: &'static str,
    pub draft_copy_name: &'static str,
    pub drafts_heading: &'static str,
    /// Opens the draft list, rename, new, duplicate and delete.
    pub drafts_manage: &'static str,
    pub drafts_name_label: &'static str,
    pub drafts_current: &'static str,
    pub drafts_saved: &'static str,
    pub drafts_never_saved: &'static str,
    pub drafts_open: &'static str,
    pub drafts_new: &'static str,
    pub drafts_duplicate: &'static str,
    pub drafts_delete: &'static str,
    pub drafts_deleted: &'static str,
    pub drafts_undo: &'static str,
    pub import_as_new: &'static str,
    pub submit_link: &'static str,
    pub submit_heading: &'static str,
    pub review_heading: &'static str,
    pub review_button: &'static str,
    pub review_problems: &'static str,
    pub review_no_problems: &'static str,
    pub review_missing_name: &'static str,
    pub review_missing_organisation: &'static str,
    pub review_missing_email: &'static str,
    pub review_missing_publication: &'static str,
    pub review_change: &'static str,
    pub review_not_answered: &'static str,
    pub download_heading: &'static str,
    pub download_include_unanswered: &'static str,
    pub download_word: &'static str,
    pub download_html: &'static str,
    pub download_markdown: &'static str,
    pub download_text: &'static str,
    pub download_draft_file: &'static str,
    pub download_hint: &'static str,
    pub print_button: &'static str,
    pub send_heading: &'static str,
    pub send_steps: [&'static str; 3],
    pub send_address: &'static str,
    pub send_subject: &'static str,
    pub send_copy: &'static str,
    pub send_copied: &'static str,
    pub send_mail_link: &'static str,
    pub send_deadline: &'static str,
    pub import_heading: &'static str,
    pub import_hint: &'static str,
    pub import_label: &'static str,
    /// Beside the chooser before a file is chosen.
    pub import_no_file: &'static str,
    /// Beside the chooser once a file is chosen; `{name}` is its name.
    pub import_chosen: &'static str,
    pub import_drop_hint: &'static str,
    /// Shown while a file is dragged over the import area.
    pub import_drop_now: &'static str,
    pub import_confirm: &'static str,
    pub import_replace: &'static str,
    pub import_cancel: &'static str,
    pub import_done: &'static str,
    pub import_failed: &'static str,
    pub import_too_large: &'static str,
    pub import_not_recognised: &'static str,
    pub import_newer: &'static str,
    pub import_damaged: &'static str,
    pub import_unreadable_file: &'static str,
    pub import_encoding: &'static str,
    pub download_language_legend: &'static str,
    /// The choice of a document in all the paper's languages; `{languages}` lists them.
    pub download_all_languages: &'static str,
    pub privacy_note: &'static str,
    // The response document.
    /// The document's title, from `{title}`.
    pub doc_title: &'static str,
    pub doc_document: &'static str,
    /// The paper's reference, from `{symbol}`, `{author}` and `{date}`.
    pub doc_document_value: &'static str,
    pub doc_wording: &'static str,
    /// Around a section heading in the plain-text document: `【专利权】`, `== Patents ==`.
    pub text_heading_marks: [&'static str; 2],
    /// Marks text cut short in a preview.
    pub ellipsis: &'static str,
    /// Between a label and its value: `收件：…`, `To: …`.
    pub label_separator: &'static str,
    /// Between items of a list written on one line.
    pub list_separator: &'static str,
    /// Between the two languages of a bilingual heading.
    pub doc_heading_join: &'static str,
    pub doc_to: &'static str,
    pub doc_to_value: &'static str,
    pub doc_subject_label: &'static str,
    pub doc_subject: &'static str,
    pub doc_date: &'static str,
    pub doc_answered: &'static str,
    pub doc_view: &'static str,
    pub doc_not_answered: &'static str,
    pub doc_respondent: &'static str,
    pub doc_capacity: &'static str,
    pub doc_country: &'static str,
    pub doc_publication: &'static str,
    pub doc_publication_acknowledged: &'static str,
    pub doc_publication_with_name: &'static str,
    pub doc_publication_withheld: &'static str,
    pub doc_missing_issues: &'static str,
    pub desk_heading: &'static str,
    pub desk_open: &'static str,
    pub desk_intro: &'static str,
    pub desk_add: &'static str,
    pub desk_drop_hint: &'static str,
    pub desk_drop_now: &'static str,
    pub desk_report_added: &'static str,
    pub desk_report_same: &'static str,
    pub desk_report_replaced: &'static str,
    pub desk_report_older: &'static str,
    pub desk_report_refused: &'static str,
    pub desk_contributors_heading: &'static str,
    pub desk_none: &'static str,
    pub desk_label_field: &'static str,
    pub desk_contributor_answered: &'static str,
    pub desk_remove: &'static str,
    pub desk_removed: &'static str,
    pub desk_considered_progress: &'static str,
    pub desk_prefix_label: &'static str,
    pub desk_filter_legend: &'static str,
    pub desk_filter_all: &'static str,
    pub desk_filter_not_considered: &'static str,
    pub desk_filter_differing: &'static str,
    pub desk_filter_nobody: &'static str,
    pub desk_filter_set_aside: &'static str,
    pub desk_store_failed: &'static str,
    pub desk_compilation_heading: &'static str,
    pub desk_compilation_hint: &'static str,
    pub desk_compilation_word: &'static str,
    pub desk_compilation_html: &'static str,
    pub desk_compilation_markdown: &'static str,
    pub desk_contributions_heading: &'static str,
    pub desk_insert: &'static str,
    pub desk_copy: &'static str,
    pub desk_inserted: &'static str,
    pub desk_copied: &'static str,
    pub desk_copy_failed: &'static str,
    pub desk_mark_considered: &'static str,
    pub desk_none_for_field: &'static str,
    pub desk_compilation_title: &'static str,
    pub desk_contributor_summary: &'static str,
    pub desk_date_unknown: &'static str,
    pub desk_nobody_answered: &'static str,
    pub desk_contributions_count: &'static str,
    pub desk_label_join: &'static str,
    pub desk_changed_details: &'static str,
    pub desk_contributions_differ: &'static str,
    pub desk_open_count: &'static str,
}

/// The label of a respondent's free-text detail.
pub fn text_label(field: RespondentText, strings: &Strings) -> &'static str {
    match field {
        RespondentText::Name => strings.name_label,
        RespondentText::Title => strings.title_label,
        RespondentText::Organisation => strings.organisation_label,
        RespondentText::Country => strings.country_label,
        RespondentText::Email => strings.email_label,
    }
}

/// Replaces each `{name}` in `template` with its value.
/// A draft's name as the interface shows it: a draft that keeps its default name ("草稿 2")
/// is named in the interface's language ("Draft 2"), and so is one from a release that did not
/// mark default names, when its name is a default name in any language.
pub fn draft_name(entry: &crate::draft::library::DraftEntry, strings: &Strings) -> String {
    let number = entry.number.or_else(|| default_draft_number(&entry.name));
    match number {
        Some(n) => fill(strings.draft_new_name, &[("n", &n.to_string())]),
        None => entry.name.clone(),
    }
}

/// The number of a default draft name in any interface language (`Draft 3` → 3).
fn default_draft_number(name: &str) -> Option<u64> {
    Language::ALL.iter().find_map(|language| {
        let (before, after) = language.strings().draft_new_name.split_once("{n}")?;
        let digits = name.strip_prefix(before)?.strip_suffix(after)?;
        digits
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| digits.parse().ok())?
    })
}

pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (name, value)| {
            text.replace(&format!("{{{name}}}"), value)
        })
}

/// A string that names the consultation's particulars, with them filled in from its data:
/// `{organiser}` ("WIPO"), `{recipient}` ("WIPO 秘书处"), `{symbol}` and `{email}`, then `extra`.
/// The interface's words stay true of any consultation; what is one organiser's comes from its
/// file.
pub fn paper_words(
    template: &str,
    paper: &crate::catalog::Consultation,
    strings: &Strings,
    extra: &[(&str, &str)],
) -> String {
    let language = strings.language;
    let particulars = [
        ("organiser", paper.organiser.name.get(language)),
        ("recipient", paper.organiser.recipient.get(language)),
        ("symbol", paper.symbol.as_str()),
        ("email", paper.email.as_str()),
    ];
    fill(&fill(template, &particulars), extra)
}

/// An ISO 8601 date (`2020-02-14`) written out for reading (`2020年2月14日`,
/// `February 14, 2020`).
pub fn long_date(iso: &str, strings: &Strings) -> String {
    let mut parts = iso.splitn(3, '-').map(|p| p.trim_start_matches('0'));
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    match m
        .parse::<usize>()
        .ok()
        .and_then(|m| strings.months.get(m.wrapping_sub(1)))
    {
        Some(month) => fill(strings.date_format, &[("y", y), ("month", month), ("d", d)]),
        None => iso.to_string(),
    }
}

/// Why a file cannot be imported, as the person reads it.
pub fn import_reason(error: &crate::draft::transfer::ImportError, strings: &Strings) -> String {
    use crate::draft::transfer::ImportError;
    match error {
        ImportError::TooLarge { .. } => strings.import_too_large.to_string(),
        ImportError::NotRecognised => strings.import_not_recognised.to_string(),
        ImportError::NewerFile(_) => strings.import_newer.to_string(),
        ImportError::Damaged => strings.import_damaged.to_string(),
        ImportError::Draft(crate::draft::DraftError::OtherConsultation(id)) => {
            fill(strings.reason_other_consultation, &[("id", id)])
        }
        ImportError::Draft(_) => strings.import_not_recognised.to_string(),
        ImportError::Encoding => strings.import_encoding.to_string(),
    }
}

/// Counts for an answer's counter: characters (line breaks aside) and words, where a word is a
/// run of letters or digits, and each Chinese, Japanese or Korean character counts as one word,
/// as word processors count them.
pub fn text_counts(text: &str) -> (usize, usize) {
    let characters = text.chars().filter(|c| *c != '\n' && *c != '\r').count();
    let mut words = 0;
    let mut in_word = false;
    for c in text.chars() {
        if is_cjk(c) {
            words += 1;
            in_word = false;
        } else if c.is_alphanumeric() || (in_word && (c == '\'' || c == '’' || c == '-')) {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    (characters, words)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF
        | 0x20000..=0x2FA1F)
}

/// There is one table per language, a static: two are the same words exactly when they are the
/// same table. (A derived comparison of every field cost 4.5 KB of wasm and ran at every
/// comparison of a component's properties.)
impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Language {
    /// The interface's words in this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Language::Zh => &ZH,
            Language::English => &EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_draft_name_follows_the_interface_language_until_renamed() {
        use crate::draft::library::DraftEntry;
        let entry = |name: &str, number| DraftEntry {
            id: "d2".into(),
            name: name.into(),
            number,
        };
        assert_eq!(draft_name(&entry("草稿 2", Some(2)), &EN), "Draft 2");
        assert_eq!(draft_name(&entry("Draft 2", Some(2)), &ZH), "草稿 2");
        // Stored by a release that did not mark default names.
        assert_eq!(draft_name(&entry("草稿 12", None), &EN), "Draft 12");
        assert_eq!(draft_name(&entry("Draft 3", None), &ZH), "草稿 3");
        // Names of the person's own stay as they are.
        for own in ["司里的意见", "Draft 3b", "草稿 ", "Draft one"] {
            assert_eq!(draft_name(&entry(own, None), &EN), own);
        }
    }

    #[test]
    fn a_consultation_s_particulars_come_from_its_data() {
        let paper = crate::wipo_2019();
        assert_eq!(paper_words(ZH.send_heading, paper, &ZH, &[]), "发送给 WIPO");
        assert_eq!(
            paper_words(EN.doc_to_value, paper, &EN, &[]),
            "WIPO Secretariat (ai2ip@wipo.int)"
        );
        assert_eq!(
            paper_words(ZH.send_deadline, paper, &ZH, &[("date", "2020年2月14日")]),
            "WIPO 征求意见的截止日期为 2020年2月14日。截止后仍可填写和下载。"
        );
        // No interface string names the organiser or the document itself.
        for strings in [&ZH, &EN] {
            let all = serde_json::to_string(strings).unwrap();
            for particular in ["WIPO", "ai2ip", "GE/20"] {
                assert!(
                    !all.contains(particular),
                    "{particular} in {:?}",
                    strings.language
                );
            }
        }
    }

    #[test]
    fn fill_replaces_every_placeholder() {
        assert_eq!(
            fill(ZH.answered_of, &[("answered", "3"), ("total", "42")]),
            "已回答 3 / 42 个问题"
        );
    }

    /// Each string's `{placeholders}`, or each string of a list.
    fn placeholders(value: &serde_json::Value) -> Vec<String> {
        match value {
            serde_json::Value::String(text) => text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string()))
                .collect(),
            serde_json::Value::Array(items) => items.iter().flat_map(placeholders).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn both_languages_have_every_string_with_the_same_placeholders() {
        let zh = serde_json::to_value(&ZH).unwrap();
        let en = serde_json::to_value(&EN).unwrap();
        let (zh, en) = (zh.as_object().unwrap(), en.as_object().unwrap());
        assert_eq!(zh.len(), en.len());
        for (key, zh_value) in zh {
            let en_value = &en[key];
            let (mut a, mut b) = (placeholders(zh_value), placeholders(en_value));
            a.sort();
            b.sort();
            assert_eq!(a, b, "placeholders of {key}");
            for text in [zh_value, en_value] {
                if let Some(text) = text.as_str() {
                    assert!(
                        !text.trim().is_empty() || key == "issue_prefix",
                        "{key} is empty"
                    );
                }
            }
            let english = en_value.to_string();
            assert!(
                !english
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{key} is not translated: {english}"
            );
        }
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(long_date("2020-02-14", &ZH), "2020年2月14日");
        assert_eq!(long_date("2020-02-14", &EN), "February 14, 2020");
        assert_eq!(long_date("soon", &ZH), "soon");
        assert_eq!(long_date("2020-13-01", &EN), "2020-13-01");
    }

    #[test]
    fn counts_read_words_in_both_scripts() {
        assert_eq!(text_counts(""), (0, 0));
        assert_eq!(text_counts("No comment."), (11, 2));
        assert_eq!(text_counts("无意见。"), (4, 3));
        assert_eq!(text_counts("AI 发明\nisn't state-of-the-art"), (27, 5));
    }
}
