//! The paper's English: every text has one; WIPO's own wording is used wherever a public source
//! gives it, marked official; everything else is marked as a translation.
//!
//! The fixtures are the inventories of the official English found in public sources:
//! `wipo-2019-english.json` (questions, issue titles, paragraphs 5-7, each with its sources and
//! how complete the quotation is) and `wipo-2019-catalog.json` (paragraphs 1, 2 and 2(a), the
//! area headings and issue titles 1-11).

use consultation_response::catalog::{Consultation, Text, Wording};
use consultation_response::language::Language;
use serde_json::Value;

const ENGLISH: &str = include_str!("fixtures/wipo-2019-english.json");
const CATALOG: &str = include_str!("fixtures/wipo-2019-catalog.json");

/// Every text of the paper, with where it stands.
fn texts(paper: &Consultation) -> Vec<(String, &Text)> {
    let mut out = vec![
        ("title".to_string(), &paper.title),
        ("author".to_string(), &paper.author),
        ("intro heading".to_string(), &paper.intro.heading),
    ];
    let paragraphs = paper
        .intro
        .paragraphs
        .iter()
        .chain(paper.context_paragraphs());
    for p in paragraphs {
        out.push((format!("paragraph {}", p.n), &p.text));
        for item in &p.items {
            out.push((format!("paragraph {}{}", p.n, item.label), &item.text));
        }
        if let Some(q) = &p.question {
            out.push((format!("question {}", q.id), &q.text));
        }
    }
    for area in &paper.areas {
        out.push((format!("area {}", area.id), &area.heading));
    }
    for (_, issue) in paper.issues() {
        out.push((format!("issue {}", issue.n), &issue.title));
        for q in &issue.questions {
            out.push((format!("question {}", q.id), &q.text));
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0x4E00..=0x9FFF | 0xFF00..=0xFFEF)
}

#[test]
fn every_text_has_clean_english() {
    let paper = consultation_response::wipo_2019();
    let texts = texts(paper);
    assert_eq!(texts.len(), 3 + 27 + 3 + 6 + 1 + 6 + 13 + 41);
    for (place, text) in texts {
        let en = text.get(Language::English);
        assert!(!en.trim().is_empty(), "{place} has no English");
        assert_eq!(en.trim(), en, "{place}: edge whitespace");
        assert!(!en.chars().any(is_cjk), "{place}: Chinese left in {en:?}");
        assert!(!en.contains("  "), "{place}: double space");
    }
}

/// Capitalises the first letter: some sources quote a question inside a sentence.
fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[test]
fn official_wording_is_used_wherever_a_source_gives_it() {
    let paper = consultation_response::wipo_2019();
    let english: Value = serde_json::from_str(ENGLISH).unwrap();
    let mut official = Vec::new();
    for (id, entry) in english["questions"].as_object().unwrap() {
        let quoted = entry["en"].as_str().unwrap();
        let verbatim = entry["confidence"]
            .as_str()
            .unwrap()
            .starts_with("verbatim");
        let complete = entry["complete"].as_bool().unwrap();
        let question = paper.questions().find(|q| q.id == *id).unwrap();
        if verbatim && complete {
            assert_eq!(
                question.text.get(Language::English),
                quoted,
                "question {id}"
            );
            assert_eq!(
                question.text.wording(Language::English).unwrap(),
                Wording::Official,
                "question {id}"
            );
        } else {
            // A quotation cut short, or one the source does not mark as such: WIPO's words lead,
            // the rest is translated.
            let quoted = sentence_case(quoted);
            assert!(
                question.text.get(Language::English).starts_with(&quoted),
                "question {id}"
            );
            assert_eq!(
                question.text.wording(Language::English).unwrap(),
                Wording::OfficialPart,
                "question {id}"
            );
        }
        official.push(format!("question {id}"));
    }
    for (n, entry) in english["issue_titles"].as_object().unwrap() {
        let (_, issue) = paper.issues().find(|(_, i)| i.n.to_string() == *n).unwrap();
        assert_eq!(
            issue.title.get(Language::English),
            entry["en"].as_str().unwrap()
        );
        assert_eq!(
            issue.title.wording(Language::English).unwrap(),
            Wording::Official
        );
        official.push(format!("issue {n}"));
    }
    for (n, entry) in english["paragraphs"].as_object().unwrap() {
        let p = paper
            .intro
            .paragraphs
            .iter()
            .chain(paper.context_paragraphs())
            .find(|p| p.n.to_string() == *n)
            .unwrap();
        if let Some(en) = entry["en"].as_str() {
            assert_eq!(p.text.get(Language::English), en, "paragraph {n}");
            assert_eq!(
                p.text.wording(Language::English).unwrap(),
                Wording::Official
            );
            official.push(format!("paragraph {n}"));
        }
        if let Some(items) = entry["items"].as_object() {
            for item in &p.items {
                assert_eq!(
                    item.text.get(Language::English),
                    items[&item.label].as_str().unwrap()
                );
                assert_eq!(
                    item.text.wording(Language::English).unwrap(),
                    Wording::Official
                );
                official.push(format!("paragraph {n}{}", item.label));
            }
        }
    }

    let catalog: Value = serde_json::from_str(CATALOG).unwrap();
    assert_eq!(
        paper.title.get(Language::English),
        catalog["title_en"].as_str().unwrap()
    );
    assert_eq!(
        paper.author.get(Language::English),
        catalog["prepared_by_en"].as_str().unwrap()
    );
    official.extend(["title".into(), "author".into()]);
    for (i, p) in catalog["intro"].as_array().unwrap().iter().enumerate() {
        let text = &paper.intro.paragraphs[i];
        if let Some(en) = p["en"].as_str() {
            assert_eq!(text.text.get(Language::English), en);
            assert_eq!(
                text.text.wording(Language::English).unwrap(),
                Wording::Official
            );
            official.push(format!("paragraph {}", text.n));
        }
        for (j, item) in p["items"].as_array().into_iter().flatten().enumerate() {
            let ours = &text.items[j];
            if let Some(en) = item["en"].as_str() {
                assert_eq!(ours.text.get(Language::English), en);
                official.push(format!("paragraph {}{}", text.n, ours.label));
            } else if let Some(partial) = item["en_partial"].as_str() {
                // The stored excerpt ends mid-word: only the words before it are WIPO's.
                let whole_words = &partial[..partial.rfind(' ').unwrap()];
                assert!(ours.text.get(Language::English).starts_with(whole_words));
                assert_eq!(
                    ours.text.wording(Language::English).unwrap(),
                    Wording::OfficialPart
                );
                official.push(format!("paragraph {}{}", text.n, ours.label));
            }
        }
    }
    for (i, area) in catalog["areas"].as_array().unwrap().iter().enumerate() {
        let ours = &paper.areas[i];
        assert_eq!(
            ours.heading.get(Language::English),
            area["en"].as_str().unwrap()
        );
        official.push(format!("area {}", ours.id));
    }

    // Nothing else may claim to be WIPO's wording.
    for (place, text) in texts(paper) {
        if !official.contains(&place) {
            assert_eq!(
                text.wording(Language::English).unwrap(),
                Wording::Translation,
                "{place} is not sourced"
            );
        }
    }
}
