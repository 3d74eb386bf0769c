//! The customer list: search, status chips, sort, counts, and a virtual list
//! that renders only the rows on screen (it stays smooth at 100,000).

use portal_ipc::{CustomerRow, CustomerSort, CustomerStatus, SyncProgress};
use web_sys::{Element, HtmlInputElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::format;
use crate::hooks::use_desk;
use crate::ipc;
use crate::state::customers::{CustomersAction, CustomersState};
use crate::timing;

/// Height of a row in pixels (the CSS says the same).
const ROW_HEIGHT: u32 = 56;
/// Rows rendered beyond each edge of the visible area.
const OVERSCAN: u32 = 8;

#[derive(Properties, PartialEq)]
pub struct CustomerListProps {
    pub state: UseReducerHandle<CustomersState>,
    pub search_ref: NodeRef,
    /// The customer open on the right.
    pub opened: Option<String>,
    /// The customer whose portal is being opened.
    pub busy: Option<String>,
    /// No sync has finished yet and one is running.
    pub first_sync: bool,
    pub progress: Option<SyncProgress>,
    pub on_open: Callback<String>,
    pub on_portal: Callback<String>,
}

#[component]
pub fn CustomerList(props: &CustomerListProps) -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let state = props.state.clone();
    let list_ref = use_node_ref();
    let scroll = use_state(|| (0u32, 600u32));

    // After each render, fetch the chunks the visible rows need.
    {
        let (top, height) = *scroll;
        let state = state.clone();
        let profile = desk.profile.clone();
        use_effect(move || {
            timing::mark_once("portal-desk:list-effects");
            let first = top / ROW_HEIGHT;
            let last = first + height / ROW_HEIGHT + OVERSCAN;
            for offset in state.missing_chunks(first.saturating_sub(OVERSCAN), last) {
                let args = state.page_args(&profile, offset);
                let generation = state.generation;
                let dispatcher = state.dispatcher();
                // Asked before the list renders `Requested`: that render
                // overlaps the core's answer.
                let page = ipc::list_customers(&args);
                state.dispatch(CustomersAction::Requested(offset));
                spawn_local(async move {
                    match page.await {
                        Ok(page) => dispatcher.dispatch(CustomersAction::Loaded(generation, page)),
                        Err(error) => {
                            dispatcher.dispatch(CustomersAction::Failed(generation, error))
                        }
                    }
                });
            }
        });
    }

    // The first time customers are on screen, a User Timing mark: `cargo xtask
    // bench` reads it for the cold start (process start to an interactive list).
    {
        let shown = !state.rows.is_empty();
        use_effect_with(shown, move |shown| {
            if *shown {
                timing::mark_once(timing::LIST_SHOWN);
                timing::mark_next_frame(timing::LIST_PAINTED);
            }
        });
    }

    // Keep the highlighted row in view.
    {
        let list_ref = list_ref.clone();
        use_effect_with(state.highlighted, move |highlighted| {
            if let (Some(index), Some(list)) = (highlighted, list_ref.cast::<Element>()) {
                let top = *index as i32 * ROW_HEIGHT as i32;
                let bottom = top + ROW_HEIGHT as i32;
                if top < list.scroll_top() {
                    list.set_scroll_top(top);
                } else if bottom > list.scroll_top() + list.client_height() {
                    list.set_scroll_top(bottom - list.client_height());
                }
            }
        });
    }
    // A new query starts at the top.
    {
        let list_ref = list_ref.clone();
        let scroll = scroll.clone();
        use_effect_with((state.text.clone(), state.status, state.sort), move |_| {
            if let Some(list) = list_ref.cast::<Element>() {
                list.set_scroll_top(0);
                scroll.set((0, list.client_height().max(0) as u32));
            }
        });
    }

    let on_scroll = {
        let scroll = scroll.clone();
        let list_ref = list_ref.clone();
        Callback::from(move |_: Event| {
            if let Some(list) = list_ref.cast::<Element>() {
                scroll.set((
                    list.scroll_top().max(0) as u32,
                    list.client_height().max(0) as u32,
                ));
            }
        })
    };
    let on_search = {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            timing::step("input");
            let input: HtmlInputElement = e.target_unchecked_into();
            state.dispatch(CustomersAction::Search(input.value()));
        })
    };
    let on_sort = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let sort = match select.value().as_str() {
                "created" => CustomerSort::Created,
                "next_renewal" => CustomerSort::NextRenewal,
                _ => CustomerSort::Name,
            };
            state.dispatch(CustomersAction::Sort(sort));
        })
    };

    let chips = {
        let counts = state.counts.clone();
        let chip = |status: Option<CustomerStatus>| {
            let (id, label, count) = match status {
                None => (
                    "chip-all".to_owned(),
                    t!("customers-chip-all"),
                    counts.as_ref().map(|c| c.all),
                ),
                Some(s) => (
                    format!("chip-{}", s.as_str()),
                    status_label(s.as_str()),
                    counts.as_ref().map(|c| c.of(s)),
                ),
            };
            let pressed = state.status == status;
            let onclick = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| {
                    // "All" always clears; a status chip toggles.
                    let next = if status.is_none() {
                        state.status
                    } else {
                        status
                    };
                    state.dispatch(CustomersAction::Filter(next));
                })
            };
            html! {
                <button type="button" {id} class={classes!("filter-chip", pressed.then_some("pressed"))}
                    aria-pressed={pressed.to_string()} {onclick}>
                    { label }
                    if let Some(n) = count { <span class="chip-count">{ format::count(n) }</span> }
                </button>
            }
        };
        // Past due, unpaid and incomplete together, with what they owe. Its
        // count overlaps theirs, so it isn't one of the chips that add up to All.
        let at_risk = count_of(&counts, CustomerStatus::NeedsAttention);
        let attention = {
            let status = Some(CustomerStatus::NeedsAttention);
            let pressed = state.status == status;
            let owed: Vec<String> = counts
                .as_ref()
                .map(|c| c.owed.iter().map(format::money).collect())
                .unwrap_or_default();
            let onclick = {
                let state = state.clone();
                Callback::from(move |_: MouseEvent| state.dispatch(CustomersAction::Filter(status)))
            };
            let title = (!owed.is_empty()).then(|| t!("customers-owed", amounts = owed.join(", ")));
            html! {
                <button type="button" id="chip-needs_attention" class={classes!("filter-chip", "attention", pressed.then_some("pressed"))}
                    aria-pressed={pressed.to_string()} {onclick} {title}>
                    { t!("customers-needs-attention") }
                    <span class="attention-count">{ format::count(at_risk) }</span>
                    if !owed.is_empty() { <span class="attention-owed" id="attention-owed">{ owed.join(" · ") }</span> }
                </button>
            }
        };
        html! {
            <div class="chips" role="group" aria-label={t!("customers-filter-by-status")}>
                { chip(None) }
                if at_risk > 0 || state.status == Some(CustomerStatus::NeedsAttention) { { attention } }
                // The rarer statuses show only when someone has them, so the
                // chips always add up to All without crowding a small account.
                { for CustomerStatus::ALL
                    .into_iter()
                    .filter(|s| !rare(*s) || state.status == Some(*s) || count_of(&counts, *s) > 0)
                    .map(|s| chip(Some(s))) }
            </div>
        }
    };

    let count_line = match state.total {
        _ if state.error.is_some() || props.first_sync => String::new(),
        None => t!("customers-loading"),
        Some(0) => t!("customers-none-match"),
        Some(n) => t!("common-customers", count = n),
    };

    let (top, height) = *scroll;
    let len = state.len();
    let first = (top / ROW_HEIGHT).saturating_sub(OVERSCAN);
    let last = (top / ROW_HEIGHT + height / ROW_HEIGHT + OVERSCAN).min(len.saturating_sub(1));
    let rows = (first..=last).filter(|_| len > 0).map(|index| {
        let row = state.rows.get(&index);
        let style = format!("top: {}px", index * ROW_HEIGHT);
        match row {
            Some(row) => row_view(props, &state, desk.offline, index, row, style),
            None => html! { <div class="row placeholder" {style} aria-hidden="true"></div> },
        }
    });

    let empty = match (&state.error, state.total, props.first_sync) {
        (Some(error), _, _) => {
            html! { <p class="notice error list-message" role="alert">{ &error.message }</p> }
        }
        (None, Some(0), true) | (None, None, true) => {
            let progress = props.progress.clone();
            let (label, value) = progress.map_or((t!("customers-connecting"), None), |p| {
                let value = crate::state::sync::percent(&p).map(|p| p.to_string());
                let label = if p.done == 0 {
                    t!("customers-connecting")
                } else {
                    t!(
                        "customers-first-sync-read",
                        what = crate::i18n::capitalized(&crate::i18n::sync_step(p.step)),
                        count = p.done
                    )
                };
                (label, value)
            });
            html! {
                <div class="first-sync" id="first-sync">
                    <h2>{ t!("customers-first-sync-title") }</h2>
                    <p class="help">{ t!("customers-first-sync-help") }</p>
                    <progress id="first-sync-progress" max="100" value={value}></progress>
                    <p id="first-sync-label">{ label }</p>
                </div>
            }
        }
        (None, Some(0), false) if !state.text.is_empty() || state.status.is_some() => html! {
            <p class="list-message" id="no-match">{ t!("customers-no-match") }</p>
        },
        (None, Some(0), false) => html! {
            <p class="list-message">{ t!("customers-empty") }</p>
        },
        _ => html! {},
    };

    let answered = state.answered().then(|| state.text.clone());

    html! {
        <section class="list-pane" aria-label={t!("customers-list-label")}>
            <div class="list-tools">
                <input id="search" ref={props.search_ref.clone()} type="search" class="search"
                    placeholder={t!("customers-search-placeholder")} aria-label={t!("customers-search-label")}
                    autocomplete="off" spellcheck="false" value={state.text.clone()} oninput={on_search} />
                { chips }
                <div class="list-meta">
                    <span id="customer-count" aria-live="polite">{ count_line }</span>
                    <label class="sort">
                        { format!("{} ", t!("customers-sort")) }
                        <select id="sort" onchange={on_sort} aria-label={t!("customers-sort-label")}>
                            <option value="name" selected={state.sort == CustomerSort::Name}>{ t!("customers-sort-name") }</option>
                            <option value="created" selected={state.sort == CustomerSort::Created}>{ t!("customers-sort-newest") }</option>
                            <option value="next_renewal" selected={state.sort == CustomerSort::NextRenewal}>{ t!("customers-sort-next-renewal") }</option>
                        </select>
                    </label>
                </div>
            </div>
            { empty }
            // `data-answered`: the search text the rows answer, once they arrived
            // (the keystroke benchmark waits for it).
            <div class="list" id="customer-list" ref={list_ref} onscroll={on_scroll} role="grid" aria-rowcount={len.to_string()}
                aria-label={t!("customers-list-label")} tabindex="0" data-answered={answered}>
                <div class="list-spacer" style={format!("height: {}px", len * ROW_HEIGHT)}>
                    { for rows }
                </div>
            </div>
        </section>
    }
}

fn row_view(
    props: &CustomerListProps,
    state: &CustomersState,
    offline: bool,
    index: u32,
    row: &CustomerRow,
    style: String,
) -> Html {
    let title = row
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| row.email.clone())
        .unwrap_or_else(|| row.id.clone());
    let subtitle = match (&row.email, &row.name) {
        (Some(email), Some(_)) => email.clone(),
        _ => row.id.clone(),
    };
    let highlighted = state.highlighted == Some(index);
    let opened = props.opened.as_deref() == Some(row.id.as_str());
    let busy = props.busy.as_deref() == Some(row.id.as_str());
    let onclick = {
        let id = row.id.clone();
        let on_open = props.on_open.clone();
        let dispatcher = props.state.dispatcher();
        Callback::from(move |_: MouseEvent| {
            dispatcher.dispatch(CustomersAction::Highlight(index));
            on_open.emit(id.clone());
        })
    };
    let on_portal = {
        let id = row.id.clone();
        let on_portal = props.on_portal.clone();
        let dispatcher = props.state.dispatcher();
        Callback::from(move |e: MouseEvent| {
            e.stop_propagation();
            dispatcher.dispatch(CustomersAction::Highlight(index));
            on_portal.emit(id.clone());
        })
    };
    html! {
        <div key={row.id.clone()} class={classes!("row", highlighted.then_some("highlighted"), opened.then_some("opened"))}
            {style} role="row" aria-rowindex={(index + 1).to_string()} aria-selected={opened.to_string()} data-id={row.id.clone()} {onclick}>
            // A grid, not a listbox: its rows may hold a button (an option can't).
            <div class="row-text" role="gridcell">
                <span class="row-title">{ title.clone() }</span>
                <span class="row-subtitle">{ subtitle }</span>
            </div>
            <span class={classes!("status", format!("status-{}", row.status))} role="gridcell">{ status_label(&row.status) }</span>
            <span class="row-portal-cell" role="gridcell">
            <button type="button" class="row-portal" aria-label={t!("customers-open-portal-for", name = &title)}
                title={ if offline { t!("customers-row-portal-offline") } else { t!("customers-row-portal-title") } }
                disabled={offline || busy} onclick={on_portal}>
                if busy { <span class="spinner" aria-hidden="true"></span> } else { { t!("customers-row-portal") } }
            </button>
            </span>
        </div>
    }
}

/// Statuses most accounts have few of, or none.
fn rare(status: CustomerStatus) -> bool {
    matches!(
        status,
        CustomerStatus::Unpaid | CustomerStatus::Incomplete | CustomerStatus::Paused
    )
}

fn count_of(counts: &Option<portal_ipc::StatusCounts>, status: CustomerStatus) -> u64 {
    counts.as_ref().map_or(0, |c| c.of(status))
}

/// A status word for people (the chips and the list use the same words).
pub fn status_label(status: &str) -> String {
    match status {
        "active" => t!("customers-status-active"),
        "trialing" => t!("customers-status-trialing"),
        "past_due" => t!("customers-status-past-due"),
        "canceled" => t!("customers-status-canceled"),
        "none" => t!("customers-status-none"),
        "unpaid" => t!("customers-status-unpaid"),
        "incomplete" => t!("customers-status-incomplete"),
        "incomplete_expired" => t!("customers-status-expired"),
        "paused" => t!("customers-status-paused"),
        other => other.replace('_', " "),
    }
}
