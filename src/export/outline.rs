//! What a response document says, in order, independent of its format: the cover, the
//! respondent, then each area, issue, question and answer, and the comments. Every writer
//! (Markdown, text, HTML, Word) renders this one outline.

use super::{issue_heading, question_number};
use crate::catalog::{printed_label, Answerable, Consultation, Position};
use crate::draft::{Capacity, Draft, Publication, Respondent, RespondentText, GENERAL_COMMENTS};
use crate::i18n::{fill, paper_words, text_label, Strings};
use crate::language::Language;

/// Choices the respondent makes when downloading.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The date of the response, ISO 8601 (`2026-11-26`).
    pub date: String,
    /// List unanswered questions too (marked as such), or only the answered ones.
    pub include_unanswered: bool,
    /// The document's language.
    pub language: Language,
    /// Give the paper's headings and questions in each of its other languages too.
    pub all_languages: bool,
}

/// A text in another language than the document's.
#[derive(Debug, Clone, PartialEq)]
pub struct Translation {
    pub lang: &'static str,
    pub text: String,
}

/// The paper's headings and question numbers as a document in `options` gives them: each
/// heading followed in a document in all the paper's languages by its other languages, and an
/// issue's heading put before its first question.
pub(crate) struct PaperHeadings {
    strings: &'static Strings,
    language: Language,
    others: Vec<Language>,
    last_issue: Option<u32>,
}

impl PaperHeadings {
    pub(crate) fn new(paper: &Consultation, options: &Options) -> Self {
        PaperHeadings {
            strings: options.language.strings(),
            language: options.language,
            others: if options.all_languages {
                other_languages(paper, options.language)
            } else {
                Vec::new()
            },
            last_issue: None,
        }
    }

    /// `text` in each language the document gives beside its own.
    pub(crate) fn translations(&self, text: &crate::catalog::Text) -> Vec<Translation> {
        translations(text, &self.others)
    }

    pub(crate) fn heading(&self, in_language: &dyn Fn(&Strings) -> String) -> String {
        let mut out = in_language(self.strings);
        for other in &self.others {
            out.push_str(self.strings.doc_heading_join);
            out.push_str(&in_language(other.strings()));
        }
        out
    }

    /// An area's heading; the next question starts its issue afresh.
    pub(crate) fn area(&mut self, area: &crate::catalog::Area) -> Block {
        self.last_issue = None;
        Block::Area(self.heading(&|s| area.heading.get(s.language).to_string()))
    }

    /// The number of `question` as printed under its issue, pushing the issue's heading into
    /// `blocks` when the question is the first of it.
    pub(crate) fn number(&mut self, question: &Answerable<'_>, blocks: &mut Vec<Block>) -> String {
        match question.position {
            Position::Numbered { issue, label } => {
                if self.last_issue != Some(issue.n) {
                    self.last_issue = Some(issue.n);
                    blocks.push(Block::Issue(self.heading(&|s| issue_heading(issue, s))));
                }
                printed_label(label, self.language)
            }
            Position::InParagraph { .. } => question_number(question, self.strings),
        }
    }
}

/// A labelled detail: `收件：ai2ip@wipo.int`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

/// One part of the body, in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// An area heading (level 2).
    Area(String),
    /// An issue heading (level 3).
    Issue(String),
    /// A question and its answer; `None` when unanswered. `translations` are the question in
    /// the paper's other languages, in a document that gives them all.
    Question {
        id: String,
        number: String,
        text: String,
        translations: Vec<Translation>,
        answer: Option<String>,
    },
    /// A question with no answer slot of its own: in a compilation, the contributions that follow
    /// (as [`Block::Comment`]s) answer it.
    Prompt {
        id: String,
        number: String,
        text: String,
        translations: Vec<Translation>,
    },
    /// A labelled free text: comments on missing issues.
    Comment { label: String, text: String },
    /// A section of its own with a heading (the general comments).
    Section { heading: String, text: String },
}

/// The whole response, ready for a writer.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub lang: &'static str,
    pub title: String,
    /// The paper's title in its other languages.
    pub subtitles: Vec<Translation>,
    pub cover: Vec<Fact>,
    /// The heading of the respondent block and its details (only those given).
    pub respondent_heading: String,
    pub respondent: Vec<Fact>,
    pub body: Vec<Block>,
    /// Around a section heading in plain text (`【…】`, `== … ==`).
    pub text_heading_marks: [&'static str; 2],
    /// Between a fact's label and its value (`：`, `: `).
    pub label_separator: &'static str,
    /// The label before each answer (`意见观点：`).
    pub view_label: String,
    /// What stands for a missing answer (`（未作答）`).
    pub not_answered: String,
}

/// The paper's languages other than `language`, in the paper's order.
fn other_languages(paper: &Consultation, language: Language) -> Vec<Language> {
    let mut others = paper.languages.clone();
    others.retain(|l| *l != language);
    others
}

/// `text` in `languages`.
fn translations(text: &crate::catalog::Text, languages: &[Language]) -> Vec<Translation> {
    let mut out = Vec::with_capacity(languages.len());
    for &language in languages {
        out.push(Translation {
            lang: language.tag(),
            text: text.get(language).to_string(),
        });
    }
    out
}

/// The paper's title in its languages other than the document's.
pub(crate) fn subtitles(paper: &Consultation, language: Language) -> Vec<Translation> {
    translations(&paper.title, &other_languages(paper, language))
}

/// The subject line of the email that carries the response.
pub fn subject(paper: &Consultation, strings: &Strings) -> String {
    fill(
        strings.doc_subject,
        &[
            ("title", paper.title.get(strings.language)),
            ("symbol", &paper.symbol),
        ],
    )
}

/// The paper a document answers: `文件：WIPO/IP/AI/2/GE/20/1（WIPO 秘书处，2019-12-13）`.
pub(crate) fn document_fact(paper: &Consultation, options: &Options) -> Fact {
    let strings = options.language.strings();
    Fact {
        label: strings.doc_document.to_string(),
        value: fill(
            strings.doc_document_value,
            &[
                ("symbol", &paper.symbol),
                ("author", paper.author.get(options.language)),
                ("date", &paper.published),
            ],
        ),
    }
}

/// Builds the outline of the response to `paper` from `draft`.
pub fn outline(paper: &Consultation, draft: &Draft, options: &Options) -> Outline {
    let strings = options.language.strings();
    let mut headings = PaperHeadings::new(paper, options);
    let questions = paper.answerables();
    let answered = draft.answered_count(questions.iter().map(|q| q.id));
    let fact = |label: &str, value: String| Fact {
        label: label.to_string(),
        value,
    };
    let mut cover = vec![
        fact(
            strings.doc_to,
            paper_words(strings.doc_to_value, paper, strings, &[]),
        ),
        fact(strings.doc_subject_label, subject(paper, strings)),
        document_fact(paper, options),
    ];
    if let Some(wording) = &paper.notes.wording {
        let note = paper_words(wording.get(options.language), paper, strings, &[]);
        cover.push(fact(strings.doc_wording, note));
    }
    cover.push(fact(strings.doc_date, options.date.clone()));
    cover.push(fact(
        strings.doc_answered,
        format!("{answered} / {}", questions.len()),
    ));

    let mut body = Vec::new();
    for area in &paper.areas {
        let area_heading = headings.area(area);
        let mut area_blocks = Vec::new();
        for question in questions.iter().filter(|q| std::ptr::eq(q.area, area)) {
            let answer = draft
                .is_answered(question.id)
                .then(|| draft.answer(question.id).to_string());
            if answer.is_none() && !options.include_unanswered {
                continue;
            }
            let number = headings.number(question, &mut area_blocks);
            area_blocks.push(Block::Question {
                id: question.id.to_string(),
                number,
                text: question.text.get(options.language).to_string(),
                translations: headings.translations(question.text),
                answer,
            });
        }
        let comment = draft.comment(&area.id);
        if !comment.trim().is_empty() {
            area_blocks.push(Block::Comment {
                label: strings.doc_missing_issues.to_string(),
                text: comment.to_string(),
            });
        }
        if !area_blocks.is_empty() {
            body.push(area_heading);
            body.append(&mut area_blocks);
        }
    }
    let others = unknown_answers(paper, draft);
    if !others.is_empty() {
        body.push(Block::Area(strings.other_answers_heading.to_string()));
        for (id, text) in others {
            body.push(Block::Comment {
                label: id.to_string(),
                text: text.to_string(),
            });
        }
    }
    let general = draft.comment(GENERAL_COMMENTS);
    if !general.trim().is_empty() {
        body.push(Block::Section {
            heading: strings.comment_general_heading.to_string(),
            text: general.to_string(),
        });
    }

    Outline {
        lang: options.language.tag(),
        title: fill(
            strings.doc_title,
            &[("title", paper.title.get(options.language))],
        ),
        subtitles: subtitles(paper, options.language),
        cover,
        respondent_heading: strings.doc_respondent.to_string(),
        respondent: respondent_facts(paper, &draft.respondent, strings),
        body,
        label_separator: strings.label_separator,
        text_heading_marks: strings.text_heading_marks,
        view_label: strings.doc_view.to_string(),
        not_answered: strings.doc_not_answered.to_string(),
    }
}

/// Answers kept in the draft for questions this paper does not have (from another version of
/// the paper, or an imported file): never dropped, always shown.
pub fn unknown_answers<'a>(paper: &Consultation, draft: &'a Draft) -> Vec<(&'a str, &'a str)> {
    let known: Vec<&str> = paper.answerables().iter().map(|q| q.id).collect();
    draft
        .answers()
        .filter(|(id, text)| !known.contains(id) && !text.trim().is_empty())
        .collect()
}

/// The respondent's details that were given, and their publication choice.
fn respondent_facts(paper: &Consultation, respondent: &Respondent, strings: &Strings) -> Vec<Fact> {
    let capacity = respondent.capacity.map(|c| match c {
        Capacity::Personal => strings.capacity_personal,
        Capacity::OnBehalfOfOrganisation => strings.capacity_organisation,
    });
    let kind = respondent
        .kind
        .as_deref()
        .map(|id| paper.kind_label(id, strings.language));
    let acknowledged = paper_words(strings.doc_publication_acknowledged, paper, strings, &[]);
    let publication: Vec<&str> = [
        respondent
            .publication_acknowledged
            .then_some(acknowledged.as_str()),
        respondent.publication.map(|p| match p {
            Publication::WithName => strings.doc_publication_with_name,
            Publication::NameWithheld => strings.doc_publication_withheld,
        }),
    ]
    .into_iter()
    .flatten()
    // Said only for an organiser that publishes the comments it receives.
    .filter(|_| paper.organiser.publishes_comments)
    .collect();
    let text = |field| respondent.text(field).to_string();
    let facts = [
        (
            text_label(RespondentText::Name, strings),
            text(RespondentText::Name),
        ),
        (
            text_label(RespondentText::Title, strings),
            text(RespondentText::Title),
        ),
        (
            text_label(RespondentText::Organisation, strings),
            text(RespondentText::Organisation),
        ),
        (
            strings.doc_capacity,
            capacity.unwrap_or_default().to_string(),
        ),
        (strings.kind_label, kind.unwrap_or_default().to_string()),
        (strings.doc_country, text(RespondentText::Country)),
        (
            text_label(RespondentText::Email, strings),
            text(RespondentText::Email),
        ),
        (
            strings.doc_publication,
            publication.join(strings.list_separator),
        ),
    ];
    facts
        .into_iter()
        .map(|(label, value)| Fact {
            label: label.to_string(),
            // One line each: a detail never breaks the document's layout.
            value: value.split_whitespace().collect::<Vec<_>>().join(" "),
        })
        .filter(|f| !f.value.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    fn options(include_unanswered: bool) -> Options {
        Options {
            date: "2026-11-26".into(),
            include_unanswered,
            language: Language::Zh,
            all_languages: false,
        }
    }

    #[test]
    fn every_question_is_listed_when_unanswered_ones_are_included() {
        let paper = crate::wipo_2019();
        let outline = outline(paper, &Draft::new(&paper.id), &options(true));
        let questions = outline
            .body
            .iter()
            .filter(|b| matches!(b, Block::Question { .. }))
            .count();
        assert_eq!(questions, 42);
        assert_eq!(
            outline
                .body
                .iter()
                .filter(|b| matches!(b, Block::Area(_)))
                .count(),
            6
        );
        assert!(outline.respondent.is_empty());
    }

    #[test]
    fn only_answered_questions_and_their_headings_otherwise() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("10.iii", "无意见。");
        let outline = outline(paper, &draft, &options(false));
        assert_eq!(
            outline.body,
            vec![
                Block::Area("数据".into()),
                Block::Issue("议题 10：与数据相关的其他权利".into()),
                Block::Question {
                    id: "10.iii".into(),
                    number: "（iii）".into(),
                    text: paper
                        .questions()
                        .find(|q| q.id == "10.iii")
                        .unwrap()
                        .text
                        .get(Language::Zh)
                        .to_string(),
                    translations: Vec::new(),
                    answer: Some("无意见。".into()),
                },
            ]
        );
    }

    #[test]
    fn answers_to_questions_the_paper_lacks_are_kept_at_the_end() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("14.i", "来自另一版本的回答");
        let outline = outline(paper, &draft, &options(false));
        assert_eq!(
            outline.body,
            vec![
                Block::Area("其他回答（本文件中没有对应的问题）".into()),
                Block::Comment {
                    label: "14.i".into(),
                    text: "来自另一版本的回答".into()
                },
            ]
        );
    }

    #[test]
    fn the_cover_names_the_secretariat_the_subject_and_the_date() {
        let paper = crate::wipo_2019();
        let outline = outline(paper, &Draft::new(&paper.id), &options(true));
        let cover: Vec<String> = outline
            .cover
            .iter()
            .map(|f| format!("{}：{}", f.label, f.value))
            .collect();
        assert_eq!(cover[0], "收件：WIPO 秘书处（ai2ip@wipo.int）");
        assert_eq!(
            cover[1],
            "主题：对《关于知识产权政策与人工智能的议题文件草案》（WIPO/IP/AI/2/GE/20/1）的意见"
        );
        assert!(cover.contains(&"日期：2026-11-26".to_string()));
    }

    #[test]
    fn an_english_document_uses_the_english_paper_and_words() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("4.iii", "A deposit system would help.");
        let options = Options {
            language: Language::English,
            ..options(false)
        };
        let outline = outline(paper, &draft, &options);
        assert_eq!(outline.lang, "en");
        assert_eq!(outline.view_label, "Response:");
        assert_eq!(
            outline.body[..2],
            [
                Block::Area("Patents".into()),
                Block::Issue("Issue 4: Disclosure".into()),
            ]
        );
        assert!(
            matches!(&outline.body[2], Block::Question { number, text, translations, .. }
            if number == "(iii)" && translations.is_empty() && text.starts_with("Would a system of deposit for algorithms"))
        );
        assert!(outline.cover[1]
            .value
            .starts_with("Comments on the Draft Issues Paper"));
    }

    #[test]
    fn a_bilingual_document_gives_headings_and_questions_in_both_languages() {
        let paper = crate::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("4.iii", "有用。");
        draft.set_answer("p26", "需要。");
        let options = Options {
            all_languages: true,
            ..options(false)
        };
        let outline = outline(paper, &draft, &options);
        assert_eq!(
            outline.subtitles,
            [Translation {
                lang: "en",
                text: paper.title.get(Language::English).to_string()
            }]
        );
        assert_eq!(outline.body[0], Block::Area("专利权 / Patents".into()));
        assert_eq!(
            outline.body[1],
            Block::Issue("议题 4：披露 / Issue 4: Disclosure".into())
        );
        assert!(
            matches!(&outline.body[2], Block::Question { text, translations, .. }
            if text.starts_with("与微生物的沉积类似") && translations[0].lang == "en"
                && translations[0].text.starts_with("Would a system of deposit"))
        );
        assert!(outline
            .body
            .iter()
            .any(|b| matches!(b, Block::Question { id, translations, .. }
            if id == "p26" && translations[0].text.starts_with("Are there measures"))));
    }
}
