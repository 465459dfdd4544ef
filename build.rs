//! Chooses the consultation this build serves: the JSON file named by the `CONSULTATION`
//! environment variable (a path, relative to this folder or absolute), else WIPO's paper. The file
//! is copied into the build's output folder, where `catalog::Consultation::built_in` reads it.

use std::path::PathBuf;

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
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    std::fs::write(out.join("consultation.json"), text).expect("the output folder is writable");
}
