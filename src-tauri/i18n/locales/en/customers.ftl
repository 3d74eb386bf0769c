# The customer list (search, status chips, sort, rows) and a customer's
# billing info on the right (subscription, payment methods, contact,
# invoices, portal actions).

## The list

# The chip that shows every customer.
customers-chip-all = All
# Tooltip of the Needs attention chip; $amounts is what they owe, e.g. "$120.00, €40.00".
customers-owed = Owed: { $amounts }
# A chip: past due, unpaid and incomplete customers together.
customers-needs-attention = Needs attention
customers-filter-by-status = Filter by status
# Under the search box while the list loads.
customers-loading = Loading…
customers-none-match = No customers match
# The first sync, while it reads Stripe.
customers-connecting = Connecting to Stripe…
# $what is what is being read (e.g. "Customers"), $count how many objects so far.
customers-first-sync-read = { $what } · { $count } read
customers-first-sync-title = Getting your customers from Stripe
customers-first-sync-help = The first sync reads every customer, subscription, invoice and card once. Afterwards only changes are read.
customers-no-match = No customer matches. Try part of a name, an email, a phone number or a cus_ id.
# "Sync now" is the sync button's label in the status bar.
customers-empty = No customers yet. Press Sync now to read them from Stripe.
# Screen-reader name of the list.
customers-list-label = Customers
# The search box; Ctrl+K focuses it.
customers-search-placeholder = Search name, email, phone or ID   (Ctrl+K)
customers-search-label = Search customers
# Before the sort menu: "Sort [Name ▾]".
customers-sort = Sort
customers-sort-label = Sort customers
customers-sort-name = Name
# Newest customers first.
customers-sort-newest = Newest
# Soonest subscription renewal first.
customers-sort-next-renewal = Next renewal
# The button on each row; $name is the customer's name or email.
customers-open-portal-for = Open portal for { $name }
customers-row-portal-offline = Offline: opening the portal needs Stripe
customers-row-portal-title = Open portal (Ctrl+Enter)
# The row's button (↗: opens in the browser).
customers-row-portal = Portal ↗

## Subscription statuses (the row's badge and the chips)

customers-status-active = Active
customers-status-trialing = Trialing
customers-status-past-due = Past due
customers-status-canceled = Canceled
customers-status-none = No subscription
customers-status-unpaid = Unpaid
customers-status-incomplete = Incomplete
# The first payment never went through.
customers-status-expired = Expired
customers-status-paused = Paused

## A customer

customers-detail-gone = This customer is no longer in the cache (deleted in Stripe?). Sync to refresh the list.
# After the email and id; $date is when the customer was created.
customers-since = customer since { $date }
customers-activity = Activity
customers-activity-none = No portal changes seen yet.

# The subscription card.
customers-subscription = Subscription
customers-subscription-none = No subscription.
customers-amount-unknown = Amount not cached
# $amount is the price ("$19.00"), $interval Stripe's billing interval.
customers-price-per = { $amount } / { $interval ->
    [day] day
    [week] week
    [month] month
    [year] year
   *[other] { $interval }
}
# $count (2 or more) intervals, e.g. "$50.00 every 3 months".
customers-price-every = { $amount } every { $count } { $interval ->
    [day] days
    [week] weeks
    [month] months
    [year] years
   *[other] { $interval }s
}
customers-canceled-on = Canceled on { $date }
customers-cancels-on = Cancels on { $date }
customers-renews-on = Renews on { $date }

# A failed payment; followed by what is owed.
customers-payment-failed = Payment failed.
# $amount is the amount due, $invoice the invoice's number.
customers-owed-one = { $amount } due on invoice { $invoice }.
customers-owed-many = { $amount } due on { $count } invoices; the latest is { $invoice }.
customers-retry-on = Stripe tries the card again on { $date }.
customers-retry-was-due = Stripe was to try the card again on { $date }; sync to see how it went.
customers-retry-stopped = Stripe has stopped retrying: the customer has to pay or update the card.
customers-retry-none = No automatic retry is scheduled.
# Emails the customer a link to update their card.
customers-ask-update-card = Ask to update the card
customers-no-email-address = This customer has no email address
customers-ask-offline = Offline: the email's link needs Stripe

customers-payment-methods = Payment methods
customers-payment-methods-none = No payment method on file.
# $date is the card's expiry, e.g. "04/27".
customers-card-expired = Expired { $date }
customers-card-expires = Expires { $date }
# The card Stripe charges.
customers-card-default = Default

customers-contact = Contact
customers-no-email = No email
customers-no-address = No billing address.
# The customer's balance: a credit toward future invoices, or what they owe.
customers-balance-credit = Credit { $amount }
customers-balance-owes = Owes { $amount }
customers-delinquent = The latest invoice is unpaid.

## Invoices

customers-invoices = Invoices
customers-invoices-none = No invoices.
# Column headers.
customers-invoices-number = Number
customers-invoices-date = Date
customers-invoices-amount = Amount
customers-invoices-status = Status
# Hidden header of the column with the PDF and page buttons (screen readers).
customers-invoices-open = Open
# An invoice without a number yet, and the status of one.
customers-invoice-draft = Draft
customers-invoice-status-open = Open
customers-invoice-status-paid = Paid
customers-invoice-status-uncollectible = Uncollectible
customers-invoice-status-void = Void
# Tooltips of the PDF button.
customers-pdf-offline = Offline: this PDF hasn't been saved yet
customers-pdf-saved = Saved on this computer
customers-pdf-download = Downloads once, then opens offline
# The invoice's page hosted by Stripe.
customers-page-offline = Offline: the hosted page needs Stripe
customers-page-title = Stripe's invoice page
customers-page = Page ↗

## Portal actions

customers-open-portal = Open portal
customers-opening = Opening…
# The ▾ button beside Open portal: links straight to updating a card, canceling, changing plan.
customers-more-links = More portal links
customers-needs-subscription = Needs an active subscription
customers-email-link = Email portal link
customers-copy-link = Copy link
customers-portal-offline = Offline: the portal needs Stripe. Cached billing info still works.
# Tooltip; $domain is the account's custom domain (billing.example.com).
customers-portal-domain = Opens on { $domain }, your Stripe custom domain
# The same, as a sentence under the outcome.
customers-portal-domain-help = Opens on { $domain }, your Stripe custom domain.
customers-portal-opened = The portal opened in your browser. Changes the customer makes there show here when you come back.
# The link is single-use and short-lived.
customers-link-copied = Link copied. It works once and expires in a few minutes:
customers-link-copy = Copy this link (it works once and expires in a few minutes):
customers-portal-link = Portal link
customers-dismiss = Dismiss
