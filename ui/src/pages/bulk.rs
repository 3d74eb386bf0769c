//! Bulk email: the portal link to every customer a filter selects.

use portal_ipc::{CustomerStatus, EmailLink, StatusCounts};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::hooks::use_desk;
use crate::ipc;
use crate::state::bulk::{BulkAction, BulkState, Busy};

#[component]
pub fn BulkEmail() -> Html {
    crate::i18n::use_language();
    let desk = use_desk();
    let state = use_reducer(BulkState::default);
    let counts = use_state(|| None::<StatusCounts>);
    {
        let counts = counts.clone();
        use_effect_with(desk.profile.clone(), move |profile| {
            let profile = profile.clone();
            spawn_local(async move {
                counts.set(ipc::count_customers(&profile).await.ok());
            });
        });
    }

    // Send goes away with the report: the focus moves to the report, which a
    // screen reader reads out, and Tab goes on to "Start another".
    let report_node = use_node_ref();
    {
        let report_node = report_node.clone();
        use_effect_with(state.report.is_some(), move |shown| {
            if *shown && let Some(report) = report_node.cast::<web_sys::HtmlElement>() {
                let _ = report.focus();
            }
        });
    }

    let run = |action: BulkAction| {
        let state = state.clone();
        let profile = desk.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sending = action == BulkAction::Send;
            if (sending && !state.can_send()) || state.busy.is_some() {
                return;
            }
            let args = state.args(&profile);
            state.dispatch(action.clone());
            let dispatch = state.dispatcher();
            spawn_local(async move {
                if sending {
                    dispatch.dispatch(BulkAction::Sent(ipc::send_bulk_email(&args).await));
                } else {
                    dispatch.dispatch(BulkAction::Previewed(ipc::plan_bulk_email(&args).await));
                }
            });
        })
    };
    let preview = run(BulkAction::Preview);
    let send = run(BulkAction::Send);

    let on_status = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(BulkAction::Status(Some(value).filter(|v| !v.is_empty())));
        })
    };
    let on_search = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(BulkAction::Search(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_campaign = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(BulkAction::Campaign(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let choose = |link: EmailLink| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: Event| dispatch.dispatch(BulkAction::Link(link)))
    };
    let enable_login_page = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(BulkAction::EnableLoginPage))
    };
    let again = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(BulkAction::Again))
    };

    let count_of = |status: CustomerStatus| counts.as_ref().map(|c| c.of(status));
    let offline_why = desk.offline.then(|| t!("portal-bulk-offline"));

    let recipients = match (&state.recipients, state.busy) {
        (_, Some(Busy::Previewing)) => {
            html! { <p class="loading" aria-busy="true">{ t!("portal-bulk-finding") }</p> }
        }
        (Some(list), _) if list.is_empty() => html! {
            <p class="notice info" id="bulk-nobody">{ t!("portal-bulk-nobody") }</p>
        },
        (Some(list), _) => {
            html! {
                <>
                    <div class="table-scroll" tabindex="0" role="region" aria-label={t!("portal-bulk-recipients-table")}>
                        <table class="invoices recipients" id="bulk-recipients">
                            <thead><tr>
                                <th scope="col">{ t!("portal-bulk-column-customer") }</th>
                                <th scope="col">{ t!("portal-bulk-column-email") }</th>
                                <th scope="col">{ t!("portal-bulk-column-result") }</th>
                            </tr></thead>
                            <tbody>
                                { for list.iter().map(|r| {
                                    let result = state.report.as_ref().and_then(|report| {
                                        report.results.iter().find(|x| x.customer_id == r.customer_id)
                                    });
                                    let (outcome, reason) = match (result, &r.skip) {
                                        (Some(result), _) if result.outcome == "skipped" => (
                                            result.outcome.clone(),
                                            result.reason.as_deref().map(|r| portal_i18n::skip_reason(crate::i18n::language(), r)),
                                        ),
                                        (Some(result), _) => (result.outcome.clone(), result.reason.clone()),
                                        (None, Some(skip)) => ("skipped".to_owned(), Some(portal_i18n::skip_reason(crate::i18n::language(), skip))),
                                        (None, None) => ("ready".to_owned(), None),
                                    };
                                    let label = match outcome.as_str() {
                                        "sent" => t!("portal-bulk-outcome-sent"),
                                        "failed" => t!("portal-bulk-outcome-failed"),
                                        "skipped" => t!("portal-bulk-outcome-skipped"),
                                        _ => t!("portal-bulk-outcome-ready"),
                                    };
                                    html! {
                                        <tr data-id={r.customer_id.clone()} class={classes!("recipient", format!("outcome-{outcome}"))}>
                                            <td>
                                                <div class="row-title">{ r.name.clone().unwrap_or_else(|| r.customer_id.clone()) }</div>
                                                <div class="mono muted">{ &r.customer_id }</div>
                                            </td>
                                            <td>{ r.email.clone().unwrap_or_else(|| "—".into()) }</td>
                                            <td>
                                                <span class={classes!("outcome", format!("outcome-{outcome}"))}>{ label }</span>
                                                if let Some(reason) = reason { <div class="muted reason">{ reason }</div> }
                                            </td>
                                        </tr>
                                    }
                                }) }
                            </tbody>
                        </table>
                    </div>
                </>
            }
        }
        (None, _) => html! {
            <p class="muted">{ t!("portal-bulk-start") }</p>
        },
    };

    let report = state.report.as_ref().map(|report| {
        // A `match`: the catalogue check reads an `if` with string arms as text.
        let class = match report.failed {
            0 => "notice success",
            _ => "notice error",
        };
        html! {
            <div class={class} role="status" id="bulk-report" tabindex="-1" ref={report_node.clone()}>
                <p>
                    { t!("portal-bulk-report", sent = report.sent, failed = report.failed, skipped = report.skipped) }
                </p>
                <p>
                    if report.failed > 0 {
                        { t!("portal-bulk-campaign-retry", campaign = report.campaign.as_str()) }
                    } else {
                        { t!("portal-bulk-campaign-done", campaign = report.campaign.as_str()) }
                    }
                </p>
                <button type="button" class="secondary small" id="bulk-again" onclick={again}>{ t!("portal-bulk-start-another") }</button>
            </div>
        }
    });

    let skipped = state
        .recipients
        .as_ref()
        .map_or(0, |list| list.len() - state.deliverable());
    let head = match &state.recipients {
        Some(list) if !list.is_empty() && state.busy != Some(Busy::Previewing) => html! {
            <div class="bulk-head">
                if state.report.is_none() {
                    <p class="bulk-summary" id="bulk-summary">
                        <strong>{ t!("portal-bulk-will-get", count = state.deliverable()) }</strong>
                        if skipped > 0 { { " " }{ t!("portal-bulk-skipped", count = skipped) } }
                    </p>
                }
                if state.report.is_none() {
                    <form onsubmit={send}>
                        <button type="submit" class="primary" id="bulk-send"
                            disabled={!state.can_send() || desk.offline} title={offline_why}>
                            if state.busy == Some(Busy::Sending) {
                                <span class="spinner" aria-hidden="true"></span>
                                { t!("portal-bulk-sending", count = state.deliverable()) }
                            } else {
                                { t!("portal-bulk-send-to", count = state.deliverable()) }
                            }
                        </button>
                    </form>
                }
            </div>
        },
        _ => html! {},
    };

    html! {
        <div class="page bulk-page">
            <div class="page-head">
                <div>
                    <h1>{ t!("portal-bulk-title") }</h1>
                    <p class="detail-sub">{ t!("portal-bulk-example") }</p>
                </div>
            </div>
            <form class="card-section bulk-form" onsubmit={preview}>
                <div class="bulk-filters">
                    <div class="field">
                        <label for="bulk-status">{ t!("portal-bulk-customers") }</label>
                        <select id="bulk-status" onchange={on_status}>
                            <option value="" selected={state.status.is_none()}>
                                { match &*counts { Some(c) => t!("portal-bulk-everyone-count", count = c.all), None => t!("portal-bulk-everyone") } }
                            </option>
                            { for CustomerStatus::ALL.into_iter().chain([CustomerStatus::NeedsAttention]).map(|status| html! {
                                <option value={status.as_str()} selected={state.status.as_deref() == Some(status.as_str())}>
                                    { match count_of(status) {
                                        Some(n) => t!("portal-bulk-status-count", status = status_label(status), count = n),
                                        None => status_label(status),
                                    } }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="bulk-search">{ t!("portal-bulk-search") }</label>
                        <input id="bulk-search" type="search" class="text" placeholder={t!("portal-bulk-search-placeholder")}
                            value={state.search.clone()} oninput={on_search} maxlength="200" />
                    </div>
                    <div class="field grow">
                        <label for="bulk-campaign">{ t!("portal-bulk-campaign") }</label>
                        <input id="bulk-campaign" type="text" class="text" placeholder={t!("portal-bulk-campaign-placeholder")}
                            value={state.campaign.clone()} oninput={on_campaign} maxlength="120" />
                    </div>
                </div>
                <p class="field-help">{ t!("portal-bulk-campaign-help") }</p>
                <fieldset class="link-choice">
                    <legend>{ t!("portal-which-link") }</legend>
                    <label>
                        <input type="radio" name="bulk-link" id="bulk-link-login" checked={state.link == EmailLink::Login} onchange={choose(EmailLink::Login)} />
                        { t!("portal-bulk-login-link") }
                    </label>
                    <label>
                        <input type="radio" name="bulk-link" id="bulk-link-session" checked={state.link == EmailLink::Session} onchange={choose(EmailLink::Session)} />
                        { t!("portal-bulk-direct-links") }
                    </label>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="secondary" id="bulk-preview" disabled={state.busy.is_some()}>
                        if state.busy == Some(Busy::Previewing) { <span class="spinner" aria-hidden="true"></span> }
                        { t!("portal-bulk-preview") }
                    </button>
                </div>
            </form>
            <section class="card-section" aria-label={t!("portal-bulk-recipients")}>
                { head }
                if state.needs_login_page {
                    <div class="notice info" role="status" id="bulk-login-page">
                        <p>{ t!("portal-bulk-login-page-off") }</p>
                        <button type="button" class="primary small" id="bulk-enable-login-page" onclick={enable_login_page}>
                            { t!("portal-turn-on-login-page") }
                        </button>
                    </div>
                } else if let Some(error) = &state.error {
                    <p class="notice error" role="alert" id="bulk-error">{ &error.message }</p>
                }
                { report.unwrap_or_default() }
                { recipients }
            </section>
        </div>
    }
}

/// A status as the filter names it (`CustomerStatus::label` is English only).
fn status_label(status: CustomerStatus) -> String {
    match status {
        CustomerStatus::Active => t!("portal-bulk-status-active"),
        CustomerStatus::Trialing => t!("portal-bulk-status-trialing"),
        CustomerStatus::PastDue => t!("portal-bulk-status-past-due"),
        CustomerStatus::Unpaid => t!("portal-bulk-status-unpaid"),
        CustomerStatus::Incomplete => t!("portal-bulk-status-incomplete"),
        CustomerStatus::Paused => t!("portal-bulk-status-paused"),
        CustomerStatus::Canceled => t!("portal-bulk-status-canceled"),
        CustomerStatus::None => t!("portal-bulk-status-none"),
        CustomerStatus::NeedsAttention => t!("portal-bulk-status-needs-attention"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_reads_as_before() {
        // The window starts in English.
        for status in CustomerStatus::ALL
            .into_iter()
            .chain([CustomerStatus::NeedsAttention])
        {
            assert_eq!(status_label(status), status.label());
        }
        assert_eq!(
            t!("portal-bulk-send-to", count = 1_usize),
            "Send to 1 customer"
        );
        assert_eq!(
            t!("portal-bulk-send-to", count = 0_usize),
            "Send to 0 customers"
        );
        assert_eq!(
            t!("portal-bulk-send-to", count = 1234_usize),
            "Send to 1,234 customers"
        );
        assert_eq!(
            t!("portal-bulk-will-get", count = 1_usize),
            "1 will get the email"
        );
        assert_eq!(t!("portal-bulk-skipped", count = 2_usize), "· 2 skipped");
        assert_eq!(t!("portal-bulk-sending", count = 3_usize), "Sending 3…");
        assert_eq!(
            t!(
                "portal-bulk-report",
                sent = 3_u64,
                failed = 0_u64,
                skipped = 1_u64
            ),
            "Sent 3 · failed 0 · skipped 1"
        );
        assert_eq!(
            t!(
                "portal-bulk-campaign-retry",
                campaign = "past_due 2026-12-03"
            ),
            "Campaign “past_due 2026-12-03”. Send again with the same campaign name to retry the failed ones; nobody gets it twice."
        );
        assert_eq!(
            t!(
                "portal-bulk-status-count",
                status = "Past due",
                count = 12_u64
            ),
            "Past due (12)"
        );
        assert_eq!(
            t!("portal-bulk-everyone-count", count = 1500_u64),
            "Everyone (1,500)"
        );
    }
}
