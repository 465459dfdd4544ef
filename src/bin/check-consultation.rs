//! `check-consultation <file.json>`: checks a consultation file before it is built, printing every
//! problem with where it is. Exits 0 when the file can be built, 1 when it has problems, 2 when it
//! cannot be read. `scripts/check-consultation.sh` runs it.

use consultation_response::catalog::check::check;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: check-consultation <consultation.json>");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: cannot be read as UTF-8 text: {error}");
            return ExitCode::from(2);
        }
    };
    let problems = check(&text);
    if problems.is_empty() {
        println!("{path}: no problems; it can be built (CONSULTATION={path} ./scripts/serve.sh)");
        return ExitCode::SUCCESS;
    }
    for problem in &problems {
        println!("{path}: {problem}");
    }
    println!(
        "{path}: {} problem(s); the build refuses the file until they are fixed",
        problems.len()
    );
    ExitCode::from(1)
}
