//! The customer list's state: the query, the rows fetched so far (by index,
//! in chunks, only around what is on screen) and the highlighted row.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use portal_ipc::{
    CustomerListArgs, CustomerPage, CustomerRow, CustomerSort, CustomerStatus, ErrorDto,
    StatusCounts,
};
use yew::Reducible;

/// Rows fetched per request.
pub const CHUNK: u32 = 100;
/// Chunks kept; the farthest from the newest one are dropped.
const KEPT_CHUNKS: usize = 12;

/// What the list shows.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CustomersState {
    /// The search box.
    pub text: String,
    /// The chip pressed, if any.
    pub status: Option<CustomerStatus>,
    /// The order.
    pub sort: CustomerSort,
    /// Bumped whenever the query or the cache changes; answers to older
    /// requests are dropped.
    pub generation: u64,
    /// Fetched rows by position.
    pub rows: BTreeMap<u32, CustomerRow>,
    /// Chunks asked for in this generation.
    pub requested: BTreeSet<u32>,
    /// How many match, once the first chunk arrived.
    pub total: Option<u64>,
    /// The row the arrow keys move.
    pub highlighted: Option<u32>,
    /// Why the list could not be read.
    pub error: Option<ErrorDto>,
    /// Customers per status, for the chips.
    pub counts: Option<StatusCounts>,
    /// The rows and total answer an earlier query: they stay on screen until
    /// this query's first chunk replaces them, so a keystroke patches the
    /// list once instead of emptying it and filling it again.
    pub stale: bool,
}

/// Everything that changes the list.
#[derive(Debug, Clone, PartialEq)]
pub enum CustomersAction {
    /// The search text changed.
    Search(String),
    /// A chip was pressed (the same chip again: all customers).
    Filter(Option<CustomerStatus>),
    /// The order changed.
    Sort(CustomerSort),
    /// The cache changed (after a sync): read everything again.
    Reload,
    /// A chunk was asked for.
    Requested(u32),
    /// A chunk arrived for `generation`.
    Loaded(u64, CustomerPage),
    /// A chunk failed for `generation`.
    Failed(u64, ErrorDto),
    /// The status counts arrived.
    Counts(StatusCounts),
    /// A row was highlighted (clicked or reached with the keys).
    Highlight(u32),
    /// The arrow keys: move the highlight by this many rows.
    Move(i64),
}

impl CustomersState {
    /// The list before any action, holding `first_page` when the window read
    /// it ahead (see [`CustomersState::page_args`]), so the desk's first
    /// render already shows customers.
    pub fn starting_with(first_page: Option<CustomerPage>) -> CustomersState {
        let start = Rc::new(CustomersState::default());
        match first_page {
            Some(page) if page.offset == 0 => {
                let asked = start.reduce(CustomersAction::Requested(0));
                let generation = asked.generation;
                Rc::unwrap_or_clone(asked.reduce(CustomersAction::Loaded(generation, page)))
            }
            _ => Rc::unwrap_or_clone(start),
        }
    }

    /// The request for the chunk at `offset` of this query.
    pub fn page_args(&self, profile: &str, offset: u32) -> CustomerListArgs {
        CustomerListArgs {
            profile: profile.to_owned(),
            text: self.text.clone(),
            status: self.status,
            sort: self.sort,
            offset,
            limit: CHUNK,
        }
    }

    /// The chunks rows `first..=last` need that were not asked for yet.
    pub fn missing_chunks(&self, first: u32, last: u32) -> Vec<u32> {
        let total = if self.stale { None } else { self.total };
        let limit = match total {
            Some(0) => return Vec::new(),
            Some(total) => total.saturating_sub(1) as u32,
            None => u32::MAX,
        };
        (first / CHUNK..=last.min(limit) / CHUNK)
            .map(|c| c * CHUNK)
            .filter(|offset| !self.requested.contains(offset))
            .collect()
    }

    /// The highlighted customer.
    pub fn highlighted_row(&self) -> Option<&CustomerRow> {
        self.highlighted.and_then(|i| self.rows.get(&i))
    }

    /// Rows the list can show.
    pub fn len(&self) -> u32 {
        self.total.map_or(0, |total| total as u32)
    }

    /// Whether the rows answer the query as it is now.
    pub fn answered(&self) -> bool {
        self.total.is_some() && !self.stale
    }

    fn restart(&mut self) {
        self.generation += 1;
        self.stale = !self.rows.is_empty() || self.total.is_some();
        self.requested.clear();
        self.error = None;
        self.highlighted = None;
    }

    /// Drops what an earlier query left on screen.
    fn drop_stale(&mut self) {
        if self.stale {
            self.stale = false;
            self.rows.clear();
            self.total = None;
        }
    }
}

impl Reducible for CustomersState {
    type Action = CustomersAction;

    fn reduce(self: Rc<Self>, action: CustomersAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            CustomersAction::Search(text) => {
                if text == self.text {
                    return self;
                }
                next.text = text;
                next.restart();
            }
            CustomersAction::Filter(status) => {
                next.status = if status == self.status { None } else { status };
                next.restart();
            }
            CustomersAction::Sort(sort) => {
                next.sort = sort;
                next.restart();
            }
            CustomersAction::Reload => {
                let highlighted = self.highlighted;
                next.restart();
                next.highlighted = highlighted;
            }
            CustomersAction::Requested(offset) => {
                next.requested.insert(offset);
            }
            CustomersAction::Loaded(generation, page) => {
                if generation != self.generation {
                    return self;
                }
                next.drop_stale();
                next.total = Some(page.total);
                for (i, row) in page.rows.into_iter().enumerate() {
                    next.rows.insert(page.offset + i as u32, row);
                }
                next.keep_near(page.offset);
                next.error = None;
            }
            CustomersAction::Failed(generation, error) => {
                if generation != self.generation {
                    return self;
                }
                next.drop_stale();
                next.error = Some(error);
            }
            CustomersAction::Counts(counts) => next.counts = Some(counts),
            CustomersAction::Highlight(index) => next.highlighted = Some(index),
            CustomersAction::Move(delta) => {
                let len = next.len();
                if len == 0 {
                    return self;
                }
                let from = self.highlighted.map_or(-1, i64::from);
                let to = (from + delta).clamp(0, i64::from(len) - 1);
                next.highlighted = Some(to as u32);
            }
        }
        Rc::new(next)
    }
}

impl CustomersState {
    /// Drops the chunks farthest from `offset` beyond [`KEPT_CHUNKS`].
    fn keep_near(&mut self, offset: u32) {
        if self.requested.len() <= KEPT_CHUNKS {
            return;
        }
        let mut chunks: Vec<u32> = self.requested.iter().copied().collect();
        chunks.sort_by_key(|c| c.abs_diff(offset));
        for far in chunks.split_off(KEPT_CHUNKS) {
            self.requested.remove(&far);
            let end = far + CHUNK;
            self.rows.retain(|i, _| *i < far || *i >= end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: u32) -> CustomerRow {
        CustomerRow {
            id: format!("cus_{id}"),
            name: Some(format!("Customer {id}")),
            email: None,
            status: "active".into(),
        }
    }

    fn page(offset: u32, len: u32, total: u64) -> CustomerPage {
        CustomerPage {
            rows: (offset..offset + len).map(row).collect(),
            offset,
            total,
        }
    }

    fn apply(state: CustomersState, actions: Vec<CustomersAction>) -> CustomersState {
        let mut state = Rc::new(state);
        for action in actions {
            state = state.reduce(action);
        }
        (*state).clone()
    }

    #[test]
    fn a_first_page_read_ahead_is_on_screen_from_the_start() {
        let state = CustomersState::starting_with(Some(page(0, 100, 250)));
        assert_eq!(state.rows.len(), 100);
        assert_eq!(state.total, Some(250));
        assert!(state.answered());
        assert_eq!(
            state.missing_chunks(0, 120),
            vec![100],
            "the first chunk is not asked again"
        );
        // What the window reads ahead is what the list itself would ask first.
        assert_eq!(
            CustomersState::default().page_args("p", 0),
            state.page_args("p", 0)
        );
        assert_eq!(
            CustomersState::starting_with(None),
            CustomersState::default()
        );
    }

    #[test]
    fn an_answer_to_an_older_query_is_dropped() {
        let state = apply(
            CustomersState::default(),
            vec![
                CustomersAction::Search("a".into()),
                CustomersAction::Search("ab".into()),
                CustomersAction::Loaded(1, page(0, 100, 500)),
            ],
        );
        assert!(state.rows.is_empty(), "generation 1 was 'a', now 'ab'");
        let state = apply(state, vec![CustomersAction::Loaded(2, page(0, 100, 500))]);
        assert_eq!(state.rows.len(), 100);
        assert_eq!(state.total, Some(500));
    }

    #[test]
    fn the_last_answer_stays_until_the_next_replaces_it() {
        let state = apply(
            CustomersState::default(),
            vec![
                CustomersAction::Requested(0),
                CustomersAction::Loaded(0, page(0, 100, 500)),
                CustomersAction::Search("b".into()),
            ],
        );
        assert_eq!(state.rows.len(), 100, "still on screen");
        assert!(!state.answered(), "but not the answer to 'b'");
        assert_eq!(state.missing_chunks(0, 20), vec![0], "asked for again");
        let state = apply(state, vec![CustomersAction::Loaded(1, page(0, 3, 3))]);
        assert_eq!(state.rows.len(), 3, "replaced whole");
        assert_eq!(state.total, Some(3));
        assert!(state.answered());
    }

    #[test]
    fn an_empty_answer_does_not_stop_the_next_query_asking() {
        let state = apply(
            CustomersState::default(),
            vec![
                CustomersAction::Search("zzz".into()),
                CustomersAction::Loaded(1, page(0, 0, 0)),
                CustomersAction::Search("zz".into()),
            ],
        );
        assert_eq!(state.missing_chunks(0, 20), vec![0]);
        let state = apply(
            state,
            vec![CustomersAction::Failed(
                2,
                ErrorDto::new(portal_ipc::ErrorCode::Bridge, "gone"),
            )],
        );
        assert_eq!(
            state.total, None,
            "an error leaves no earlier answer on screen"
        );
        assert!(state.error.is_some());
    }

    #[test]
    fn only_chunks_on_screen_and_not_yet_asked_are_fetched() {
        let state = apply(
            CustomersState::default(),
            vec![
                CustomersAction::Requested(0),
                CustomersAction::Loaded(0, page(0, 100, 1000)),
            ],
        );
        assert_eq!(state.missing_chunks(0, 40), Vec::<u32>::new());
        assert_eq!(state.missing_chunks(90, 210), vec![100, 200]);
        assert_eq!(
            state.missing_chunks(990, 1100),
            vec![900],
            "not past the end"
        );
    }

    #[test]
    fn arrows_stay_inside_the_list() {
        let state = apply(
            CustomersState::default(),
            vec![
                CustomersAction::Loaded(0, page(0, 3, 3)),
                CustomersAction::Move(1),
                CustomersAction::Move(5),
            ],
        );
        assert_eq!(state.highlighted, Some(2));
        let state = apply(state, vec![CustomersAction::Move(-10)]);
        assert_eq!(state.highlighted, Some(0));
    }

    #[test]
    fn pressing_the_same_chip_again_shows_everyone() {
        let state = apply(
            CustomersState::default(),
            vec![
                CustomersAction::Filter(Some(CustomerStatus::PastDue)),
                CustomersAction::Filter(Some(CustomerStatus::PastDue)),
            ],
        );
        assert_eq!(state.status, None);
        assert_eq!(state.generation, 2);
    }

    #[test]
    fn far_chunks_are_dropped_while_scrolling() {
        let mut actions = Vec::new();
        for chunk in 0..20 {
            actions.push(CustomersAction::Requested(chunk * CHUNK));
            actions.push(CustomersAction::Loaded(
                0,
                page(chunk * CHUNK, CHUNK, 100_000),
            ));
        }
        let state = apply(CustomersState::default(), actions);
        assert_eq!(state.requested.len(), KEPT_CHUNKS);
        assert!(state.rows.contains_key(&1950) && !state.rows.contains_key(&0));
    }
}
