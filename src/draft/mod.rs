//! A respondent's draft: the answers, how they are written to and read from storage, and the
//! save bookkeeping. Pure logic; the browser's storage comes in through [`KeyValueStore`].

mod keeper;
mod respondent;
pub mod transfer;

pub use keeper::{
    backup_key, storage_key, KeyValueStore, OpenNotice, SaveStatus, Session, StoreError,
};
pub use respondent::{Capacity, Publication, Respondent, RespondentKind, RespondentText};

use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Marks a JSON document as one of our drafts.
pub const DRAFT_FORMAT: &str = "consultation-response/draft";
/// The draft format this release writes. Older ones are read through migrations; newer ones are
/// refused and kept untouched.
pub const DRAFT_VERSION: u64 = 1;

/// Key of the general comments among [`Draft::comment`]s; the others are keyed by area id.
pub const GENERAL_COMMENTS: &str = "general";

/// One respondent's response to one consultation: answers keyed by question id (`4.iii`), the
/// respondent's details, and comments on missing or wrongly identified issues, keyed by area id
/// or [`GENERAL_COMMENTS`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    consultation: String,
    answers: BTreeMap<String, String>,
    comments: BTreeMap<String, String>,
    pub respondent: Respondent,
}

/// Why stored or imported text is not a draft this release can open.
#[derive(Debug, Clone, PartialEq)]
pub enum DraftError {
    /// The text is not JSON at all (truncated, or something else entirely).
    NotJson,
    /// JSON, but not shaped like a draft.
    NotADraft,
    /// A draft written by a newer release of the app.
    NewerVersion(u64),
    /// A version number no release has written.
    UnknownVersion(u64),
    /// A draft for another consultation.
    OtherConsultation(String),
}

/// The stored form of a draft, version 1.
#[derive(Serialize, Deserialize)]
struct DraftFileV1 {
    format: String,
    version: u64,
    consultation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    saved_at: Option<String>,
    answers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    comments: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Respondent::is_empty")]
    respondent: Respondent,
}

impl Draft {
    /// An empty draft for the consultation `consultation_id`.
    pub fn new(consultation_id: &str) -> Self {
        Draft {
            consultation: consultation_id.to_string(),
            ..Draft::default()
        }
    }

    pub fn consultation(&self) -> &str {
        &self.consultation
    }

    /// The answer to question `id` exactly as typed; empty when there is none.
    pub fn answer(&self, id: &str) -> &str {
        self.answers.get(id).map_or("", String::as_str)
    }

    /// Sets the answer to question `id`; an empty text removes it. Returns whether anything changed.
    pub fn set_answer(&mut self, id: &str, text: &str) -> bool {
        set_text(&mut self.answers, id, text)
    }

    /// The comment on missing or wrongly identified issues for an area (or the general one).
    pub fn comment(&self, key: &str) -> &str {
        self.comments.get(key).map_or("", String::as_str)
    }

    /// Sets a comment; an empty text removes it. Returns whether anything changed.
    pub fn set_comment(&mut self, key: &str, text: &str) -> bool {
        set_text(&mut self.comments, key, text)
    }

    /// Whether question `id` has an answer with something in it besides whitespace.
    pub fn is_answered(&self, id: &str) -> bool {
        !self.answer(id).trim().is_empty()
    }

    /// Every stored answer, by question id.
    pub fn answers(&self) -> impl Iterator<Item = (&str, &str)> {
        self.answers.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// How many of `ids` are answered.
    pub fn answered_count<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> usize {
        ids.into_iter().filter(|id| self.is_answered(id)).count()
    }

    /// The draft as stored: JSON in the current format, stamped with `saved_at` (ISO 8601).
    pub fn to_json(&self, saved_at: &str) -> String {
        let file = DraftFileV1 {
            format: DRAFT_FORMAT.to_string(),
            version: DRAFT_VERSION,
            consultation: self.consultation.clone(),
            saved_at: Some(saved_at.to_string()),
            answers: self.answers.clone(),
            comments: self.comments.clone(),
            respondent: self.respondent.clone(),
        };
        serde_json::to_string(&file).expect("a map of strings always serialises")
    }

    /// Reads a stored draft for `consultation_id`; returns it with the time it was saved.
    pub fn from_json(
        raw: &str,
        consultation_id: &str,
    ) -> Result<(Draft, Option<String>), DraftError> {
        let value: Value = serde_json::from_str(raw).map_err(|_| DraftError::NotJson)?;
        if value.get("format").and_then(Value::as_str) != Some(DRAFT_FORMAT) {
            return Err(DraftError::NotADraft);
        }
        let version = value
            .get("version")
            .and_then(Value::as_u64)
            .ok_or(DraftError::NotADraft)?;
        if version > DRAFT_VERSION {
            return Err(DraftError::NewerVersion(version));
        }
        if version != 1 {
            return Err(DraftError::UnknownVersion(version));
        }
        let file: DraftFileV1 = serde_json::from_value(value).map_err(|_| DraftError::NotADraft)?;
        if file.consultation != consultation_id {
            return Err(DraftError::OtherConsultation(file.consultation));
        }
        let non_empty = |map: BTreeMap<String, String>| {
            map.into_iter().filter(|(_, v)| !v.is_empty()).collect()
        };
        let draft = Draft {
            consultation: file.consultation,
            answers: non_empty(file.answers),
            comments: non_empty(file.comments),
            respondent: file.respondent,
        };
        Ok((draft, file.saved_at))
    }
}

/// Sets `key` to `text` in `map`, removing it when empty; returns whether anything changed.
fn set_text(map: &mut BTreeMap<String, String>, key: &str, text: &str) -> bool {
    if map.get(key).map_or("", String::as_str) == text {
        return false;
    }
    if text.is_empty() {
        map.remove(key);
    } else {
        map.insert(key.to_string(), text.to_string());
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "wipo-ip-ai-2019";

    #[test]
    fn an_answer_is_kept_exactly_as_typed() {
        let mut draft = Draft::new(ID);
        let text = "  第一段\n\n<script>alert(1)</script> & “引号”  ";
        assert!(draft.set_answer("4.iii", text));
        assert_eq!(draft.answer("4.iii"), text);
        assert!(!draft.set_answer("4.iii", text), "same text is no change");
        assert!(draft.is_answered("4.iii"));
    }

    #[test]
    fn whitespace_only_is_not_an_answer_and_empty_removes_it() {
        let mut draft = Draft::new(ID);
        draft.set_answer("1.i", " \n ");
        assert!(!draft.is_answered("1.i"));
        assert_eq!(draft.answered_count(["1.i", "1.ii"]), 0);
        draft.set_answer("1.i", "");
        assert_eq!(draft.answers().count(), 0);
    }

    #[test]
    fn a_saved_draft_reads_back_equal() {
        let mut draft = Draft::new(ID);
        draft.set_answer("1.i", "应该允许");
        draft.set_answer("p26", &"长".repeat(20_000));
        draft.set_answer("13.ii", "It's <b>bold</b> & \"quoted\"\r\nline");
        draft.set_comment("data", "数据一节遗漏了个人数据的问题。");
        draft.set_comment(GENERAL_COMMENTS, "总体同意。");
        draft.respondent.name = "张三".into();
        draft.respondent.kind = Some(RespondentKind::UniversityOrResearch);
        draft.respondent.publication = Some(Publication::WithName);
        let json = draft.to_json("2026-11-26T10:00:00.000Z");
        let (back, saved_at) = Draft::from_json(&json, ID).unwrap();
        assert_eq!(back, draft);
        assert_eq!(saved_at.as_deref(), Some("2026-11-26T10:00:00.000Z"));
    }

    #[test]
    fn stored_json_names_its_format_version_and_consultation() {
        let json = Draft::new(ID).to_json("t");
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["format"], DRAFT_FORMAT);
        assert_eq!(value["version"], 1);
        assert_eq!(value["consultation"], ID);
    }

    #[test]
    fn unreadable_text_is_refused_with_its_reason() {
        let good = Draft::new(ID).to_json("t");
        assert_eq!(
            Draft::from_json("{\"format\":", ID),
            Err(DraftError::NotJson)
        );
        assert_eq!(
            Draft::from_json(&good[..good.len() - 3], ID),
            Err(DraftError::NotJson)
        );
        assert_eq!(Draft::from_json("[1,2]", ID), Err(DraftError::NotADraft));
        let bad_kind = good.replace(
            "\"answers\":{}",
            "\"answers\":{},\"respondent\":{\"kind\":\"alien\"}",
        );
        assert_eq!(Draft::from_json(&bad_kind, ID), Err(DraftError::NotADraft));
        let wrong_type = good.replace("\"answers\":{}", "\"answers\":{\"1.i\":5}");
        assert_eq!(
            Draft::from_json(&wrong_type, ID),
            Err(DraftError::NotADraft)
        );
        let newer = good.replace("\"version\":1", "\"version\":7");
        assert_eq!(
            Draft::from_json(&newer, ID),
            Err(DraftError::NewerVersion(7))
        );
        let zero = good.replace("\"version\":1", "\"version\":0");
        assert_eq!(
            Draft::from_json(&zero, ID),
            Err(DraftError::UnknownVersion(0))
        );
        assert_eq!(
            Draft::from_json(&good, "other"),
            Err(DraftError::OtherConsultation(ID.into()))
        );
    }
}
