//! Writers of the response documents. Each takes the paper and the draft and returns the file's
//! contents; none touches the browser.

pub mod docx;
pub mod html;
pub mod markdown;
pub mod outline;
pub mod text;
pub mod zip;

use crate::catalog::{printed_label, Answerable, Consultation, Position};
use crate::i18n::Strings;

/// The downloaded file's name: `<symbol>_response_<date>.<extension>`, with the symbol's slashes
/// turned into hyphens, e.g. `WIPO-IP-AI-2-GE-20-1_response_2026-11-26.md`.
pub fn file_name(paper: &Consultation, date: &str, extension: &str) -> String {
    let symbol: String = paper
        .symbol
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("{symbol}_response_{date}.{extension}")
}

/// A question's number as a respondent cites it: `议题 4（iii）`, or `第 26 段所提问题`.
pub fn question_number(question: &Answerable<'_>, strings: &Strings) -> String {
    match question.position {
        Position::Numbered { issue, label } => format!(
            "{}{}{}",
            strings.issue_prefix,
            issue.n,
            printed_label(label)
        ),
        Position::InParagraph { paragraph } => {
            crate::i18n::fill(strings.paragraph_question, &[("n", &paragraph.to_string())])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::ZH;

    #[test]
    fn file_name_follows_the_documented_pattern() {
        let paper = Consultation::wipo_2019();
        assert_eq!(
            file_name(paper, "2026-11-26", "md"),
            "WIPO-IP-AI-2-GE-20-1_response_2026-11-26.md"
        );
    }

    #[test]
    fn question_numbers_read_as_the_paper_prints_them() {
        let paper = Consultation::wipo_2019();
        let all = paper.answerables();
        let q = all.iter().find(|a| a.id == "4.iii").unwrap();
        assert_eq!(question_number(q, &ZH), "议题 4（iii）");
        let p26 = all.iter().find(|a| a.id == "p26").unwrap();
        assert_eq!(question_number(p26, &ZH), "第 26 段所提问题");
    }
}
