//! `prerender <out-dir>`: the app's first view as HTML, one file per language of the paper the
//! build serves (`first-view.<code>.html`), rendered natively by Yew's server renderer from the
//! same components the browser runs. The page shows it before the WebAssembly has started; the
//! app then takes its place (see `ui::take_over`). Run by `scripts/finish-dist.mjs`.

use consultation_response::catalog::Consultation;
use consultation_response::ui::{App, AppProps, Paper};
use std::future::Future;
use std::task::{Context, Poll, Waker};

fn main() {
    let out = std::env::args().nth(1).expect("usage: prerender <out-dir>");
    let paper = Consultation::built_in();
    for language in &paper.languages {
        let props = AppProps {
            paper: Paper(paper),
            configured_language: Some(*language),
            chosen_language: None,
            own_page: false,
        };
        let html = run(yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render());
        let path = format!("{out}/first-view.{}.html", language.code());
        std::fs::write(&path, html).unwrap_or_else(|e| panic!("{path}: {e}"));
    }
}

/// Drives a future that needs no waking (rendering without suspense) to its end.
fn run<T>(future: impl Future<Output = T>) -> T {
    let mut future = std::pin::pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}
