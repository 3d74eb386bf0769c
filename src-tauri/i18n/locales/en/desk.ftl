# The main window: start-up, the status bar, the banners, the section tabs,
# the empty detail pane, the activity feed and the onboarding screen.

## Start-up and the top bar

desk-loading = Loading…
# Tooltip of the chip shown in the demo; the chip reads "Sandbox · <its URL>".
desk-sandbox-title = Demo: the app talks to a local Stripe sandbox, not to Stripe
desk-sandbox-chip = Sandbox · { $url }
# Button on the onboarding screen of a new profile; $profile is the profile open before.
desk-back-to-profile = Back to { $profile }
# Shown in the top bar when Stripe doesn't tell the business name; $profile is the profile's name.
desk-profile-name = Profile { $profile }
# Toggles the activity feed in the right pane; also the feed's heading.
desk-activity = Activity

## The section tabs (short: they sit side by side)

# Screen-reader name of the row of tabs.
desk-sections = Sections
desk-view-customers = Customers
# The tab with the Customer Portal's configurations.
desk-view-portal-settings = Portal settings
# The tab that emails a portal link to many customers at once.
desk-view-bulk-email = Bulk email
desk-view-settings = Settings

## Banners. Each shows as "<LABEL> · <note>".

desk-test-mode = TEST MODE
desk-test-mode-note = You're looking at test data. Nothing here charges real customers.
desk-offline = Offline
desk-offline-note = Stripe can't be reached. Everything cached still works; opening the portal, emailing links and syncing wait for the network.

## The right pane

# Screen-reader name of the pane that shows the open customer.
desk-customer-pane = Customer
desk-choose-customer = Choose a customer to see their billing and open their portal.
# Keyboard help; keep the keys (Ctrl+K, /, ↑ ↓, Enter, Ctrl+Enter) as they are.
desk-shortcuts = Ctrl+K or / searches · ↑ ↓ move · Enter opens · Ctrl+Enter opens the portal
# "Copy link" is the button beside "Open portal".
desk-portal-not-opened = The portal link was created but the browser didn't open. Use Copy link instead.

## The sync status in the top bar

# $what is one of the desk-sync-what-* words below; $done and $total are counts of Stripe objects.
desk-syncing-of = Syncing { $what } · { $done } of { $total }
desk-syncing-count = Syncing { $what } · { $done }
desk-syncing = Syncing…
# What a sync is reading now, as $what above (lower case in English).
desk-sync-what-customers = customers
desk-sync-what-subscriptions = subscriptions
desk-sync-what-invoices = invoices
desk-sync-what-prices = prices
desk-sync-what-products = products
desk-sync-what-payment-methods = payment methods
desk-sync-what-billing-data = billing data
# A catch-up sync reads the changes (Stripe events) since the last one.
desk-sync-what-changes = changes
desk-sync-what-connecting = connecting
# The last lists of a full sync.
desk-sync-what-finishing = finishing
# Screen-reader name of the progress bar.
desk-sync-progress = Sync progress
desk-sync-paused-offline = Sync paused: offline
# $error is the reason, already in the window's language.
desk-sync-failed = Sync failed: { $error }
# Button: syncs again after a failure.
desk-retry = Retry
# $age is a common-age-* text: "5 min ago", "yesterday", "just now".
desk-synced = Synced { $age }
desk-not-synced = Not synced yet
# Button.
desk-sync-now = Sync now

## Dialog when Stripe has no portal configuration yet

desk-setup-portal-title = Set up the Customer Portal first
desk-setup-portal-body = Stripe needs portal settings (what customers may change) before it can open a portal. Portal Desk can create recommended settings for you: customers can update their card, email and address, see their invoices, and cancel at the end of the period. You can change them later in Stripe.
# Button: closes the dialog.
desk-cancel = Cancel
# Button: opens the Customer Portal settings in the Stripe Dashboard.
desk-open-stripe-settings = Open Stripe settings
desk-creating = Creating…
# Button: creates a recommended portal configuration.
desk-create-settings = Create settings for me

## The portal's deep links (menu items beside "Open portal")

desk-flow-update-card = Update card
desk-flow-cancel-subscription = Cancel subscription
desk-flow-change-plan = Change plan

## The activity feed

desk-activity-help = Portal changes found by syncing with Stripe's events.
desk-activity-empty = Nothing yet. When customers update a card, switch plans or cancel in the portal, it shows here after the next sync.

## Onboarding: connecting a Stripe account

desk-connect-title = Connect your Stripe account
desk-connect-lead = Portal Desk opens your customers' Stripe Customer Portal in one click and keeps their billing history at hand, even offline.
# $mode is "test" or "live"; $last4 the key's last four characters; $profile the profile's name.
desk-key-existing = A { $mode } mode key ending in ...{ $last4 } is already saved for profile { $profile }. Saving a new key replaces it.
# The same, with the business name of the Stripe account ($business).
desk-key-existing-named = A { $mode } mode key ending in ...{ $last4 } is already saved for profile { $profile } ({ $business }). Saving a new key replaces it.
# Label of the key field.
desk-secret-key = Secret key
desk-key-placeholder = sk_test_… or sk_live_…
# Button: hides the key's characters.
desk-key-hide = Hide
# Button: shows the key's characters.
desk-key-show = Show
# The help under the key field is three pieces: start, a link to the API keys page, end.
# {" "} is a space kept at the edge of a piece.
desk-key-help-start = Use a secret key (sk_…) or a restricted key (rk_…) from the{" "}
desk-key-help-link = Stripe Dashboard → Developers → API keys
desk-key-help-end = . It is stored only in this computer's keychain and is never shown again.
# Button, when Stripe can't be reached to check the key.
desk-save-unchecked = Save without checking
# $mode is "test" or "live".
desk-key-saved = Key saved for profile { $profile } ({ $mode } mode), ending in ...{ $last4 }
# $name is the business name, $account the Stripe account id (acct_…).
desk-key-verified-name-account = Verified with Stripe: { $name } ({ $account }).
desk-key-verified-name = Verified with Stripe: { $name }.
desk-key-verified-account = Verified with Stripe: account { $account }.
desk-key-verified = Verified with Stripe (this key may not read the account's name).
desk-key-unchecked = Not checked with Stripe: save it again when you're online to check it.
# Button, once the key is saved.
desk-continue = Continue to your customers
desk-checking-key = Checking with Stripe…
desk-saving = Saving…
# Button.
desk-save-key = Save key
desk-demo-summary = No Stripe account? Try the demo
# The demo help is "<before>cargo xtask demo<after>"; the command stays as it is.
desk-demo-before = Run{" "}
desk-demo-after = {" "}from the Portal Desk source folder. It starts a local Stripe sandbox with made-up customers, saves a demo test key in your keychain and opens this window on it. Nothing leaves your computer.
