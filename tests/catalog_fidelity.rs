//! The embedded paper equals the Chinese seed text, character for character, once the PDF
//! extraction's artefacts are removed: wrapped lines, page-break blank lines, footer URLs and the
//! spacing around them. The respondent's views in the seed are skipped (they are sample answers,
//! not content) and counted.

use consultation_response::catalog::{printed_label, Consultation, Paragraph, Text};
use consultation_response::language::Language;

const SEED: &str = include_str!("fixtures/wipo-ai-ip-issues-paper.zh.txt");

/// What the seed must contain next.
enum Expect {
    /// This exact text (after normalisation).
    Text(String),
    /// A respondent's view: anything up to the next expected text.
    View,
}

/// Drops whitespace (PDF wraps split lines anywhere, even inside words) and writes colons one way
/// (the seed has both `议题 10:` and `议题 1：`).
fn normalise(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ':' { '：' } else { c })
        .collect()
}

/// The seed without page artefacts: blank lines and the page footers that repeat a URL alone on
/// a line.
fn seed_without_artefacts() -> String {
    SEED.lines()
        .filter(|line| {
            let line = line.trim();
            let footer_url =
                line.starts_with("https://") && line.chars().all(|c| c.is_ascii_graphic());
            !(line.is_empty() || footer_url)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn expect_paragraph(out: &mut Vec<Expect>, paragraph: &Paragraph) {
    out.push(Expect::Text(format!("{}.", paragraph.n)));
    out.push(Expect::Text(paragraph.text.get(Language::Zh).to_string()));
    for item in &paragraph.items {
        out.push(Expect::Text(printed_label(&item.label, Language::Zh)));
        out.push(Expect::Text(item.text.get(Language::Zh).to_string()));
    }
}

/// The paper in reading order, as the seed prints it.
fn expected_sequence(paper: &Consultation) -> Vec<Expect> {
    let mut out = vec![Expect::Text(
        paper.intro.heading.get(Language::Zh).to_string(),
    )];
    for paragraph in &paper.intro.paragraphs {
        expect_paragraph(&mut out, paragraph);
    }
    for area in &paper.areas {
        out.push(Expect::Text(area.heading.get(Language::Zh).to_string()));
        for paragraph in &area.paragraphs {
            expect_paragraph(&mut out, paragraph);
        }
        for issue in &area.issues {
            out.push(Expect::Text(format!("议题{}：", issue.n)));
            out.push(Expect::Text(issue.title.get(Language::Zh).to_string()));
            for paragraph in &issue.paragraphs {
                expect_paragraph(&mut out, paragraph);
            }
            for question in &issue.questions {
                out.push(Expect::Text(printed_label(&question.label, Language::Zh)));
                out.push(Expect::Text(question.text.get(Language::Zh).to_string()));
                out.push(Expect::Text("意见观点：".into()));
                out.push(Expect::View);
            }
        }
    }
    out
}

/// Walks the seed along the expected sequence; returns the respondent's views, in order.
fn match_seed(expected: &[Expect]) -> Result<Vec<String>, String> {
    let seed = normalise(&seed_without_artefacts());
    let mut rest = seed.as_str();
    let mut views = Vec::new();
    for (i, step) in expected.iter().enumerate() {
        match step {
            Expect::Text(text) => {
                let want = normalise(text);
                if !rest.starts_with(&want) {
                    let got: String = rest.chars().take(want.chars().count() + 10).collect();
                    return Err(format!("expected {want:?}\n   found {got:?}"));
                }
                rest = &rest[want.len()..];
            }
            Expect::View => {
                let end = match expected.get(i + 1) {
                    Some(Expect::Text(next)) => rest
                        .find(&normalise(next))
                        .ok_or_else(|| format!("{next:?} never follows a view"))?,
                    _ => rest.len(),
                };
                views.push(rest[..end].to_string());
                rest = &rest[end..];
            }
        }
    }
    if rest.is_empty() {
        Ok(views)
    } else {
        Err(format!("seed text left over: {rest:?}"))
    }
}

#[test]
fn every_heading_paragraph_and_question_equals_the_seed() {
    let paper = consultation_response::wipo_2019();
    let views = match_seed(&expected_sequence(paper)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(views.len(), 41, "one view per numbered question");
    assert!(views.iter().all(|v| !v.is_empty()));
    assert_eq!(views[0], normalise("应该允许 Ai 申请命名为发明人，但是否是人类发明人还是 AI 发明人可以由申请人自己来决定，法律可以保留在未明确规定的前提下，默认 AI 做出的发明，其专利发明人在申请人内部未有其他规定的前提下，AI 本身为发明人。"));
    assert_eq!(views[40], "可以考虑。");
}

#[test]
fn a_changed_character_is_caught() {
    let paper = consultation_response::wipo_2019();
    let mut altered = paper.clone();
    let changed = altered.areas[2].paragraphs[3]
        .text
        .get(Language::Zh)
        .replacen("知识产权", "知识财产", 1);
    altered.areas[2].paragraphs[3]
        .text
        .set(Language::Zh, changed);
    assert!(match_seed(&expected_sequence(&altered)).is_err());
    let mut moved = paper.clone();
    let first = moved.areas[0].issues[0].questions.remove(0);
    moved.areas[0].issues[0].questions.push(first);
    assert!(match_seed(&expected_sequence(&moved)).is_err());
}

#[test]
fn the_paper_has_5_intro_paragraphs_6_areas_13_issues_22_context_paragraphs_41_questions() {
    let paper = consultation_response::wipo_2019();
    assert_eq!(paper.intro.paragraphs.len(), 5);
    assert_eq!(paper.areas.len(), 6);
    assert_eq!(paper.issues().count(), 13);
    let numbers: Vec<u32> = paper.context_paragraphs().map(|p| p.n).collect();
    assert_eq!(numbers, (6..=27).collect::<Vec<_>>());
    assert_eq!(paper.questions().count(), 41);
    let issue_numbers: Vec<u32> = paper.issues().map(|(_, i)| i.n).collect();
    assert_eq!(issue_numbers, (1..=13).collect::<Vec<_>>());
}

/// Texts are stored clean: the spacing artefacts the comparison above ignores are not in the data.
#[test]
fn texts_carry_no_extraction_artefacts() {
    fn check(text: &Text) {
        let zh = text.get(Language::Zh);
        assert_eq!(zh.trim(), zh, "edge whitespace in {zh:?}");
        assert!(!zh.contains('\n') && !zh.contains("  "), "wrap in {zh:?}");
        for punct in ['，', '。', '：', '；', '？', '）', '、'] {
            assert!(
                !zh.contains(&format!("{punct} ")),
                "space after {punct} in {zh:?}"
            );
        }
    }
    let paper = consultation_response::wipo_2019();
    let paragraphs = paper
        .intro
        .paragraphs
        .iter()
        .chain(paper.context_paragraphs());
    for paragraph in paragraphs {
        check(&paragraph.text);
        paragraph.items.iter().for_each(|i| check(&i.text));
    }
    for (area, issue) in paper.issues() {
        check(&area.heading);
        check(&issue.title);
        issue.questions.iter().for_each(|q| check(&q.text));
    }
}
