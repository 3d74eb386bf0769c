# Errors from the core, as a window in another language shows them. English
# windows show the core's own sentence; these English texts are the source the
# translations follow. Variables hold the core's details (ids, addresses).

## Failures with a message of their own

error-key-format = This isn't a usable Stripe secret key. Copy it from the Stripe Dashboard under Developers → API keys: it starts with sk_test_, sk_live_, rk_test_ or rk_live_.
error-key-rejected = Stripe rejected this key (invalid or revoked). Copy a current key from the Stripe Dashboard under Developers → API keys.
error-missing-permissions = This restricted key is missing permissions Portal Desk needs: { $permissions }. Edit the key in the Stripe Dashboard (Developers → API keys) and allow them.
error-rate-limited = Stripe is limiting requests for this account; { $read } of { $expected } objects read, the next sync continues.
# $message is Stripe's own explanation, in English.
error-stripe-said = Stripe refused the request: { $message }
error-no-key = No Stripe key is saved for profile { $profile }; connect your Stripe account first.
error-keychain-unavailable = The system keychain is unavailable. Portal Desk keeps your Stripe key only there: make sure it is running and unlocked.
error-invalid-customer-id = { $id } is not a Stripe customer id; they look like cus_ followed by letters and digits.
error-unknown-customer = Stripe has no customer { $id }. Check the id, or sync to refresh the list.
error-deleted-customer = Customer { $id } was deleted in Stripe, so there is no portal to open.
error-no-subscription = { $customer } has no active subscription.
error-several-items = Subscription { $subscription } has several items; the portal can only confirm a change of a single-item subscription. Use the plan-change link instead.
error-invalid-url = { $url } can't be used: enter an https:// address.
# $mode is "test" or "live".
error-not-configured = Stripe's customer portal isn't set up for { $mode ->
    [live] live
   *[test] test
} mode yet. Save your portal settings in the Stripe Dashboard, or let Portal Desk create a configuration with sensible settings.
error-login-page-off = The login page is off for portal configuration { $configuration }. Turn it on to email a link that doesn't expire, or send a session link instead, which expires within minutes.
error-no-email = { $customer } has no email address in Stripe. Add one in the Stripe Dashboard, or copy the link instead.
error-bad-address = { $address } is not a usable email address.
error-bad-smtp-settings = The SMTP settings can't be used. Check the server, port and sender in Settings.
# $reason is what the mail server said, usually in English.
error-send-failed = The email could not be sent: { $reason }.
error-unknown-placeholder = The email template uses { $placeholder }, which Portal Desk doesn't know; use {"{"}customer_name{"}"}, {"{"}business_name{"}"} or {"{"}portal_link{"}"}.

## Any other failure, by its kind

error-invalid-key = This Stripe key can't be used. Copy a current key from the Stripe Dashboard under Developers → API keys.
error-invalid-profile = This profile name can't be used: use 1 to 40 letters, digits, - or _.
error-offline = Couldn't reach Stripe. Check your internet connection and try again.
error-no-key-saved = No Stripe key is saved for this profile; connect your Stripe account first.
error-invalid-input = A value you entered can't be used. Check it and try again.
error-not-found = Stripe has no such object, or it was deleted. Sync to refresh the list.
error-portal-not-set-up = Stripe's customer portal isn't set up for this mode yet. Save your portal settings in the Stripe Dashboard.
error-login-page-is-off = The portal's login page is off. Turn it on to email a link that doesn't expire.
error-stripe-refused = Stripe refused the request. Try again in a moment.
error-mail-failed = The email could not be sent. Check the SMTP settings.
error-bridge = Portal Desk's window could not reach its core. Restart the app.
error-internal = Something went wrong inside Portal Desk. Try again; if it keeps happening, restart the app.
