//! Writers of the response documents. Each takes the paper and the draft and returns the file's
//! contents; none touches the browser.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod markup;
pub mod outline;
pub mod text;
pub mod zip;

use crate::catalog::{printed_label, Answerable, Consultation, Issue, Position};
use crate::draft::{transfer, Draft, FieldKey, Respondent, RespondentText};
use crate::i18n::Strings;

/// The downloaded file's name: `<symbol>_<who>_<date>.<extension>`. The symbol's slashes become
/// hyphens; `who` is the organisation, else the respondent's name, else `response`, with anything
/// but letters and digits turned into hyphens and cut to 40 characters. For example
/// `WIPO-IP-AI-2-GE-20-1_某国知识产权局_2026-11-26.docx`.
pub fn file_name(
    paper: &Consultation,
    respondent: &Respondent,
    date: &str,
    extension: &str,
) -> String {
    let symbol = slug(&paper.symbol);
    let who = [&respondent.organisation, &respondent.name]
        .into_iter()
        .map(|s| slug(s))
        .find(|s| !s.is_empty())
        .unwrap_or_else(|| "response".to_string());
    format!("{symbol}_{who}_{date}.{extension}")
}

pub(crate) fn slug(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(40)
        .collect();
    mapped
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A download format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Word,
    Html,
    Markdown,
    Text,
    DraftFile,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Word,
        Format::Html,
        Format::Markdown,
        Format::Text,
        Format::DraftFile,
    ];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Word => "docx",
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::DraftFile => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Word => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Html => "text/html;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Text => "text/plain;charset=utf-8",
            Format::DraftFile => "application/json",
        }
    }
}

/// The file for `format`: its name and contents.
pub fn produce(
    format: Format,
    paper: &Consultation,
    draft: &Draft,
    options: &outline::Options,
    saved_at: &str,
) -> (String, Vec<u8>) {
    let name = file_name(paper, &draft.respondent, &options.date, format.extension());
    let outline = || outline::outline(paper, draft, options);
    let bytes = match format {
        Format::Word => docx::write(&outline()),
        Format::Html => {
            html::write(&outline(), Some(&transfer::to_file(draft, saved_at))).into_bytes()
        }
        Format::Markdown => markdown::write(&outline()).into_bytes(),
        Format::Text => text::write(&outline()).into_bytes(),
        Format::DraftFile => transfer::to_file(draft, saved_at).into_bytes(),
    };
    (name, bytes)
}

/// An issue's heading as the paper prints it: `议题 4：披露`, `Issue 4: Disclosure`.
pub fn issue_heading(issue: &Issue, strings: &Strings) -> String {
    format!(
        "{}{}{}{}",
        strings.issue_prefix,
        issue.n,
        strings.issue_suffix,
        issue.title.get(strings.language)
    )
}

/// A question's number as a respondent cites it: `议题 4（iii）`, or `第 26 段所提问题`.
pub fn question_number(question: &Answerable<'_>, strings: &Strings) -> String {
    match question.position {
        Position::Numbered { issue, label } => format!(
            "{}{}{}",
            strings.issue_prefix,
            issue.n,
            printed_label(label, strings.language)
        ),
        Position::InParagraph { paragraph } => {
            crate::i18n::fill(strings.paragraph_question, &[("n", &paragraph.to_string())])
        }
    }
}

/// A draft's field as a person cites it (`议题 4（iii）`, the comments on an area, the general
/// comments, a detail about the respondent): in a conflict, and in the desk's report of what a
/// newer file changed. Text that names no field is shown as it is.
pub fn field_title(paper: &Consultation, key: &str, strings: &Strings) -> String {
    match FieldKey::parse(key) {
        Some(FieldKey::Answer(id)) => paper
            .answerables()
            .iter()
            .find(|q| q.id == id)
            .map_or(id, |q| question_number(q, strings)),
        Some(FieldKey::Comment(area_id)) => match paper.areas.iter().find(|a| a.id == area_id) {
            Some(area) => crate::i18n::fill(
                strings.conflict_comment,
                &[("area", area.heading.get(strings.language))],
            ),
            None => strings.comment_general_heading.to_string(),
        },
        Some(FieldKey::Respondent(code)) => RespondentText::ALL
            .into_iter()
            .find(|f| f.code() == code)
            .map_or(code, |f| crate::i18n::text_label(f, strings).to_string()),
        Some(FieldKey::Considered(field)) => field_title(paper, &field.to_string(), strings),
        None => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ZH;

    #[test]
    fn file_name_follows_the_documented_pattern() {
        let paper = crate::wipo_2019();
        let mut respondent = Respondent::default();
        assert_eq!(
            file_name(paper, &respondent, "2026-11-26", "md"),
            "WIPO-IP-AI-2-GE-20-1_response_2026-11-26.md"
        );
        respondent.name = "Jane O'Neil".into();
        assert_eq!(
            file_name(paper, &respondent, "2026-11-26", "docx"),
            "WIPO-IP-AI-2-GE-20-1_Jane-O-Neil_2026-11-26.docx"
        );
        respondent.organisation = " 某国知识产权局 / IP Office ".into();
        assert_eq!(
            file_name(paper, &respondent, "2026-11-26", "html"),
            "WIPO-IP-AI-2-GE-20-1_某国知识产权局-IP-Office_2026-11-26.html"
        );
    }

    #[test]
    fn fields_are_cited_as_a_person_knows_them() {
        let paper = crate::wipo_2019();
        let title = |key| field_title(paper, key, &ZH);
        assert_eq!(title("answer:4.iii"), "议题 4（iii）");
        assert_eq!(title("comment:patents"), "关于“专利权”的遗漏议题意见");
        assert_eq!(title("comment:general"), "一般性意见");
        assert_eq!(title("respondent:name"), "姓名");
        assert_eq!(title("answer:99.x"), "99.x", "an id the paper lacks");
        assert_eq!(title("note"), "note");
    }

    #[test]
    fn question_numbers_read_as_the_paper_prints_them() {
        let paper = crate::wipo_2019();
        let all = paper.answerables();
        let q = all.iter().find(|a| a.id == "4.iii").unwrap();
        assert_eq!(question_number(q, &ZH), "议题 4（iii）");
        let p26 = all.iter().find(|a| a.id == "p26").unwrap();
        assert_eq!(question_number(p26, &ZH), "第 26 段所提问题");
    }
}
