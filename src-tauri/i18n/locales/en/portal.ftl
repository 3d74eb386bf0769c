# The portal's email dialog (a customer's "Email portal link" and "Ask to
# update the card") and the bulk email page. The email's subject and body come
# from the mail catalogue, not from here.

## The email dialog

# The dialog's title when it emails the customer their portal link.
portal-email-title = Email the portal link
# The dialog's title when it asks the customer to update their card.
portal-email-card-title = Ask to update the card
# The heading of the choice between the two kinds of link (both dialogs).
portal-which-link = Which link
# The durable link: it opens the portal's sign-in page, where the customer
# confirms their email address.
portal-email-login-link = Sign-in page (recommended): never expires; the customer confirms their email
# A link straight into a portal session, which Stripe expires quickly.
portal-email-direct-link = Direct link: opens the portal at once, but expires after a few minutes
# The same, for the card request: the link opens the portal's card page.
portal-email-card-direct-link = Direct link: opens the portal's card page at once, but expires after a few minutes
# Before the recipient's name and address in the preview ("To: Ada <ada@…>").
portal-email-to = To:
# Before the email's subject in the preview.
portal-email-subject = Subject:
# For screen readers: the preview of the email's text.
portal-email-body = Email body
# $domain: the account's custom domain in Stripe (billing.example.com).
portal-email-custom-domain = The link opens on { $domain }, your Stripe custom domain.
portal-email-preparing = Preparing the preview…
portal-email-login-page-off = Your portal's sign-in page is off. Turn it on to email a link that never expires (customers sign in with their email), or choose the direct link.
# Turns on the sign-in page in the portal's settings in Stripe (both dialogs).
portal-turn-on-login-page = Turn on the sign-in page
# Closes the dialog once the email is sent.
portal-email-done = Done
portal-email-cancel = Cancel
portal-email-sending = Sending…
portal-email-send = Send
# Sent through the SMTP server set up in Settings.
portal-email-sent = Sent. The customer will get the email in a moment.
# Without SMTP, the email opens in the user's own mail app, ready to send.
portal-email-mail-app = Your mail app opened with the email ready to send (set up SMTP in Settings to send from here).

## Bulk email

portal-bulk-title = Email the portal link to many customers
portal-bulk-example = For example, ask every past-due customer to update their card.
# The label of the status filter (who gets the email).
portal-bulk-customers = Customers
# The filter's first choice: every customer.
portal-bulk-everyone = Everyone
# $count: how many customers that is.
portal-bulk-everyone-count = Everyone ({ $count })
# A status in the filter ($status, one of the portal-bulk-status-* below) and
# how many customers have it ($count).
portal-bulk-status-count = { $status } ({ $count })
portal-bulk-status-active = Active
portal-bulk-status-trialing = Trialing
portal-bulk-status-past-due = Past due
portal-bulk-status-unpaid = Unpaid
portal-bulk-status-incomplete = Incomplete
portal-bulk-status-paused = Paused
portal-bulk-status-canceled = Canceled
# Customers who never subscribed.
portal-bulk-status-none = No subscription
# Past due, unpaid or incomplete together.
portal-bulk-status-needs-attention = Needs attention
# A search that narrows the filter further.
portal-bulk-search = Matching (optional)
portal-bulk-search-placeholder = Name, email, id or phone
# A campaign name makes a send safe to repeat: nobody gets it twice.
portal-bulk-campaign = Campaign name (optional)
# Shown in the empty campaign field: the name used when it is left blank.
portal-bulk-campaign-placeholder = The filter and today's date
portal-bulk-campaign-help = Sending a campaign again never emails the same customer twice; failed ones are retried.
portal-bulk-login-link = Sign-in page (recommended): never expires; each customer confirms their email
portal-bulk-direct-links = Direct links: open the portal at once, but expire after a few minutes
# Lists who would get the email; nothing is sent yet.
portal-bulk-preview = Preview recipients
# For screen readers: the section with the list of recipients.
portal-bulk-recipients = Recipients
portal-bulk-login-page-off = Your portal's sign-in page is off. Turn it on to email links that never expire, or choose direct links.
# Why Send is disabled offline (a tooltip).
portal-bulk-offline = Offline: emails carry a portal link, which Stripe makes
portal-bulk-finding = Finding the recipients…
portal-bulk-nobody = No customer matches this filter.
# For screen readers: the scrolling table of recipients.
portal-bulk-recipients-table = Recipients table
# The recipients table's column headers.
portal-bulk-column-customer = Customer
portal-bulk-column-email = Email
portal-bulk-column-result = Result
# A recipient's result, in the Result column.
portal-bulk-outcome-sent = Sent
portal-bulk-outcome-failed = Failed
portal-bulk-outcome-skipped = Skipped
# Before sending: this recipient is on the list.
portal-bulk-outcome-ready = Will be emailed
# Shown before the first preview.
portal-bulk-start = Choose who gets the email, then preview the list before anything is sent.
# After the send: how many emails were sent, failed and skipped.
portal-bulk-report = Sent { $sent } · failed { $failed } · skipped { $skipped }
# After the send, when nothing failed. $campaign: the campaign's name.
portal-bulk-campaign-done = Campaign “{ $campaign }”.
# After the send, when some failed. $campaign: the campaign's name.
portal-bulk-campaign-retry = Campaign “{ $campaign }”. Send again with the same campaign name to retry the failed ones; nobody gets it twice.
# Clears the report for a new send.
portal-bulk-start-another = Start another
# Above the list. $count: how many customers will get the email.
portal-bulk-will-get = { $count } will get the email
# After portal-bulk-will-get, when some are skipped (no email address, …).
portal-bulk-skipped = · { $count } skipped
# The Send button while sending. $count: how many customers.
portal-bulk-sending = Sending { $count }…
# The Send button. $count: how many customers will get the email.
portal-bulk-send-to = { $count ->
    [one] Send to { $count } customer
   *[other] Send to { $count } customers
}

# Under the email preview. $language is the language's own name ("Français"),
# $locale the customer's preferred locale in Stripe ("fr-FR").
portal-email-language-customer = Written in { $language }: the customer's preferred language in Stripe ({ $locale }). The portal opens in it too.
portal-email-language-fallback = Written in { $language }, Portal Desk's language: Stripe has no preferred language for this customer that Portal Desk speaks.

# Why a customer is skipped (English windows show the core's own words).
portal-bulk-skip-already-emailed = Already emailed in this campaign
portal-bulk-skip-no-email = No email address in Stripe
portal-bulk-skip-unusable-address = The email address can't be used
