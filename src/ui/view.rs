//! How the paper is shown: which areas are collapsed, whether the context paragraphs are folded,
//! and whether answered questions are set aside. Only presentation: the draft is never touched,
//! and hidden fields stay in the page (hidden, not removed), so nothing typed can be lost.

use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// The view's id for the introduction, which collapses like an area.
pub const INTRO: &str = "intro";

/// What the reader chose to see.
#[derive(Clone, PartialEq, Default)]
pub struct ViewState {
    /// Areas (by id, `intro` for the introduction) whose content is collapsed.
    pub collapsed: BTreeSet<String>,
    pub context_folded: bool,
    /// Questions set aside by "unanswered only": those answered when it was switched on. Taken
    /// once, so a question being answered does not vanish under the cursor.
    pub set_aside: Option<Rc<BTreeSet<String>>>,
    /// The consolidation filter that set questions aside, when it was one (not "unanswered
    /// only").
    pub filter: Option<crate::consolidation::Filter>,
}

impl ViewState {
    pub fn is_collapsed(&self, area: &str) -> bool {
        self.collapsed.contains(area)
    }

    pub fn is_set_aside(&self, question: &str) -> bool {
        self.set_aside
            .as_ref()
            .is_some_and(|ids| ids.contains(question))
    }
}

/// A change to the view.
pub struct ViewChange(Rc<dyn Fn(&mut ViewState)>);

impl Reducible for ViewState {
    type Action = ViewChange;

    fn reduce(self: Rc<Self>, action: ViewChange) -> Rc<Self> {
        let mut next = (*self).clone();
        (action.0)(&mut next);
        Rc::new(next)
    }
}

/// The view state and a way to change it, shared through context. Equal between renders unless
/// the view changed, so typing never re-renders the paper through it.
#[derive(Clone, PartialEq)]
pub struct View {
    pub state: Rc<ViewState>,
    dispatch: UseReducerDispatcher<ViewState>,
}

impl View {
    /// Changes the view with `edit`.
    pub fn update(&self, edit: impl Fn(&mut ViewState) + 'static) {
        self.dispatch.dispatch(ViewChange(Rc::new(edit)));
    }
}

/// The view shared by the paper and the contents.
#[hook]
pub fn use_view() -> View {
    use_context::<View>().expect("the app provides the view")
}

/// Keeps the view state for the app, starting with the context paragraphs folded or not.
#[hook]
pub fn use_view_state(context_folded: bool) -> View {
    let state = use_reducer(|| ViewState {
        context_folded,
        ..ViewState::default()
    });
    View {
        state: Rc::new((*state).clone()),
        dispatch: state.dispatcher(),
    }
}
