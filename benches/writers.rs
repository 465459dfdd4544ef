//! Benchmark: how long each document writer takes for a full draft (every question answered with
//! 2,000 characters, respondent and comments filled). `cargo bench --bench writers`; prints
//! medians, asserts nothing.

use consultation_response::catalog::Consultation;
use consultation_response::draft::Draft;
use consultation_response::export::{outline::Options, produce, Format};
use std::time::{Duration, Instant};

fn full_draft(paper: &Consultation) -> Draft {
    let mut draft = Draft::new(&paper.id);
    let unit = "人工智能与知识产权的政策问题需要审慎研究。Policy needs care & <evidence>.\n";
    let answer: String = unit.chars().cycle().take(2_000).collect();
    for question in paper.answerables() {
        draft.set_answer(question.id, &answer);
    }
    for area in &paper.areas {
        draft.set_comment(&area.id, &answer);
    }
    draft.respondent.name = "王五".into();
    draft.respondent.organisation = "某国知识产权局".into();
    draft
}

fn main() {
    let paper = consultation_response::wipo_2019();
    let draft = full_draft(paper);
    let options = Options {
        date: "2026-11-26".into(),
        include_unanswered: true,
        language: consultation_response::language::Language::Zh,
        all_languages: false,
    };
    println!(
        "full draft: {} characters of answers",
        draft
            .answers()
            .map(|(_, a)| a.chars().count())
            .sum::<usize>()
    );
    for format in Format::ALL {
        let mut times: Vec<Duration> = (0..31)
            .map(|_| {
                let start = Instant::now();
                let (_, bytes) = produce(format, paper, &draft, &options, "2026-11-26T10:00:00Z");
                std::hint::black_box(bytes);
                start.elapsed()
            })
            .collect();
        times.sort();
        let (_, bytes) = produce(format, paper, &draft, &options, "t");
        println!(
            "{:>5}: {:>8.3} ms median, {:>7} bytes",
            format.extension(),
            times[15].as_secs_f64() * 1e3,
            bytes.len()
        );
    }
}
