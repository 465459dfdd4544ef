//! Property tests of the consultation checker: no input makes it panic, whether random text or
//! WIPO's file with a piece cut out, doubled or replaced; and what it accepts, the app reads.
#![cfg(not(target_arch = "wasm32"))]

use consultation_response::catalog::check::check;
use consultation_response::catalog::Consultation;
use consultation_response::WIPO_2019_JSON;
use proptest::prelude::*;

/// WIPO's file with the characters `from..from+len` replaced by `with`.
fn mutated(from: usize, len: usize, with: &str) -> String {
    let chars: Vec<char> = WIPO_2019_JSON.chars().collect();
    let from = from % chars.len();
    let to = (from + len).min(chars.len());
    chars[..from]
        .iter()
        .chain(with.chars().collect::<Vec<_>>().iter())
        .chain(chars[to..].iter())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn random_text_never_panics(text in ".{0,200}") {
        let _ = check(&text);
    }

    #[test]
    fn a_mutated_wipo_file_never_panics_and_what_passes_is_read(
        from in 0usize..200_000,
        len in 0usize..40,
        with in prop_oneof![Just(String::new()), "[{}\\[\\],:\"0-9a-z ]{1,6}", Just("null".to_string()), Just("\"\"".to_string())],
    ) {
        let text = mutated(from, len, &with);
        if check(&text).is_empty() {
            prop_assert!(Consultation::from_json(&text).is_ok(), "the checker passed a file the app cannot read");
        }
    }
}
