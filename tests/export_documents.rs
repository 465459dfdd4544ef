//! The Word and HTML writers under random answers: the Word parts stay well-formed XML holding
//! every answer in order, and the HTML file always resumes the exact draft.
#![cfg(not(target_arch = "wasm32"))]

use consultation_response::draft::{transfer, Draft};
use consultation_response::export::outline::{outline, Options};
use consultation_response::export::{docx, html, zip};
use consultation_response::language::Language;
use proptest::prelude::*;

fn answer_text() -> impl Strategy<Value = String> {
    let pieces = prop_oneof![
        "[a-zA-Z0-9 ]{0,12}",
        "[<>&\"'/=;:]{1,4}",
        "[一二三知识产权。，？“”（）　]{1,8}",
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\u{0C}\u{01}".to_string()),
        Just("</w:t></w:r></w:p>".to_string()),
        Just("</script><script>alert(1)</script>".to_string()),
        Just("]]><!--".to_string()),
    ];
    prop::collection::vec(pieces, 1..20).prop_map(|v| v.concat())
}

/// The text of every `w:t` in document order, paragraphs separated by newlines.
fn document_text(xml: &str) -> String {
    let doc = roxmltree::Document::parse(xml).expect("well-formed document.xml");
    let mut text = String::new();
    for node in doc.descendants() {
        match node.tag_name().name() {
            "t" => text.push_str(node.text().unwrap_or("")),
            "br" => text.push('\n'),
            "p" => text.push('\n'),
            _ => {}
        }
    }
    text
}

/// The text of a Word file's document part, after checking that every part is well-formed XML.
fn word_text(docx: &[u8]) -> String {
    let parts = zip::read_stored(docx).unwrap();
    for (name, data) in &parts {
        let xml = std::str::from_utf8(data).unwrap();
        assert!(
            roxmltree::Document::parse(xml).is_ok(),
            "{name} is not well-formed"
        );
    }
    document_text(std::str::from_utf8(&parts[4].1).unwrap())
}

fn visible(answer: &str) -> String {
    answer
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect::<String>()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn word_parts_are_well_formed_and_hold_every_answer_in_order(
        first in answer_text(), second in answer_text(), name in answer_text(),
        english in any::<bool>(), bilingual in any::<bool>()
    ) {
        let paper = consultation_response::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("3.ii", &first);
        draft.set_answer("11.i", &second);
        draft.respondent.name = name;
        let language = if english { Language::English } else { Language::Zh };
        let options = Options { date: "2026-11-26".into(), include_unanswered: true, language, all_languages: bilingual };
        let outline = outline(paper, &draft, &options);
        let text = word_text(&docx::write(&outline));
        let mut from = 0;
        for answer in [&first, &second] {
            if !draft.is_answered(if std::ptr::eq(answer, &first) { "3.ii" } else { "11.i" }) { continue; }
            for piece in visible(answer).split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty()) {
                let at = text[from..].find(piece);
                prop_assert!(at.is_some(), "{:?} missing after {}", piece, from);
                from += at.unwrap() + piece.len();
            }
        }
    }

    #[test]
    fn the_html_file_always_resumes_the_exact_draft(
        first in answer_text(), comment in answer_text(), bilingual in any::<bool>()
    ) {
        let paper = consultation_response::wipo_2019();
        let mut draft = Draft::new(&paper.id);
        draft.set_answer("p26", &first);
        draft.set_comment("general", &comment);
        let options = Options { date: "2026-11-26".into(), include_unanswered: false, language: Language::English, all_languages: bilingual };
        let file = html::write(&outline(paper, &draft, &options), Some(&transfer::to_file(&draft, "t")));
        prop_assert_eq!(file.matches("</script>").count(), 1);
        prop_assert_eq!(transfer::from_file(&file, &paper.id), Ok(draft));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    /// The compilation of contributions in Word stays well-formed and holds, under each question,
    /// every contributor's label and answer in order, whatever they wrote and however they are
    /// called.
    #[test]
    fn the_compilation_holds_every_contributor_answer_under_its_question(
        contributors in prop::collection::vec((answer_text(), answer_text(), answer_text()), 1..5),
        english in any::<bool>(),
    ) {
        use consultation_response::consolidation::{compilation, Contribution};
        let paper = consultation_response::wipo_2019();
        let list: Vec<Contribution> = contributors
            .iter()
            .enumerate()
            .map(|(n, (label, first, second))| {
                let mut draft = Draft::new(&paper.id);
                draft.set_answer("3.ii", first);
                draft.set_answer("11.i", second);
                let mut contribution = Contribution::from_file(draft, None, &format!("file-{n}.json"));
                contribution.relabel(label);
                contribution
            })
            .collect();
        let language = if english { Language::English } else { Language::Zh };
        let options = Options { date: "2026-11-28".into(), include_unanswered: false, language, all_languages: false };
        let outline = compilation::outline(paper, &list, &options);
        let text = word_text(&docx::write(&outline));
        let mut from = 0;
        for id in ["3.ii", "11.i"] {
            for contribution in &list {
                let answer = contribution.draft.answer(id);
                if answer.trim().is_empty() { continue; }
                // Identical answers come once, under the first of their contributors.
                for piece in visible(answer).split("\n\n").map(|p| p.trim_matches('\n')).filter(|p| !p.trim().is_empty()) {
                    prop_assert!(text[from..].contains(piece) || text[..from].contains(piece), "{:?} missing", piece);
                }
            }
            let question = paper.answerables().into_iter().find(|q| q.id == id).unwrap();
            let prompt = question.text.get(language);
            if list.iter().any(|c| c.draft.is_answered(id)) {
                let at = text[from..].find(prompt);
                prop_assert!(at.is_some(), "question {} missing or out of order", id);
                from += at.unwrap() + prompt.len();
            }
        }
        // Every contributor is listed at the top.
        for contribution in &list {
            prop_assert!(text.contains(visible(contribution.label()).trim()));
        }
    }
}
