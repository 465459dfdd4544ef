//! Earlier versions of a draft, kept beside it: at most one per ten minutes for the latest 20,
//! and one per day before that, so a person can go back to what they had yesterday.

use super::Draft;
use crate::json::{self, Fields, Json, Misshapen, Value};

/// How many recent snapshots are kept before only one per day remains.
pub const RECENT: usize = 20;

/// One earlier version: when it was saved and the draft as stored then.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// ISO 8601 (UTC), as the draft's `saved_at`.
    pub at: String,
    /// The stored draft JSON.
    pub draft: String,
}

/// The snapshots of one draft, oldest first.
/// Stored as `{"version":1,"snapshots":[{"at":"…","draft":"…"}]}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct History {
    version: u64,
    snapshots: Vec<Snapshot>,
}

/// Ten-minute bucket of an ISO time: `2026-11-26T14:5`.
pub fn bucket(at: &str) -> &str {
    at.get(..15).unwrap_or(at)
}

fn day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

impl History {
    /// Reads the stored history; anything unreadable is an empty one.
    pub fn from_json(text: &str) -> History {
        let read = |value: &Json| -> Result<History, Misshapen> {
            let fields = Fields::of(value)?;
            let snapshot = |item: &Json| {
                let item = Fields::of(item)?;
                Ok(Snapshot {
                    at: item.required_text("at")?,
                    draft: item.required_text("draft")?,
                })
            };
            fields.present("snapshots")?;
            Ok(History {
                version: fields.number("version")?,
                snapshots: fields.list("snapshots", snapshot)?,
            })
        };
        json::parse(text)
            .and_then(|value| read(&value).ok())
            .unwrap_or_default()
    }

    pub fn to_json(&self) -> String {
        let snapshots = self
            .snapshots
            .iter()
            .map(|s| {
                Value::Object(vec![
                    ("at", Value::Str(&s.at)),
                    ("draft", Value::Str(&s.draft)),
                ])
            })
            .collect();
        Value::Object(vec![
            ("version", Value::Number(1)),
            ("snapshots", Value::Array(snapshots)),
        ])
        .to_json()
    }

    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// Records the draft as saved at `at`. Within the same ten minutes the latest snapshot is
    /// replaced, so the newest snapshot is always the latest save.
    pub fn record(&mut self, at: &str, draft_json: &str) {
        let snapshot = Snapshot {
            at: at.to_string(),
            draft: draft_json.to_string(),
        };
        match self.snapshots.last_mut() {
            Some(last) if bucket(&last.at) == bucket(at) => *last = snapshot,
            _ => self.snapshots.push(snapshot),
        }
        self.prune();
    }

    /// Keeps the latest [`RECENT`] snapshots and, before them, the last one of each day.
    fn prune(&mut self) {
        let split = self.snapshots.len().saturating_sub(RECENT);
        let (older, recent) = self.snapshots.split_at(split);
        let mut kept: Vec<Snapshot> = Vec::new();
        for snapshot in older {
            match kept.last_mut() {
                Some(last) if day(&last.at) == day(&snapshot.at) => *last = snapshot.clone(),
                _ => kept.push(snapshot.clone()),
            }
        }
        kept.extend_from_slice(recent);
        self.snapshots = kept;
    }

    /// Drops the oldest half, to make room when the store is full.
    pub fn shrink(&mut self) {
        let drop = self.snapshots.len().div_ceil(2);
        self.snapshots.drain(..drop);
    }

    /// The draft of snapshot `index`, if it can still be read.
    pub fn draft(&self, index: usize, consultation_id: &str) -> Option<Draft> {
        let snapshot = self.snapshots.get(index)?;
        Draft::from_json(&snapshot.draft, consultation_id)
            .ok()
            .map(|(draft, _)| draft)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: u32, minute: u32) -> String {
        format!(
            "2026-11-{day:02}T{:02}:{:02}:00.000Z",
            minute / 60,
            minute % 60
        )
    }

    #[test]
    fn saves_within_ten_minutes_share_one_snapshot() {
        let mut history = History::default();
        history.record(&at(1, 600), "a");
        history.record(&at(1, 605), "b");
        history.record(&at(1, 611), "c");
        let drafts: Vec<&str> = history
            .snapshots()
            .iter()
            .map(|s| s.draft.as_str())
            .collect();
        assert_eq!(drafts, ["b", "c"]);
    }

    #[test]
    fn twenty_recent_and_one_per_day_before_them_are_kept() {
        let mut history = History::default();
        for day in 1..=5 {
            for step in 0..10 {
                history.record(&at(day, 600 + step * 10), &format!("{day}-{step}"));
            }
        }
        let drafts: Vec<&str> = history
            .snapshots()
            .iter()
            .map(|s| s.draft.as_str())
            .collect();
        assert_eq!(drafts.len(), RECENT + 3);
        assert_eq!(&drafts[..3], ["1-9", "2-9", "3-9"]);
        assert_eq!(drafts[3], "4-0");
        assert_eq!(drafts.last(), Some(&"5-9"));
    }

    #[test]
    fn unreadable_history_starts_empty_and_round_trips_otherwise() {
        assert_eq!(History::from_json("{oops"), History::default());
        let mut history = History::default();
        history.record(&at(1, 0), "{\"x\":1}");
        assert_eq!(
            History::from_json(&history.to_json()).snapshots(),
            history.snapshots()
        );
        history.shrink();
        assert!(history.snapshots().is_empty());
    }
}
