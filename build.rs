//! Chooses the consultation this build serves: the JSON file named by the `CONSULTATION`
//! environment variable (a path, relative to this folder or absolute), else WIPO's paper. The file
//! is checked (the same checker as `scripts/check-consultation.sh`, every problem with where it
//! is) and copied into the build's output folder, where `catalog::Consultation::built_in` reads it.

use std::path::PathBuf;

// The checker and the JSON reader it uses depend on nothing else in the crate.
#[allow(dead_code)]
#[path = "src/catalog/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "src/json.rs"]
mod json;

const DEFAULT: &str = "data/wipo-ip-ai-2019.json";

fn main() {
    println!("cargo:rerun-if-env-changed=CONSULTATION");
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let chosen = std::env::var("CONSULTATION").unwrap_or_else(|_| DEFAULT.to_string());
    let source = manifest.join(&chosen);
    println!("cargo:rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).unwrap_or_else(|error| {
        panic!(
            "CONSULTATION={chosen}: cannot read {}: {error}",
            source.display()
        )
    });
    let problems = check::check(&text);
    if !problems.is_empty() {
        let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
        panic!(
            "CONSULTATION={chosen} cannot be built, it has {} problem(s):\n{}",
            problems.len(),
            list.join("\n")
        );
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("consultation.json"), minified(&text))
        .expect("the output folder is writable");
}

/// `json` without the whitespace between its tokens: the file is written to be read by people,
/// the copy built in only to be parsed.
fn minified(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
        } else if !c.is_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}
