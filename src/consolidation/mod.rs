//! Consolidating many contributors' drafts into one response: who contributed, which file of a
//! contributor is the newest, and each question's answers grouped so that identical texts are
//! read once. Plain Rust; the files come in through [`crate::draft::transfer`].

pub mod compilation;

use crate::checksum::crc32;
use crate::draft::{Draft, FieldKey};
use crate::json::{self, Fields, Value};
use std::collections::BTreeMap;

/// One contributor's draft, as read from a file they sent: a read-only copy kept with the
/// consolidation.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Which contributor's draft this is: the draft's identity, or for a file from a release
    /// that gave drafts none, its content (the same file twice is then still recognised).
    pub key: String,
    /// The name of the file it came in.
    pub file_name: String,
    /// When the contributor's draft was saved, as the file says (ISO 8601).
    pub saved_at: Option<String>,
    /// The label the coordinator gave it, instead of the one from the draft.
    pub custom_label: Option<String>,
    /// When the coordinator added it (ISO 8601): contributions are listed in that order.
    pub added_at: String,
    pub draft: Draft,
}

impl Contribution {
    /// A contribution from a draft read from the file `file_name`.
    pub fn from_file(draft: Draft, saved_at: Option<String>, file_name: &str) -> Self {
        let key = if draft.identity().is_empty() {
            format!("content:{:08x}", crc32(draft.to_json("").as_bytes()))
        } else {
            format!("draft:{}", draft.identity())
        };
        Contribution {
            key,
            file_name: file_name.to_string(),
            saved_at,
            custom_label: None,
            added_at: String::new(),
            draft,
        }
    }

    /// The label it is shown under: the coordinator's, else the draft's organisation, else its
    /// respondent's name, else the name of the file it came in.
    pub fn label(&self) -> &str {
        let respondent = &self.draft.respondent;
        [
            self.custom_label.as_deref().unwrap_or("").trim(),
            respondent.organisation.trim(),
            respondent.name.trim(),
        ]
        .into_iter()
        .find(|text| !text.is_empty())
        .unwrap_or(&self.file_name)
    }

    /// The day the contributor's draft was saved, as the interface writes dates; or that the file
    /// does not say.
    pub fn saved_on(&self, strings: &crate::i18n::Strings) -> String {
        self.saved_at.as_deref().map_or_else(
            || strings.desk_date_unknown.to_string(),
            |at| crate::i18n::long_date(at.get(..10).unwrap_or(at), strings),
        )
    }

    /// Gives the contribution the coordinator's own label; an empty one goes back to the
    /// draft's.
    pub fn relabel(&mut self, label: &str) {
        let label = label.trim();
        self.custom_label = (!label.is_empty()).then(|| label.to_string());
    }

    /// How it is kept in the browser's store: `{"key","file_name","saved_at","custom_label",
    /// "added_at","draft"}`, the draft in the stored-draft format.
    pub fn to_record(&self) -> String {
        let draft = self.draft.to_json(self.saved_at.as_deref().unwrap_or(""));
        let mut members = vec![
            ("key", Value::Str(&self.key)),
            ("file_name", Value::Str(&self.file_name)),
            ("added_at", Value::Str(&self.added_at)),
            ("draft", Value::Str(&draft)),
        ];
        if let Some(saved_at) = &self.saved_at {
            members.push(("saved_at", Value::Str(saved_at)));
        }
        if let Some(label) = &self.custom_label {
            members.push(("custom_label", Value::Str(label)));
        }
        Value::Object(members).to_json()
    }

    /// Reads back what [`Contribution::to_record`] wrote; `None` for anything else.
    pub fn from_record(text: &str, consultation_id: &str) -> Option<Self> {
        let value = json::parse(text)?;
        let fields = Fields::of(&value).ok()?;
        let (draft, _) =
            Draft::from_json(&fields.required_text("draft").ok()?, consultation_id).ok()?;
        Some(Contribution {
            key: fields.required_text("key").ok()?,
            file_name: fields.text("file_name").ok()?,
            saved_at: fields.optional_text("saved_at").ok()?,
            custom_label: fields.optional_text("custom_label").ok()?,
            added_at: fields.text("added_at").ok()?,
            draft,
        })
    }
}

/// What became of a file added to the consolidation.
#[derive(Debug, Clone, PartialEq)]
pub enum Admission {
    /// A contributor not yet in the consolidation.
    Added,
    /// The same draft, unchanged, is already there: nothing changed.
    AlreadyThere,
    /// A newer file of a contributor replaced the older one; these fields (`answer:<id>`,
    /// `comment:<key>`) changed (none when only the contributor's details did).
    Replaced { changed: Vec<String> },
    /// An older (or no newer) file of a contributor whose draft is already there, with other
    /// text: the one there is kept.
    Older,
}

/// Adds `incoming` to `contributions`, following the rules of [`Admission`]. A replaced
/// contribution keeps its place (`added_at`) and the label the coordinator gave it.
pub fn admit(contributions: &mut Vec<Contribution>, incoming: Contribution) -> Admission {
    let Some(existing) = contributions.iter_mut().find(|c| c.key == incoming.key) else {
        contributions.push(incoming);
        return Admission::Added;
    };
    let (old, new) = (existing.draft.fields(), incoming.draft.fields());
    if old == new {
        return Admission::AlreadyThere;
    }
    // ISO 8601 times compare as text; a file that does not say when it was saved is the oldest.
    if incoming.saved_at <= existing.saved_at {
        return Admission::Older;
    }
    let changed = changed_fields(&old, &new);
    let (custom_label, added_at) = (existing.custom_label.take(), existing.added_at.clone());
    *existing = Contribution {
        custom_label,
        added_at,
        ..incoming
    };
    Admission::Replaced { changed }
}

/// The answer and comment fields whose text differs between two drafts' fields.
fn changed_fields(old: &BTreeMap<String, String>, new: &BTreeMap<String, String>) -> Vec<String> {
    let mut keys: Vec<&String> = old.keys().chain(new.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|key| FieldKey::parse(key).is_some_and(|k| k.is_paper_text()))
        .filter(|key| old.get(*key) != new.get(*key))
        .cloned()
        .collect()
}

/// The text a draft gives for field `key`: `answer:<id>` or `comment:<area or general>`.
pub fn field_text<'a>(draft: &'a Draft, key: &str) -> &'a str {
    match FieldKey::parse(key) {
        Some(FieldKey::Answer(id)) => draft.answer(&id),
        Some(FieldKey::Comment(comment)) => draft.comment(&comment),
        _ => "",
    }
}

/// One text given by one or more contributors for the same field.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerGroup {
    /// The text as its first contributor wrote it.
    pub text: String,
    /// Positions in the contributions, in order.
    pub contributors: Vec<usize>,
}

impl AnswerGroup {
    /// Its contributors' labels, joined by `join`.
    pub fn labels(&self, contributions: &[Contribution], join: &str) -> String {
        let labels: Vec<&str> = self
            .contributors
            .iter()
            .map(|&i| contributions[i].label())
            .collect();
        labels.join(join)
    }
}

/// Texts that differ only in surrounding white space or line endings are the same answer.
fn same_answer_key(text: &str) -> String {
    text.trim().replace("\r\n", "\n")
}

/// The contributions' texts for field `key`: identical ones once with all their contributors,
/// empty ones left out, in the order their first contributor comes.
pub fn answer_groups(contributions: &[Contribution], key: &str) -> Vec<AnswerGroup> {
    let mut groups: Vec<(String, AnswerGroup)> = Vec::new();
    for (position, contribution) in contributions.iter().enumerate() {
        let text = field_text(&contribution.draft, key);
        let same = same_answer_key(text);
        if same.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == same) {
            Some((_, group)) => group.contributors.push(position),
            None => groups.push((
                same,
                AnswerGroup {
                    text: text.to_string(),
                    contributors: vec![position],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// Which fields a filter of the consolidation view leaves on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    NotConsidered,
    /// The contributors who answered gave more than one answer.
    Differing,
    /// No contributor answered.
    NobodyAnswered,
}

impl Filter {
    pub const ALL: [Filter; 3] = [
        Filter::NotConsidered,
        Filter::Differing,
        Filter::NobodyAnswered,
    ];

    /// Whether field `key` stays on screen under this filter.
    pub fn keeps(self, contributions: &[Contribution], own: &Draft, key: &str) -> bool {
        match self {
            Filter::NotConsidered => !own.is_considered(key),
            Filter::Differing => answer_groups(contributions, key).len() > 1,
            Filter::NobodyAnswered => answer_groups(contributions, key).is_empty(),
        }
    }
}

/// `text` appended to the consolidated answer `current`, after a blank line, and prefixed with
/// the contributor's `label` when given.
pub fn insert_into(current: &str, text: &str, label: Option<&str>) -> String {
    let addition = match label {
        Some(label) => format!("{label}: {}", text.trim()),
        None => text.trim().to_string(),
    };
    let current = current.trim_end();
    if current.is_empty() {
        addition
    } else {
        format!("{current}\n\n{addition}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "wipo-ip-ai-2019";

    fn contribution(label: &str, answers: &[(&str, &str)]) -> Contribution {
        let mut draft = Draft::new(ID);
        for (id, text) in answers {
            draft.set_answer(id, text);
        }
        draft.respondent.organisation = label.to_string();
        Contribution::from_file(draft, None, "f.json")
    }

    fn with_identity(identity: &str, saved_at: &str, answer: &str) -> Contribution {
        let mut draft = Draft::new(ID);
        draft.ensure_identity(identity);
        draft.set_answer("1.i", answer);
        Contribution::from_file(draft, Some(saved_at.to_string()), "f.json")
    }

    #[test]
    fn a_contribution_is_labelled_by_its_coordinator_then_organisation_then_name_then_file() {
        let mut draft = Draft::new(ID);
        let label = |draft: &Draft| Contribution::from_file(draft.clone(), None, "专利司.json");
        assert_eq!(label(&draft).label(), "专利司.json");
        draft.respondent.name = " 王五 ".to_string();
        assert_eq!(label(&draft).label(), "王五");
        draft.respondent.organisation = "某大学".to_string();
        let mut contribution = label(&draft);
        assert_eq!(contribution.label(), "某大学");
        contribution.relabel(" 大学 A ");
        assert_eq!(contribution.label(), "大学 A");
        contribution.relabel("  ");
        assert_eq!(contribution.label(), "某大学");
    }

    #[test]
    fn identical_answers_are_grouped_and_empty_ones_left_out() {
        let contributions = [
            contribution("甲", &[("1.i", "应该允许。")]),
            contribution("乙", &[("1.i", "不应该。")]),
            contribution("丙", &[("1.i", "  应该允许。\r\n")]),
            contribution("丁", &[("1.i", "   ")]),
            contribution("戊", &[("2.i", "别的问题")]),
        ];
        let groups = answer_groups(&contributions, "answer:1.i");
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].text, "应该允许。");
        assert_eq!(groups[0].contributors, vec![0, 2]);
        assert_eq!(groups[1].contributors, vec![1]);
        let own = Draft::new(ID);
        assert!(Filter::Differing.keeps(&contributions, &own, "answer:1.i"));
        assert!(!Filter::Differing.keeps(&contributions, &own, "answer:2.i"));
        assert!(Filter::NobodyAnswered.keeps(&contributions, &own, "answer:3.i"));
        assert!(!Filter::NobodyAnswered.keeps(&contributions, &own, "answer:2.i"));
    }

    #[test]
    fn the_same_file_twice_is_recognised_with_or_without_identity() {
        let mut list = Vec::new();
        let old_style = contribution("甲", &[("1.i", "一")]);
        assert_eq!(admit(&mut list, old_style.clone()), Admission::Added);
        assert_eq!(admit(&mut list, old_style), Admission::AlreadyThere);
        let newer_style = with_identity("abc", "2026-11-01T10:00:00Z", "二");
        assert_eq!(admit(&mut list, newer_style.clone()), Admission::Added);
        assert_eq!(admit(&mut list, newer_style), Admission::AlreadyThere);
        assert_eq!(list.len(), 2);
    }

    #[test]
    fn a_newer_file_replaces_the_older_and_never_the_other_way() {
        let mut list = vec![with_identity("abc", "2026-11-01T10:00:00Z", "初稿")];
        list[0].relabel("专利司");
        let older = with_identity("abc", "2026-10-01T10:00:00Z", "更早");
        assert_eq!(admit(&mut list, older), Admission::Older);
        assert_eq!(list[0].draft.answer("1.i"), "初稿");
        let mut newer = with_identity("abc", "2026-11-02T10:00:00Z", "定稿");
        newer.draft.set_comment("data", "补充");
        assert_eq!(
            admit(&mut list, newer),
            Admission::Replaced {
                changed: vec!["answer:1.i".to_string(), "comment:data".to_string()]
            }
        );
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].draft.answer("1.i"), "定稿");
        assert_eq!(list[0].label(), "专利司", "the coordinator's label stays");
        let undated = Contribution {
            saved_at: None,
            ..with_identity("abc", "x", "无日期")
        };
        assert_eq!(admit(&mut list, undated), Admission::Older);
    }

    #[test]
    fn a_record_reads_back_equal() {
        let mut contribution = with_identity("abc", "2026-11-01T10:00:00Z", "回答 \"引号\"");
        contribution.relabel("某司");
        let back = Contribution::from_record(&contribution.to_record(), ID).unwrap();
        assert_eq!(back, contribution);
        assert_eq!(Contribution::from_record("{}", ID), None);
    }

    #[test]
    fn inserting_appends_after_a_blank_line_with_an_optional_label() {
        assert_eq!(insert_into("", " 甲的意见\n", None), "甲的意见");
        assert_eq!(
            insert_into("已有\n", "乙的意见", Some("乙")),
            "已有\n\n乙: 乙的意见"
        );
    }
}
