//! A respondent's draft: the answers, how they are written to and read from storage, and the
//! save bookkeeping. Pure logic; the browser's storage comes in through [`KeyValueStore`].

pub mod field;
pub mod history;
mod keeper;
pub mod library;
mod respondent;
pub mod transfer;

pub use field::FieldKey;
pub use keeper::{
    backup_key, history_key, setting_key, storage_key, KeyValueStore, MemoryStore, OpenNotice,
    SaveStatus, Session, StoreError,
};
pub use respondent::{Capacity, Publication, Respondent, RespondentText};

use crate::json::{self, Fields, Json, Misshapen, Value};
use std::collections::{BTreeMap, BTreeSet};

/// Marks a JSON document as one of our drafts.
pub const DRAFT_FORMAT: &str = "consultation-response/draft";
/// The draft format this release writes. Older ones are read through migrations; newer ones are
/// refused and kept untouched.
pub const DRAFT_VERSION: u64 = 2;

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
    /// Text another window saved for a field this window had also changed, by field key (see
    /// [`Draft::fields`]), kept until the person chooses.
    conflicts: BTreeMap<String, String>,
    /// Names this draft across files and machines, so that a coordinator who receives a newer
    /// file of the same draft knows it replaces the older. Empty until the draft first leaves
    /// the browser as a file (drafts from version 1 have none).
    identity: String,
    /// Fields (`answer:<id>`, `comment:<key>`) a coordinator has marked as considered.
    considered: BTreeSet<String>,
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

// The stored form of a draft is a JSON object: `format`, `version`, `consultation`, `saved_at`,
// `answers`, and when not empty `comments`, `respondent`, `conflicts`, `identity` (version 2) and
// `considered` (version 2). A version 1 draft reads as one without identity or marks.

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

    /// The draft's identity across files; empty until it is first given one.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// Gives the draft `fresh` as its identity unless it has one. Returns whether it changed.
    pub fn ensure_identity(&mut self, fresh: &str) -> bool {
        if !self.identity.is_empty() {
            return false;
        }
        self.identity = fresh.to_string();
        true
    }

    /// Lets go of the identity: a copy of a draft is another draft.
    pub fn clear_identity(&mut self) {
        self.identity.clear();
    }

    /// Whether the coordinator marked field `key` (`answer:<id>`, `comment:<key>`) considered.
    pub fn is_considered(&self, key: &str) -> bool {
        self.considered.contains(key)
    }

    /// Marks field `key` considered or not; returns whether anything changed.
    pub fn set_considered(&mut self, key: &str, considered: bool) -> bool {
        if considered {
            self.considered.insert(key.to_string())
        } else {
            self.considered.remove(key)
        }
    }

    /// Every field as text, keyed `answer:<id>`, `comment:<key>`, `respondent:<detail>` and
    /// `considered:<field>` (`1`): the unit in which two windows' changes are merged.
    pub fn fields(&self) -> BTreeMap<String, String> {
        let mut fields = BTreeMap::new();
        for (id, text) in &self.answers {
            fields.insert(FieldKey::Answer(id.clone()).to_string(), text.clone());
        }
        for (key, text) in &self.comments {
            fields.insert(FieldKey::Comment(key.clone()).to_string(), text.clone());
        }
        // Marks are kept as their field's text form; one that names no field is not merged.
        for field in self
            .considered
            .iter()
            .filter_map(|key| FieldKey::parse(key))
        {
            let mark = FieldKey::Considered(Box::new(field));
            fields.insert(mark.to_string(), "1".to_string());
        }
        for (name, text) in self.respondent.details() {
            fields.insert(
                FieldKey::Respondent(name.to_string()).to_string(),
                text.to_string(),
            );
        }
        fields
    }

    /// Sets one field named as in [`Draft::fields`]; returns whether it changed anything.
    pub fn set_field(&mut self, key: &str, text: &str) -> bool {
        match FieldKey::parse(key) {
            Some(FieldKey::Answer(id)) => self.set_answer(&id, text),
            Some(FieldKey::Comment(comment)) => self.set_comment(&comment, text),
            Some(FieldKey::Considered(field)) => {
                self.set_considered(&field.to_string(), !text.is_empty())
            }
            Some(FieldKey::Respondent(name)) => {
                self.respondent.set_detail(&name, text).unwrap_or(false)
            }
            None => false,
        }
    }

    /// Takes in text typed into field `key` before the form had started: the field holds it,
    /// and a different text it held is kept as the other version for the person to choose
    /// (nothing is overwritten silently). Returns whether anything changed.
    pub fn take_in_typed(&mut self, key: &str, typed: &str) -> bool {
        let held = self.fields().remove(key).unwrap_or_default();
        if held == typed {
            return false;
        }
        if !held.trim().is_empty() {
            self.conflicts.insert(key.to_string(), held);
        }
        self.set_field(key, typed);
        true
    }

    /// Text kept from another window for fields both windows changed, by field key.
    pub fn conflicts(&self) -> impl Iterator<Item = (&str, &str)> {
        self.conflicts.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Settles the conflict on `key`: the field takes `text` and the other window's version is
    /// let go. Returns whether anything changed.
    pub fn resolve_conflict(&mut self, key: &str, text: &str) -> bool {
        let had = self.conflicts.remove(key).is_some();
        self.set_field(key, text) || had
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
        let mut members = vec![
            ("format", Value::Str(DRAFT_FORMAT)),
            ("version", Value::Number(DRAFT_VERSION)),
            ("consultation", Value::Str(&self.consultation)),
            ("saved_at", Value::Str(saved_at)),
            ("answers", Value::text_map(&self.answers)),
        ];
        if !self.comments.is_empty() {
            members.push(("comments", Value::text_map(&self.comments)));
        }
        if !self.respondent.is_empty() {
            members.push(("respondent", self.respondent.to_value()));
        }
        if !self.conflicts.is_empty() {
            members.push(("conflicts", Value::text_map(&self.conflicts)));
        }
        if !self.identity.is_empty() {
            members.push(("identity", Value::Str(&self.identity)));
        }
        if !self.considered.is_empty() {
            let marks = self.considered.iter().map(|k| Value::Str(k)).collect();
            members.push(("considered", Value::Array(marks)));
        }
        Value::Object(members).to_json()
    }

    /// Reads a stored draft for `consultation_id`; returns it with the time it was saved.
    pub fn from_json(
        raw: &str,
        consultation_id: &str,
    ) -> Result<(Draft, Option<String>), DraftError> {
        let value = json::parse(raw).ok_or(DraftError::NotJson)?;
        if value.get("format").and_then(Json::as_str) != Some(DRAFT_FORMAT) {
            return Err(DraftError::NotADraft);
        }
        let version = value
            .get("version")
            .and_then(Json::as_u64)
            .ok_or(DraftError::NotADraft)?;
        if version > DRAFT_VERSION {
            return Err(DraftError::NewerVersion(version));
        }
        if version == 0 {
            return Err(DraftError::UnknownVersion(version));
        }
        let (draft, saved_at) = read_stored(&value).map_err(|_| DraftError::NotADraft)?;
        if draft.consultation != consultation_id {
            return Err(DraftError::OtherConsultation(draft.consultation));
        }
        Ok((draft, saved_at))
    }
}

/// The fields of a stored draft, empty texts left out.
fn read_stored(value: &Json) -> Result<(Draft, Option<String>), Misshapen> {
    let fields = Fields::of(value)?;
    let non_empty = |map: BTreeMap<String, String>| -> BTreeMap<String, String> {
        map.into_iter().filter(|(_, v)| !v.is_empty()).collect()
    };
    // Every stored draft has its answers, if only `{}`.
    fields.present("answers")?;
    let draft = Draft {
        consultation: fields.required_text("consultation")?,
        answers: non_empty(fields.text_map("answers")?),
        comments: non_empty(fields.text_map("comments")?),
        respondent: fields
            .optional("respondent", Respondent::from_json)?
            .unwrap_or_default(),
        conflicts: non_empty(fields.text_map("conflicts")?),
        identity: fields.text("identity")?,
        considered: fields
            .list("considered", json::string)?
            .into_iter()
            .collect(),
    };
    Ok((draft, fields.optional_text("saved_at")?))
}

/// The outcome of merging another window's saved draft into this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub draft: Draft,
    /// Fields whose text differs from this window's before the merge.
    pub changed: Vec<String>,
}

/// Three-way merge, field by field: `base` is what this window last read or wrote, `ours` what it
/// holds now, `theirs` what another window has since stored. A field only one side changed takes
/// that side's text. A field both changed differently keeps ours, and theirs is kept as a
/// conflict for the person to settle: no text is ever dropped.
pub fn merge(base: &Draft, ours: &Draft, theirs: &Draft) -> Merged {
    let (base_fields, our_fields, their_fields) = (base.fields(), ours.fields(), theirs.fields());
    let mut draft = ours.clone();
    let mut changed = Vec::new();
    // Conflicts still open are merged like fields: one window settling one settles it for both.
    draft.conflicts = merge_maps(&base.conflicts, &ours.conflicts, &theirs.conflicts);
    let keys: std::collections::BTreeSet<&String> = base_fields
        .keys()
        .chain(our_fields.keys())
        .chain(their_fields.keys())
        .collect();
    let get = |map: &BTreeMap<String, String>, key: &str| map.get(key).cloned().unwrap_or_default();
    for key in keys {
        let (b, o, t) = (
            get(&base_fields, key),
            get(&our_fields, key),
            get(&their_fields, key),
        );
        if o == t || t == b {
            continue;
        }
        if o == b {
            draft.set_field(key, &t);
            changed.push(key.clone());
        } else if !t.trim().is_empty() {
            draft.conflicts.insert(key.clone(), t);
        }
    }
    // A conflict whose other version is now the field's text has nothing left to choose.
    let fields = draft.fields();
    draft
        .conflicts
        .retain(|key, other| fields.get(key).map_or("", String::as_str) != other.as_str());
    Merged { draft, changed }
}

/// Three-way merge of two maps where, if both sides changed an entry, ours wins.
fn merge_maps(
    base: &BTreeMap<String, String>,
    ours: &BTreeMap<String, String>,
    theirs: &BTreeMap<String, String>,
) -> BTreeMap<String, String> {
    let mut out = ours.clone();
    for key in base.keys().chain(theirs.keys()) {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        if o == b && t != b {
            match t {
                Some(t) => out.insert(key.clone(), t.clone()),
                None => out.remove(key),
            };
        }
    }
    out
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
    fn text_typed_before_start_is_taken_in_and_never_overwrites_silently() {
        let mut draft = Draft::new(ID);
        draft.set_answer("1.ii", "已存的回答");
        // Into empty fields: taken in, nothing to choose.
        assert!(draft.take_in_typed("answer:1.i", "启动前输入"));
        assert!(draft.take_in_typed("respondent:name", "王五"));
        assert_eq!(draft.answer("1.i"), "启动前输入");
        assert_eq!(draft.respondent.name, "王五");
        assert_eq!(draft.conflicts().count(), 0);
        // The same text again changes nothing.
        assert!(!draft.take_in_typed("answer:1.i", "启动前输入"));
        // Over a stored answer: the field holds what was typed, the stored text is kept to choose.
        assert!(draft.take_in_typed("answer:1.ii", "新写的"));
        assert_eq!(draft.answer("1.ii"), "新写的");
        assert_eq!(
            draft.conflicts().collect::<Vec<_>>(),
            vec![("answer:1.ii", "已存的回答")]
        );
    }

    #[test]
    fn every_field_can_be_set_back_from_its_text() {
        let mut draft = Draft::new(ID);
        draft.set_answer("1.i", "一");
        draft.set_comment("data", "二");
        draft.respondent.name = "张三".into();
        draft.respondent.kind = Some("ngo".into());
        draft.respondent.publication_acknowledged = true;
        let mut copy = Draft::new(ID);
        for (key, text) in draft.fields() {
            assert!(copy.set_field(&key, &text), "{key}");
        }
        assert_eq!(copy, draft);
        assert!(copy.set_field("respondent:kind", ""));
        assert_eq!(copy.respondent.kind, None);
    }

    #[test]
    fn edits_to_different_fields_in_two_windows_both_survive() {
        let base = Draft::new(ID);
        let mut ours = base.clone();
        ours.set_answer("1.i", "本窗口");
        let mut theirs = base.clone();
        theirs.set_answer("2.i", "另一窗口");
        theirs.respondent.name = "李四".into();
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.draft.answer("1.i"), "本窗口");
        assert_eq!(merged.draft.answer("2.i"), "另一窗口");
        assert_eq!(merged.draft.respondent.name, "李四");
        assert_eq!(
            merged.changed,
            vec!["answer:2.i".to_string(), "respondent:name".to_string()]
        );
        assert_eq!(merged.draft.conflicts().count(), 0);
    }

    #[test]
    fn edits_to_the_same_field_keep_both_texts() {
        let mut base = Draft::new(ID);
        base.set_answer("3.i", "原文");
        let mut ours = base.clone();
        ours.set_answer("3.i", "原文，本窗口补充");
        let mut theirs = base.clone();
        theirs.set_answer("3.i", "原文，另一窗口补充");
        let merged = merge(&base, &ours, &theirs);
        assert_eq!(merged.draft.answer("3.i"), "原文，本窗口补充");
        assert_eq!(
            merged.draft.conflicts().collect::<Vec<_>>(),
            vec![("answer:3.i", "原文，另一窗口补充")]
        );
        assert!(merged.changed.is_empty());
        // The other window, merging ours in turn, keeps the conflict too: both texts live on.
        let back = merge(&theirs, &theirs, &merged.draft);
        assert_eq!(back.draft.answer("3.i"), "原文，本窗口补充");
        assert_eq!(
            back.draft.conflicts().collect::<Vec<_>>(),
            vec![("answer:3.i", "原文，另一窗口补充")]
        );
        let mut settled = back.draft.clone();
        assert!(settled.resolve_conflict("answer:3.i", "两者合并"));
        assert_eq!(settled.conflicts().count(), 0);
        assert_eq!(settled.answer("3.i"), "两者合并");
        // Settled in one window, settled in the other.
        let elsewhere = merge(&merged.draft, &merged.draft, &settled);
        assert_eq!(elsewhere.draft.conflicts().count(), 0);
        assert_eq!(elsewhere.draft.answer("3.i"), "两者合并");
    }

    #[test]
    fn a_version_1_draft_opens_without_identity_and_keeps_its_answers() {
        let v1 = r#"{"format":"consultation-response/draft","version":1,"consultation":"wipo-ip-ai-2019","saved_at":"t","answers":{"1.i":"一"}}"#;
        let (draft, _) = Draft::from_json(v1, ID).unwrap();
        assert_eq!(draft.answer("1.i"), "一");
        assert_eq!(draft.identity(), "");
    }

    #[test]
    fn identity_and_considered_marks_are_kept_and_merged() {
        let mut draft = Draft::new(ID);
        assert!(draft.ensure_identity("a1"));
        assert!(
            !draft.ensure_identity("b2"),
            "an identity is never replaced"
        );
        assert!(draft.set_considered("answer:1.i", true));
        let (back, _) = Draft::from_json(&draft.to_json("t"), ID).unwrap();
        assert_eq!(back.identity(), "a1");
        assert!(back.is_considered("answer:1.i"));
        let mut theirs = back.clone();
        theirs.set_considered("comment:data", true);
        let merged = merge(&back, &back, &theirs);
        assert!(merged.draft.is_considered("comment:data"));
        assert!(merged.draft.is_considered("answer:1.i"));
    }

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
        draft.respondent.kind = Some("university-or-research".into());
        draft.respondent.publication = Some(Publication::WithName);
        let json = draft.to_json("2026-11-26T10:00:00.000Z");
        let (back, saved_at) = Draft::from_json(&json, ID).unwrap();
        assert_eq!(back, draft);
        assert_eq!(saved_at.as_deref(), Some("2026-11-26T10:00:00.000Z"));
    }

    #[test]
    fn stored_json_names_its_format_version_and_consultation() {
        let json = Draft::new(ID).to_json("t");
        let value = json::parse(&json).unwrap();
        assert_eq!(
            value.get("format").and_then(Json::as_str),
            Some(DRAFT_FORMAT)
        );
        assert_eq!(
            value.get("version").and_then(Json::as_u64),
            Some(DRAFT_VERSION)
        );
        assert_eq!(value.get("consultation").and_then(Json::as_str), Some(ID));
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
        let bad_capacity = good.replace(
            "\"answers\":{}",
            "\"answers\":{},\"respondent\":{\"capacity\":\"alien\"}",
        );
        assert_eq!(
            Draft::from_json(&bad_capacity, ID),
            Err(DraftError::NotADraft)
        );
        let wrong_type = good.replace("\"answers\":{}", "\"answers\":{\"1.i\":5}");
        assert_eq!(
            Draft::from_json(&wrong_type, ID),
            Err(DraftError::NotADraft)
        );
        let newer = good.replace("\"version\":2", "\"version\":7");
        assert_eq!(
            Draft::from_json(&newer, ID),
            Err(DraftError::NewerVersion(7))
        );
        let zero = good.replace("\"version\":2", "\"version\":0");
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
