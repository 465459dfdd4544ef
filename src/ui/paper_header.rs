use super::use_strings;
use crate::catalog::Consultation;
use crate::i18n::long_date;
use yew::prelude::*;

/// The consultation's identity: title, symbol, where responses go and by when.
#[function_component]
pub fn PaperHeader() -> Html {
    let strings = use_strings();
    let paper = Consultation::wipo_2019();
    html! {
        <header class="cr-header">
            <p class="cr-header__kicker">{ strings.consultation_kicker }{ " · " }{ &paper.symbol }</p>
            <h1 class="cr-header__title" id="cr-title">{ &paper.title.zh }</h1>
            <dl class="cr-header__facts">
                <div>
                    <dt>{ strings.send_to }</dt>
                    <dd><a href={format!("mailto:{}", paper.email)}>{ &paper.email }</a></dd>
                </div>
                <div>
                    <dt>{ strings.deadline }</dt>
                    <dd><time datetime={paper.deadline.clone()}>{ long_date(&paper.deadline, strings) }</time></dd>
                </div>
            </dl>
            <p class="cr-header__note">{ strings.unofficial_translation }</p>
            <p class="cr-header__note">{ strings.privacy_note }</p>
        </header>
    }
}
