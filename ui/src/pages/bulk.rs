//! Bulk email: the portal link to every customer a filter selects.

use portal_ipc::{CustomerStatus, EmailLink, StatusCounts};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use crate::format;
use crate::ipc;
use crate::state::bulk::{BulkMsg, BulkState, Busy};

#[derive(Properties, PartialEq)]
pub struct BulkEmailProps {
    pub profile: AttrValue,
    pub offline: bool,
}

#[component]
pub fn BulkEmail(props: &BulkEmailProps) -> Html {
    let state = use_reducer(BulkState::default);
    let counts = use_state(|| None::<StatusCounts>);
    {
        let counts = counts.clone();
        use_effect_with(props.profile.clone(), move |profile| {
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

    let run = |msg: BulkMsg| {
        let state = state.clone();
        let profile = props.profile.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let sending = msg == BulkMsg::Send;
            if (sending && !state.can_send()) || state.busy.is_some() {
                return;
            }
            let args = state.args(&profile);
            state.dispatch(msg.clone());
            let dispatch = state.dispatcher();
            spawn_local(async move {
                if sending {
                    dispatch.dispatch(BulkMsg::Sent(ipc::send_bulk_email(&args).await));
                } else {
                    dispatch.dispatch(BulkMsg::Previewed(ipc::plan_bulk_email(&args).await));
                }
            });
        })
    };
    let preview = run(BulkMsg::Preview);
    let send = run(BulkMsg::Send);

    let on_status = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            dispatch.dispatch(BulkMsg::Status(Some(value).filter(|v| !v.is_empty())));
        })
    };
    let on_search = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(BulkMsg::Search(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let on_campaign = {
        let dispatch = state.dispatcher();
        Callback::from(move |e: InputEvent| {
            dispatch.dispatch(BulkMsg::Campaign(
                e.target_unchecked_into::<HtmlInputElement>().value(),
            ))
        })
    };
    let choose = |link: EmailLink| {
        let dispatch = state.dispatcher();
        Callback::from(move |_: Event| dispatch.dispatch(BulkMsg::Link(link)))
    };
    let enable_login_page = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(BulkMsg::EnableLoginPage))
    };
    let again = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(BulkMsg::Again))
    };

    let count_of = |status: CustomerStatus| counts.as_ref().map(|c| c.of(status));
    let offline_why = props
        .offline
        .then_some("Offline: emails carry a portal link, which Stripe makes");

    let recipients = match (&state.recipients, state.busy) {
        (_, Some(Busy::Previewing)) => {
            html! { <p class="loading" aria-busy="true">{ "Finding the recipients…" }</p> }
        }
        (Some(list), _) if list.is_empty() => html! {
            <p class="notice info" id="bulk-nobody">{ "No customer matches this filter." }</p>
        },
        (Some(list), _) => {
            html! {
                <>
                    <div class="table-scroll" tabindex="0" role="region" aria-label="Recipients table">
                        <table class="invoices recipients" id="bulk-recipients">
                            <thead><tr>
                                <th scope="col">{ "Customer" }</th>
                                <th scope="col">{ "Email" }</th>
                                <th scope="col">{ "Result" }</th>
                            </tr></thead>
                            <tbody>
                                { for list.iter().map(|r| {
                                    let result = state.report.as_ref().and_then(|report| {
                                        report.results.iter().find(|x| x.customer_id == r.customer_id)
                                    });
                                    let (outcome, reason) = match (result, &r.skip) {
                                        (Some(result), _) => (result.outcome.clone(), result.reason.clone()),
                                        (None, Some(skip)) => ("skipped".to_owned(), Some(skip.clone())),
                                        (None, None) => ("ready".to_owned(), None),
                                    };
                                    let label = match outcome.as_str() {
                                        "sent" => "Sent",
                                        "failed" => "Failed",
                                        "skipped" => "Skipped",
                                        _ => "Will be emailed",
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
            <p class="muted">{ "Choose who gets the email, then preview the list before anything is sent." }</p>
        },
    };

    let report = state.report.as_ref().map(|report| {
        let class = if report.failed > 0 { "notice error" } else { "notice success" };
        html! {
            <div class={class} role="status" id="bulk-report" tabindex="-1" ref={report_node.clone()}>
                <p>
                    { format!("Sent {} · failed {} · skipped {}", report.sent, report.failed, report.skipped) }
                </p>
                <p>
                    { format!("Campaign “{}”.", report.campaign) }
                    if report.failed > 0 { { " Send again with the same campaign name to retry the failed ones; nobody gets it twice." } }
                </p>
                <button type="button" class="secondary small" id="bulk-again" onclick={again}>{ "Start another" }</button>
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
                        <strong>{ format!("{} will get the email", format::count(state.deliverable() as u64)) }</strong>
                        if skipped > 0 { { format!(" · {} skipped", format::count(skipped as u64)) } }
                    </p>
                }
                if state.report.is_none() {
                    <form onsubmit={send}>
                        <button type="submit" class="primary" id="bulk-send"
                            disabled={!state.can_send() || props.offline} title={offline_why}>
                            if state.busy == Some(Busy::Sending) {
                                <span class="spinner" aria-hidden="true"></span>
                                { format!("Sending {}…", format::count(state.deliverable() as u64)) }
                            } else {
                                { format!("Send to {}", match state.deliverable() { 1 => "1 customer".to_owned(), n => format!("{} customers", format::count(n as u64)) }) }
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
                    <h1>{ "Email the portal link to many customers" }</h1>
                    <p class="detail-sub">{ "For example, ask every past-due customer to update their card." }</p>
                </div>
            </div>
            <form class="card-section bulk-form" onsubmit={preview}>
                <div class="bulk-filters">
                    <div class="field">
                        <label for="bulk-status">{ "Customers" }</label>
                        <select id="bulk-status" onchange={on_status}>
                            <option value="" selected={state.status.is_none()}>
                                { match &*counts { Some(c) => format!("Everyone ({})", format::count(c.all)), None => "Everyone".into() } }
                            </option>
                            { for CustomerStatus::ALL.into_iter().chain([CustomerStatus::NeedsAttention]).map(|status| html! {
                                <option value={status.as_str()} selected={state.status.as_deref() == Some(status.as_str())}>
                                    { match count_of(status) {
                                        Some(n) => format!("{} ({})", status.label(), format::count(n)),
                                        None => status.label().to_owned(),
                                    } }
                                </option>
                            }) }
                        </select>
                    </div>
                    <div class="field grow">
                        <label for="bulk-search">{ "Matching (optional)" }</label>
                        <input id="bulk-search" type="search" class="text" placeholder="Name, email, id or phone"
                            value={state.search.clone()} oninput={on_search} maxlength="200" />
                    </div>
                    <div class="field grow">
                        <label for="bulk-campaign">{ "Campaign name (optional)" }</label>
                        <input id="bulk-campaign" type="text" class="text" placeholder="The filter and today's date"
                            value={state.campaign.clone()} oninput={on_campaign} maxlength="120" />
                    </div>
                </div>
                <p class="field-help">{ "Sending a campaign again never emails the same customer twice; failed ones are retried." }</p>
                <fieldset class="link-choice">
                    <legend>{ "Which link" }</legend>
                    <label>
                        <input type="radio" name="bulk-link" id="bulk-link-login" checked={state.link == EmailLink::Login} onchange={choose(EmailLink::Login)} />
                        { "Sign-in page (recommended): never expires; each customer confirms their email" }
                    </label>
                    <label>
                        <input type="radio" name="bulk-link" id="bulk-link-session" checked={state.link == EmailLink::Session} onchange={choose(EmailLink::Session)} />
                        { "Direct links: open the portal at once, but expire after a few minutes" }
                    </label>
                </fieldset>
                <div class="actions">
                    <button type="submit" class="secondary" id="bulk-preview" disabled={state.busy.is_some()}>
                        if state.busy == Some(Busy::Previewing) { <span class="spinner" aria-hidden="true"></span> }
                        { "Preview recipients" }
                    </button>
                </div>
            </form>
            <section class="card-section" aria-label="Recipients">
                { head }
                if state.needs_login_page {
                    <div class="notice info" role="status" id="bulk-login-page">
                        <p>{ "Your portal's sign-in page is off. Turn it on to email links that never expire, or choose direct links." }</p>
                        <button type="button" class="primary small" id="bulk-enable-login-page" onclick={enable_login_page}>
                            { "Turn on the sign-in page" }
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
