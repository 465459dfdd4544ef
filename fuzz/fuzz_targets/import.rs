//! Fuzzes what the app reads from outside: imported files and stored drafts. Whatever the bytes,
//! the parsers return an answer without panicking, and anything accepted writes back and reads
//! again to the same draft.
#![no_main]

use consultation_response::draft::transfer::{from_file, to_file};
use consultation_response::draft::Draft;
use libfuzzer_sys::fuzz_target;

const ID: &str = "wipo-ip-ai-2019";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(draft) = from_file(&text, ID) {
        assert_eq!(from_file(&to_file(&draft, "t"), ID), Ok(draft));
    }
    if let Ok((draft, _)) = Draft::from_json(&text, ID) {
        assert_eq!(Draft::from_json(&draft.to_json("t"), ID).map(|(d, _)| d), Ok(draft));
    }
});
