# The Configurations page: the portal configurations of the Stripe account
# ("portal settings" in the English window) and the editor of one. "The
# portal" is Stripe's Customer Portal.

## Customer details the portal may let customers change (checkbox labels)

configurations-field-email = Email
configurations-field-address = Billing address
configurations-field-phone = Phone
configurations-field-name = Name
configurations-field-shipping = Shipping address
configurations-field-tax-id = Tax IDs

## What customers may change when they switch plans (checkbox labels)

configurations-plan-update-price = Plan
configurations-plan-update-quantity = Quantity
configurations-plan-update-promotion-code = Promotion codes

## The list

configurations-loading-list = Loading your portal settings from Stripe…
# Shown instead of the list when Stripe can't be reached.
configurations-offline = Stripe can't be reached, so the portal settings can't be shown. They live in Stripe, not in the cache.
configurations-try-again = Try again
configurations-empty = No portal settings yet. Create them to choose what customers can do in the portal.
# Column headers of the list.
configurations-column-headline = Headline
configurations-column-id = ID
configurations-column-state = State
# Read by screen readers only: the column of the row's buttons.
configurations-column-actions = Actions
# A configuration without a headline.
configurations-untitled = Untitled
# Badges in the State column.
configurations-badge-in-use = Used for portal links
configurations-badge-default = Account default
configurations-badge-inactive = Inactive
# The configuration has a sign-in page (a portal link that never expires).
configurations-badge-login-page = Sign-in page
# Button: make this configuration the one the app's portal links use.
configurations-use-for-links = Use for links
configurations-edit = Edit
# The page's heading.
configurations-title = Portal settings
configurations-intro = What customers can do in the portal: see invoices, update their card, cancel, switch plans.
# Tooltip of the disabled "New" button while offline.
configurations-offline-title = Offline: portal settings are saved in Stripe
# Button, and the editor's title when creating.
configurations-new = New portal settings
# $id (String) is a configuration's id, like bpc_123.
configurations-notice-used = Portal links now use { $id }.

## The editor

configurations-edit-title = Edit portal settings
configurations-loading-editor = Loading from Stripe…
configurations-section-business = Your business
# The portal's headline, shown at its top.
configurations-headline-label = Headline
configurations-headline-help = Shown at the top of the portal, for example “Acme Co. billing”.
configurations-privacy-label = Privacy policy link
# Help under the privacy policy and terms of service links.
configurations-link-help = Optional; https://…
configurations-terms-label = Terms of service link
# The address the portal's "Return to …" link goes back to.
configurations-return-label = Back link
configurations-return-help = Where “Return to …” in the portal goes; optional; https://…
configurations-section-signing-in = Signing in
configurations-login-page = Sign-in page: a link that never expires, for emails and your website (customers confirm their email)
configurations-section-features = What customers can do
configurations-invoice-history = See and download their invoices
configurations-payment-method-update = Update their card and payment methods
# Beside the card checkbox when it was turned off while plan switching is on.
configurations-payment-method-needed = Switching plans (below) needs this on
configurations-customer-updates = Change their details:
configurations-section-cancelling = Cancelling
configurations-cancel-mode = Customers can cancel
# Choices of "Customers can cancel".
configurations-cancel-off = No
configurations-cancel-at-period-end = At the end of the paid period
configurations-cancel-immediately = Immediately
# What happens to the paid but unused time when a subscription is canceled at once.
configurations-cancel-proration = Unused time
configurations-cancel-proration-none = Not refunded
configurations-cancel-proration-credit = Credited (prorated)
configurations-cancel-reasons = Ask why they cancel
configurations-section-switching = Switching plans
configurations-plan-switching = Customers can switch plans
# $count: products chosen; $max: Stripe's limit (10).
configurations-plan-products = Products to switch between ({ $count } of at most { $max }):
configurations-no-products = No products with a recurring price are cached yet. Sync, then come back.
# Followed by Plan, Quantity, Promotion codes.
configurations-plan-updates = They may change:
# How a plan switch is billed.
configurations-plan-proration = When they switch
configurations-plan-proration-create = Prorate on the next invoice
configurations-plan-proration-always = Prorate and invoice now
configurations-plan-proration-none = Don't prorate
configurations-schedule-at-period-end = Downgrades wait until the end of the paid period
configurations-use-it = Use these settings for the portal links Portal Desk opens and emails
configurations-saved = Saved. Customers see the change the next time they open the portal.
configurations-done = Done
configurations-cancel = Cancel
configurations-saving = Saving…
configurations-save = Save

## Problems shown beside a field

configurations-problem-https = Use a secure link that starts with https://
configurations-problem-not-web-address = This is not a web address
# $max is 2000.
configurations-problem-link-too-long = Use a link shorter than { $max } characters
# $max is 60; $length is the headline's length now (always more than $max).
configurations-problem-headline-too-long = At most { $max } characters ({ $length } now)
configurations-problem-headline-one-line = One line, without tabs or line breaks
configurations-problem-no-features = Turn on at least one thing customers can do
configurations-problem-card-rule = Stripe lets customers switch plans only while they can also update their card: turn on “{ configurations-payment-method-update }” first
configurations-problem-no-products = Choose the products customers may switch between
# $max is 10; $count (always more) is how many are chosen.
configurations-problem-too-many-products = Stripe allows at most { $max } products ({ $count } chosen)
