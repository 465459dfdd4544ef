//! The compilation of contributions: the document a ministry circulates internally before its
//! response is signed off. The contributors are listed at the top; under each question come
//! their answers, each under its contributors' labels (identical answers once). It is an
//! [`Outline`], so the response's Word, HTML and Markdown writers render it.

use super::{answer_groups, Contribution};
use crate::catalog::Consultation;
use crate::draft::{FieldKey, GENERAL_COMMENTS};
use crate::export::outline::{
    document_fact, subtitles, Block, Fact, Options, Outline, PaperHeadings,
};
use crate::i18n::fill;

/// The compilation of `contributions` to `paper`. `options.include_unanswered` also lists the
/// questions nobody answered.
pub fn outline(paper: &Consultation, contributions: &[Contribution], options: &Options) -> Outline {
    let strings = options.language.strings();
    let mut headings = PaperHeadings::new(paper, options);
    let questions = paper.answerables();
    let labelled = |key: &str, prefix: Option<&str>| -> Vec<Block> {
        answer_groups(contributions, key)
            .into_iter()
            .map(|group| {
                let names = group.labels(contributions, strings.desk_label_join);
                Block::Comment {
                    label: match prefix {
                        // The prefix ends with its own colon (`：` needs no space after it).
                        Some(prefix) if prefix.ends_with('：') => format!("{prefix}{names}"),
                        Some(prefix) => format!("{prefix} {names}"),
                        None => names,
                    },
                    text: group.text,
                }
            })
            .collect()
    };

    let mut body = Vec::new();
    for area in &paper.areas {
        let area_heading = headings.area(area);
        let mut area_blocks = Vec::new();
        for question in questions.iter().filter(|q| std::ptr::eq(q.area, area)) {
            let answers = labelled(&FieldKey::Answer(question.id.to_string()).to_string(), None);
            if answers.is_empty() && !options.include_unanswered {
                continue;
            }
            let number = headings.number(question, &mut area_blocks);
            let text = question.text.get(options.language).to_string();
            let translations = headings.translations(question.text);
            if answers.is_empty() {
                area_blocks.push(Block::Question {
                    id: question.id.to_string(),
                    number,
                    text,
                    translations,
                    answer: None,
                });
                continue;
            }
            area_blocks.push(Block::Prompt {
                id: question.id.to_string(),
                number,
                text,
                translations,
            });
            area_blocks.extend(answers);
        }
        area_blocks.extend(labelled(
            &FieldKey::Comment(area.id.clone()).to_string(),
            Some(strings.doc_missing_issues),
        ));
        if !area_blocks.is_empty() {
            body.push(area_heading);
            body.append(&mut area_blocks);
        }
    }
    let general = labelled(
        &FieldKey::Comment(GENERAL_COMMENTS.to_string()).to_string(),
        None,
    );
    if !general.is_empty() {
        body.push(Block::Area(strings.comment_general_heading.to_string()));
        body.extend(general);
    }

    let fact = |label: &str, value: String| Fact {
        label: label.to_string(),
        value,
    };
    let contributors = contributions
        .iter()
        .map(|c| {
            let answered = c.draft.answered_count(questions.iter().map(|q| q.id));
            let date = c.saved_on(strings);
            fact(
                c.label(),
                fill(
                    strings.desk_contributor_summary,
                    &[
                        ("answered", &answered.to_string()),
                        ("total", &questions.len().to_string()),
                        ("date", &date),
                    ],
                ),
            )
        })
        .collect();
    Outline {
        lang: options.language.tag(),
        title: fill(
            strings.desk_compilation_title,
            &[("title", paper.title.get(options.language))],
        ),
        subtitles: subtitles(paper, options.language),
        cover: vec![
            document_fact(paper, options),
            fact(strings.doc_date, options.date.clone()),
            fact(
                strings.desk_contributions_count,
                contributions.len().to_string(),
            ),
        ],
        respondent_heading: strings.desk_contributors_heading.to_string(),
        respondent: contributors,
        body,
        label_separator: strings.label_separator,
        text_heading_marks: strings.text_heading_marks,
        view_label: strings.doc_view.to_string(),
        not_answered: strings.desk_nobody_answered.to_string(),
    }
}

/// The compilation's file name: `<symbol>_compilation_<date>.<extension>`.
pub fn file_name(paper: &Consultation, date: &str, extension: &str) -> String {
    let symbol = crate::export::slug(&paper.symbol);
    format!("{symbol}_compilation_{date}.{extension}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::Draft;
    use crate::export::{docx, html, markdown};

    fn contribution(organisation: &str, answers: &[(&str, &str)]) -> Contribution {
        let mut draft = Draft::new("wipo-ip-ai-2019");
        draft.respondent.organisation = organisation.to_string();
        for (id, text) in answers {
            draft.set_answer(id, text);
        }
        Contribution::from_file(draft, Some("2026-11-20T09:00:00Z".into()), "f.json")
    }

    use crate::language::Language;

    fn options(language: Language) -> Options {
        Options {
            date: "2026-11-28".into(),
            include_unanswered: false,
            language,
            all_languages: false,
        }
    }

    #[test]
    fn every_answer_comes_under_its_question_with_its_contributors() {
        let paper = crate::wipo_2019();
        let mut list = vec![
            contribution("专利司", &[("1.i", "同意。"), ("4.iii", "需要披露。")]),
            contribution("版权司", &[("1.i", "同意。"), ("7.i", "不同意。")]),
        ];
        list[1].draft.set_comment("general", "总体支持。");
        let outline = outline(paper, &list, &options(Language::Zh));
        assert_eq!(outline.respondent.len(), 2);
        assert_eq!(outline.respondent[0].label, "专利司");
        assert!(outline.respondent[0].value.contains("2 / 42"));
        let texts: Vec<String> = outline
            .body
            .iter()
            .filter_map(|b| match b {
                Block::Prompt { id, .. } => Some(format!("Q {id}")),
                Block::Comment { label, text } => Some(format!("{label}={text}")),
                _ => None,
            })
            .collect();
        assert_eq!(
            texts,
            [
                "Q 1.i",
                "专利司、版权司=同意。",
                "Q 4.iii",
                "专利司=需要披露。",
                "Q 7.i",
                "版权司=不同意。",
                "版权司=总体支持。"
            ]
        );
        // Every writer renders it.
        let md = markdown::write(&outline);
        assert!(md.contains("**专利司、版权司**"));
        assert!(html::write(&outline, None).contains("需要披露。"));
        assert!(!html::write(&outline, None).contains("application/json"));
        assert!(!docx::write(&outline).is_empty());
    }

    #[test]
    fn questions_nobody_answered_are_listed_only_when_asked() {
        let paper = crate::wipo_2019();
        let list = vec![contribution("A", &[("1.i", "yes")])];
        let mut all = options(Language::English);
        all.include_unanswered = true;
        let outline = outline(paper, &list, &all);
        let missing = outline
            .body
            .iter()
            .filter(|b| matches!(b, Block::Question { answer: None, .. }))
            .count();
        assert_eq!(missing, 41);
        assert!(markdown::write(&outline).contains("(no contributor answered)"));
    }
}
