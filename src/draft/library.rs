//! Several named drafts for one consultation: the list, and creating, renaming, duplicating and
//! deleting (with undo) them. The first draft keeps the original storage key, so a browser that
//! has only ever had one draft needs no migration.

use super::keeper::{storage_key, KeyValueStore, StoreError};
use super::Draft;
use crate::json::{self, Fields, Json, Misshapen, Value};

/// The id of the first draft, stored under the consultation's own key.
pub const MAIN_DRAFT: &str = "main";

/// One draft in the list.
#[derive(Debug, Clone, PartialEq)]
pub struct DraftEntry {
    pub id: String,
    /// The name as stored; for a numbered draft, its name in the language it was created in
    /// (what an older release shows).
    pub name: String,
    /// Set while the draft keeps its default name ("Draft 2"): the interface then names it in
    /// its own language. Renaming clears it.
    pub number: Option<u64>,
}

/// A draft that was deleted and can still be brought back.
#[derive(Debug, Clone, PartialEq)]
pub struct Deleted {
    pub entry: DraftEntry,
    /// Where it stood in the list.
    pub position: usize,
    /// Its stored text, if it had any.
    pub stored: Option<String>,
}

/// Stored as `{"version":1,"drafts":[{"id","name","number"?}],"current","next","deleted":{"entry","position","stored"}}`
/// (`number` only while a draft keeps its default name).
#[derive(Debug, Clone, PartialEq)]
struct Index {
    version: u64,
    drafts: Vec<DraftEntry>,
    /// The draft last opened, to open again next time.
    current: String,
    next: u64,
    deleted: Option<Deleted>,
}

impl DraftEntry {
    fn to_value(&self) -> Value<'_> {
        let mut members = vec![
            ("id", Value::Str(&self.id)),
            ("name", Value::Str(&self.name)),
        ];
        if let Some(number) = self.number {
            members.push(("number", Value::Number(number)));
        }
        Value::Object(members)
    }

    fn from_json(value: &Json) -> Result<Self, Misshapen> {
        let fields = Fields::of(value)?;
        Ok(DraftEntry {
            id: fields.required_text("id")?,
            name: fields.required_text("name")?,
            number: fields.optional_number("number")?,
        })
    }
}

impl Index {
    fn to_json(&self) -> String {
        let mut members = vec![
            ("version", Value::Number(self.version)),
            (
                "drafts",
                Value::Array(self.drafts.iter().map(DraftEntry::to_value).collect()),
            ),
            ("current", Value::Str(&self.current)),
            ("next", Value::Number(self.next)),
        ];
        if let Some(deleted) = &self.deleted {
            let mut fields = vec![
                ("entry", deleted.entry.to_value()),
                ("position", Value::Number(deleted.position as u64)),
            ];
            if let Some(stored) = &deleted.stored {
                fields.push(("stored", Value::Str(stored)));
            }
            members.push(("deleted", Value::Object(fields)));
        }
        Value::Object(members).to_json()
    }

    fn from_json(value: &Json) -> Result<Self, Misshapen> {
        let fields = Fields::of(value)?;
        let deleted = |value: &Json| {
            let fields = Fields::of(value)?;
            Ok(Deleted {
                entry: fields.required("entry", DraftEntry::from_json)?,
                position: fields.number("position")? as usize,
                stored: fields.optional_text("stored")?,
            })
        };
        fields.present("drafts")?;
        Ok(Index {
            version: fields.number("version")?,
            drafts: fields.list("drafts", DraftEntry::from_json)?,
            current: fields.required_text("current")?,
            next: fields.number("next")?,
            deleted: fields.optional("deleted", deleted)?,
        })
    }
}

/// The drafts of one consultation in one store.
pub struct Library<S> {
    store: S,
    consultation: String,
    index: Index,
}

/// Where the draft `draft_id` of `consultation_id` is stored.
pub fn draft_key(consultation_id: &str, draft_id: &str) -> String {
    if draft_id == MAIN_DRAFT {
        storage_key(consultation_id)
    } else {
        format!("{}/drafts/{draft_id}", storage_key(consultation_id))
    }
}

fn index_key(consultation_id: &str) -> String {
    format!("{}/index", storage_key(consultation_id))
}

impl<S: KeyValueStore> Library<S> {
    /// Reads the list; without one (or with an unreadable one) there is a single draft, number 1,
    /// named `first_name`.
    pub fn open(store: S, consultation_id: &str, first_name: &str) -> Self {
        let stored = store.get(&index_key(consultation_id)).ok().flatten();
        let index = stored
            .and_then(|text| json::parse(&text))
            .and_then(|value| Index::from_json(&value).ok())
            .filter(|index| !index.drafts.is_empty())
            .unwrap_or_else(|| Index {
                version: 1,
                drafts: vec![DraftEntry {
                    id: MAIN_DRAFT.into(),
                    name: first_name.into(),
                    number: Some(1),
                }],
                current: MAIN_DRAFT.into(),
                next: 2,
                deleted: None,
            });
        Library {
            store,
            consultation: consultation_id.into(),
            index,
        }
    }

    pub fn drafts(&self) -> &[DraftEntry] {
        &self.index.drafts
    }

    /// The draft to open: the last one opened, if it still exists.
    pub fn current(&self) -> &str {
        let current = &self.index.current;
        if self.index.drafts.iter().any(|d| &d.id == current) {
            current
        } else {
            &self.index.drafts[0].id
        }
    }

    pub fn deleted(&self) -> Option<&Deleted> {
        self.index.deleted.as_ref()
    }

    /// The stored draft `draft_id`, if it has been saved and can be read.
    pub fn load(&self, draft_id: &str) -> Option<(Draft, Option<String>)> {
        let json = self
            .store
            .get(&draft_key(&self.consultation, draft_id))
            .ok()??;
        Draft::from_json(&json, &self.consultation).ok()
    }

    fn save_index(&self) -> Result<(), StoreError> {
        let json = self.index.to_json();
        self.store.set(&index_key(&self.consultation), &json)
    }

    pub fn set_current(&mut self, draft_id: &str) -> Result<(), StoreError> {
        self.index.current = draft_id.into();
        self.save_index()
    }

    /// Adds a draft called `name` holding `draft` (stored at once) and returns its id. `number`
    /// marks `name` as the default name of that number.
    pub fn create(
        &mut self,
        name: &str,
        number: Option<u64>,
        draft: &Draft,
        now: &str,
    ) -> Result<String, StoreError> {
        let id = format!("d{}", self.index.next);
        self.store
            .set(&draft_key(&self.consultation, &id), &draft.to_json(now))?;
        self.index.next += 1;
        self.index.drafts.push(DraftEntry {
            id: id.clone(),
            name: name.trim().to_string(),
            number,
        });
        self.save_index().map(|()| id)
    }

    pub fn rename(&mut self, draft_id: &str, name: &str) -> Result<(), StoreError> {
        if let Some(entry) = self.index.drafts.iter_mut().find(|d| d.id == draft_id) {
            entry.name = name.trim().to_string();
            entry.number = None;
        }
        self.save_index()
    }

    /// Deletes a draft, keeping it (and only the latest deleted one) for [`Library::undo_delete`].
    /// The last remaining draft cannot be deleted.
    pub fn delete(&mut self, draft_id: &str) -> Result<(), StoreError> {
        if self.index.drafts.len() < 2 {
            return Ok(());
        }
        let Some(position) = self.index.drafts.iter().position(|d| d.id == draft_id) else {
            return Ok(());
        };
        let key = draft_key(&self.consultation, draft_id);
        let stored = self.store.get(&key)?;
        let entry = self.index.drafts.remove(position);
        self.index.deleted = Some(Deleted {
            entry,
            position,
            stored,
        });
        if self.index.current == draft_id {
            self.index.current = self.index.drafts[0].id.clone();
        }
        // The index (holding the deleted text) is written before the draft goes.
        self.save_index()?;
        self.store.remove(&key)
    }

    /// Brings back the latest deleted draft; returns its id.
    pub fn undo_delete(&mut self) -> Result<Option<String>, StoreError> {
        let Some(deleted) = self.index.deleted.clone() else {
            return Ok(None);
        };
        if let Some(stored) = &deleted.stored {
            self.store
                .set(&draft_key(&self.consultation, &deleted.entry.id), stored)?;
        }
        let position = deleted.position.min(self.index.drafts.len());
        self.index.drafts.insert(position, deleted.entry.clone());
        self.index.deleted = None;
        self.save_index().map(|()| Some(deleted.entry.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::MemoryStore;

    const ID: &str = "wipo-ip-ai-2019";

    fn draft(answer: &str) -> Draft {
        let mut draft = Draft::new(ID);
        draft.set_answer("1.i", answer);
        draft
    }

    #[test]
    fn the_first_draft_keeps_the_original_key() {
        let store = MemoryStore::default();
        store
            .set(&storage_key(ID), &draft("原有草稿").to_json("t"))
            .unwrap();
        let library = Library::open(store, ID, "草稿 1");
        assert_eq!(
            library.drafts(),
            [DraftEntry {
                id: "main".into(),
                name: "草稿 1".into(),
                number: Some(1),
            }]
        );
        assert_eq!(library.current(), "main");
        assert_eq!(library.load("main").unwrap().0.answer("1.i"), "原有草稿");
    }

    #[test]
    fn drafts_are_created_renamed_and_remembered() {
        let store = MemoryStore::default();
        let mut library = Library::open(store.clone(), ID, "草稿 1");
        let id = library
            .create("草稿 2", Some(2), &draft("部里"), "t")
            .unwrap();
        assert_eq!(library.drafts()[1].number, Some(2));
        library.rename(&id, "  司里的意见 ").unwrap();
        library.set_current(&id).unwrap();
        let again = Library::open(store, ID, "草稿 1");
        assert_eq!(again.drafts().len(), 2);
        assert_eq!(again.drafts()[1].name, "司里的意见");
        assert_eq!(
            again.drafts()[0].number,
            Some(1),
            "the first keeps its default name"
        );
        assert_eq!(
            again.drafts()[1].number,
            None,
            "a renamed draft has its own name"
        );
        assert_eq!(again.current(), id);
        assert_eq!(again.load(&id).unwrap().0.answer("1.i"), "部里");
    }

    #[test]
    fn a_deleted_draft_comes_back_with_undo() {
        let store = MemoryStore::default();
        let mut library = Library::open(store.clone(), ID, "草稿 1");
        let id = library
            .create("第二份", None, &draft("第二份的回答"), "t")
            .unwrap();
        library.set_current(&id).unwrap();
        library.delete(&id).unwrap();
        assert_eq!(library.drafts().len(), 1);
        assert_eq!(library.current(), "main");
        assert!(store.get(&draft_key(ID, &id)).unwrap().is_none());
        let reopened = Library::open(store.clone(), ID, "草稿 1");
        assert_eq!(
            reopened.deleted().unwrap().entry.name,
            "第二份",
            "undo survives a reload"
        );
        let mut library = reopened;
        assert_eq!(library.undo_delete().unwrap(), Some(id.clone()));
        assert_eq!(library.drafts().len(), 2);
        assert_eq!(library.load(&id).unwrap().0.answer("1.i"), "第二份的回答");
    }

    #[test]
    fn the_last_draft_cannot_be_deleted() {
        let mut library = Library::open(MemoryStore::default(), ID, "草稿 1");
        library.delete("main").unwrap();
        assert_eq!(library.drafts().len(), 1);
    }
}
