//! Property tests of the draft model and the import parser: random and mutated inputs never
//! panic, never pass a wrong checksum, and every valid draft round-trips exactly.
#![cfg(not(target_arch = "wasm32"))]

use consultation_response::draft::transfer::{from_file, to_file, ImportError};
use consultation_response::draft::{merge, Capacity, Draft, Publication};
use proptest::prelude::*;

const ID: &str = "wipo-ip-ai-2019";

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[一二三知识产权<>&\"'\\\\/\n\t]{0,20}",
        Just(String::new()),
        Just("\u{0}\u{FFFF}\u{1F600}".to_string()),
    ]
}

fn any_draft() -> impl Strategy<Value = Draft> {
    (
        prop::collection::btree_map(
            "(1[0-3]|[1-9])\\.(i|ii|iii|iv|v)|p26|x\\.[a-z]{1,3}",
            any_text(),
            0..8,
        ),
        prop::collection::btree_map("patents|data|general", any_text(), 0..3),
        any_text(),
        prop::option::of(prop::sample::select(vec![
            Capacity::Personal,
            Capacity::OnBehalfOfOrganisation,
        ])),
        prop::option::of("[a-z]{1,8}(-[a-z0-9]{1,8}){0,2}"),
        prop::option::of(prop::sample::select(vec![
            Publication::WithName,
            Publication::NameWithheld,
        ])),
        any::<bool>(),
    )
        .prop_map(
            |(answers, comments, name, capacity, kind, publication, acknowledged)| {
                let mut draft = Draft::new(ID);
                for (id, text) in answers {
                    draft.set_answer(&id, &text);
                }
                for (key, text) in comments {
                    draft.set_comment(&key, &text);
                }
                draft.respondent.name = name;
                draft.respondent.capacity = capacity;
                draft.respondent.kind = kind;
                draft.respondent.publication = publication;
                draft.respondent.publication_acknowledged = acknowledged;
                draft
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn every_valid_draft_round_trips_through_storage_and_files(draft in any_draft()) {
        let (stored, _) = Draft::from_json(&draft.to_json("t"), ID).unwrap();
        prop_assert_eq!(&stored, &draft);
        prop_assert_eq!(from_file(&to_file(&draft, "t"), ID), Ok(draft));
    }

    #[test]
    fn arbitrary_text_never_panics_the_parsers(text in ".{0,200}") {
        let _ = Draft::from_json(&text, ID);
        let _ = from_file(&text, ID);
    }

    #[test]
    fn a_mutated_file_is_either_refused_or_the_exact_draft(
        draft in any_draft(), at in any::<prop::sample::Index>(), byte in any::<u8>()
    ) {
        let file = to_file(&draft, "t");
        let mut bytes = file.clone().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] = byte;
        let Ok(mutated) = String::from_utf8(bytes) else { return Ok(()) };
        match from_file(&mutated, ID) {
            // Only a change outside the checksummed draft (spacing, the checksum's own case) can pass.
            Ok(read) => prop_assert_eq!(read, draft),
            Err(ImportError::Damaged | ImportError::NotRecognised | ImportError::NewerFile(_) | ImportError::Draft(_)) => {}
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
    }

    #[test]
    fn a_changed_draft_under_an_old_checksum_is_always_refused(draft in any_draft(), extra in "[a-z一]{1,5}") {
        let file = to_file(&draft, "t");
        let mut changed = draft.clone();
        changed.set_answer("1.i", &format!("{}{extra}", draft.answer("1.i")));
        let forged = to_file(&changed, "t");
        let old_checksum = file.lines().find(|l| l.contains("\"checksum\"")).unwrap();
        let new_checksum = forged.lines().find(|l| l.contains("\"checksum\"")).unwrap();
        let forged = forged.replace(new_checksum, old_checksum);
        prop_assert_eq!(from_file(&forged, ID), Err(ImportError::Damaged));
    }

    #[test]
    fn merging_never_loses_either_windows_text(
        base in any_draft(), ours in any_draft(), theirs in any_draft()
    ) {
        let merged = merge(&base, &ours, &theirs).draft;
        let fields = merged.fields();
        let kept: Vec<&str> = fields.values().map(String::as_str)
            .chain(merged.conflicts().map(|(_, t)| t)).collect();
        for side in [&ours, &theirs] {
            for (key, text) in side.fields() {
                if key.starts_with("answer:") || key.starts_with("comment:") {
                    // Text a side changed from the base survives somewhere in the result.
                    if base.fields().get(&key) != Some(&text) && !text.trim().is_empty() {
                        prop_assert!(kept.contains(&text.as_str()), "{} lost: {:?}", key, text);
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever order a contributor's files arrive in, the consolidation ends up with one
    /// contribution per contributor, holding that contributor's newest file.
    #[test]
    fn the_newest_file_of_each_contributor_wins_in_any_order(
        versions in prop::collection::vec((0u8..3, 0u32..50, any_draft()), 1..12),
        order in any::<prop::sample::Index>(),
    ) {
        use consultation_response::consolidation::{admit, Contribution};
        let files: Vec<Contribution> = versions
            .iter()
            .enumerate()
            .map(|(n, (who, day, draft))| {
                let mut draft = draft.clone();
                draft.ensure_identity(&format!("contributor-{who}"));
                // Distinct times, so that "newest" is always defined.
                let at = format!("2026-{:04}-{n:03}", day);
                let (draft, saved_at) = Draft::from_json(&draft.to_json(&at), ID).unwrap();
                Contribution::from_file(draft, saved_at, "f.json")
            })
            .collect();
        let mut shuffled = files.clone();
        let len = shuffled.len();
        shuffled.rotate_left(order.index(len));
        let mut list = Vec::new();
        for file in shuffled {
            admit(&mut list, file);
        }
        let mut contributors: Vec<&String> = files.iter().map(|f| &f.key).collect();
        contributors.sort();
        contributors.dedup();
        prop_assert_eq!(list.len(), contributors.len());
        for kept in &list {
            let newest = files
                .iter()
                .filter(|f| f.key == kept.key)
                .max_by(|a, b| a.saved_at.cmp(&b.saved_at))
                .unwrap();
            // The newest text; an older file with the very same text may stand for it.
            prop_assert_eq!(kept.draft.fields(), newest.draft.fields());
        }
    }
}
