//! Consolidating many contributors' drafts into one response: who contributed, and each
//! question's answers grouped so that identical texts are read once. Plain Rust; the files come
//! in through [`crate::draft::transfer`].

use crate::draft::Draft;

/// One contributor's draft, as read from a file they sent, with the label it is shown under.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub label: String,
    pub draft: Draft,
}

impl Contribution {
    /// A contribution labelled by the draft's organisation, else its respondent's name, else the
    /// name of the file it came in.
    pub fn from_file(draft: Draft, file_name: &str) -> Self {
        let respondent = &draft.respondent;
        let label = [respondent.organisation.trim(), respondent.name.trim()]
            .into_iter()
            .find(|text| !text.is_empty())
            .unwrap_or(file_name)
            .to_string();
        Contribution { label, draft }
    }
}

/// One text given by one or more contributors for the same question.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerGroup {
    /// The text as its first contributor wrote it.
    pub text: String,
    /// Positions in the contributions, in order.
    pub contributors: Vec<usize>,
}

/// Texts that differ only in surrounding white space or line endings are the same answer.
fn same_answer_key(text: &str) -> String {
    text.trim().replace("\r\n", "\n")
}

/// The contributions' answers to question `id`: identical ones once with all their contributors,
/// empty ones left out, in the order their first contributor comes.
pub fn answer_groups(contributions: &[Contribution], id: &str) -> Vec<AnswerGroup> {
    let mut groups: Vec<(String, AnswerGroup)> = Vec::new();
    for (position, contribution) in contributions.iter().enumerate() {
        let text = contribution.draft.answer(id);
        let key = same_answer_key(text);
        if key.is_empty() {
            continue;
        }
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, group)) => group.contributors.push(position),
            None => groups.push((
                key,
                AnswerGroup {
                    text: text.to_string(),
                    contributors: vec![position],
                },
            )),
        }
    }
    groups.into_iter().map(|(_, group)| group).collect()
}

/// Whether the contributors who answered question `id` gave more than one answer.
pub fn answers_differ(contributions: &[Contribution], id: &str) -> bool {
    answer_groups(contributions, id).len() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contribution(label: &str, answers: &[(&str, &str)]) -> Contribution {
        let mut draft = Draft::new("wipo-ip-ai-2019");
        for (id, text) in answers {
            draft.set_answer(id, text);
        }
        Contribution {
            label: label.to_string(),
            draft,
        }
    }

    #[test]
    fn a_contribution_is_labelled_by_organisation_then_name_then_file() {
        let mut draft = Draft::new("wipo-ip-ai-2019");
        assert_eq!(
            Contribution::from_file(draft.clone(), "专利司.json").label,
            "专利司.json"
        );
        draft.respondent.name = " 王五 ".to_string();
        assert_eq!(
            Contribution::from_file(draft.clone(), "x.json").label,
            "王五"
        );
        draft.respondent.organisation = "某大学".to_string();
        assert_eq!(Contribution::from_file(draft, "x.json").label, "某大学");
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
        let groups = answer_groups(&contributions, "1.i");
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].text, "应该允许。");
        assert_eq!(groups[0].contributors, vec![0, 2]);
        assert_eq!(groups[1].contributors, vec![1]);
        assert!(answers_differ(&contributions, "1.i"));
        assert!(!answers_differ(&contributions, "2.i"));
        assert!(answer_groups(&contributions, "3.i").is_empty());
    }
}
