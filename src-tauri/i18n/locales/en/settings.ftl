# Settings: profiles and the Stripe key, portal links and syncing, email
# (SMTP), CSV export and the local cache.

settings-loading = Loading…
settings-title = Settings

## Notices shown after an action (a toast at the top of the page)

# After the settings form is saved.
settings-saved = Saved.
# After the local cache is deleted.
settings-cleared = Cleared. The next sync reads everything from Stripe again.
# Added after another notice when a save changed the SMTP server: the password
# saved for the old server was deleted. $notice: that other notice ("Saved.").
settings-password-removed = { $notice } The SMTP server changed, so the password saved for the old one was removed: enter the password for the new server.
# After a CSV export. $count: rows written; $path: the file written.
settings-exported-customers = { $count ->
    [one] Saved { $count } customer to { $path }.
   *[other] Saved { $count } customers to { $path }.
}
settings-exported-invoices = { $count ->
    [one] Saved { $count } invoice to { $path }.
   *[other] Saved { $count } invoices to { $path }.
}

## Profile: each profile is one Stripe account (or its test mode)

settings-profile-title = Profile
settings-profile-intro = Each profile is one Stripe account (or its test mode), with its own key, cache and settings.
# A list of the profiles; choosing one opens it.
settings-open-profile = Open profile
settings-add-profile = Add a profile
# Example profile names; "live" and "acme-eu" are names, keep them as they are.
settings-new-profile-placeholder = for example live or acme-eu
settings-add = Add
# Shown under the new profile's name while it is not a valid name.
settings-profile-name-rule = Letters, digits, - and _ only (at most 40)
# Opens a confirmation that removes the profile's Stripe key from this computer.
settings-forget-key = Forget this profile's key…
# $profile: the profile's name.
settings-forget-confirm = Remove the Stripe key of “{ $profile }” from this computer's keychain? The cache stays; you'll need the key again to sync or open portals.
settings-forget-yes = Remove the key
# Cancels a confirmation (removing the key, or clearing the cache).
settings-keep-it = Keep it

## Portal links and syncing

settings-preferences-title = Portal links and syncing
# The page a customer goes back to from the Customer Portal.
settings-return-url-label = Back link from the portal
# An example address; the domain is a made-up example.
settings-return-url-placeholder = https://your-site.example/account
# “Return to …” is the portal's own link back to the business's site.
settings-return-url-help = Where “Return to …” in the portal takes customers. Empty: the portal settings' back link.
settings-sync-interval-label = Sync every (minutes)
# Beside the sync interval.
settings-sync-interval-help = while the window is open; 0 turns it off
# How many requests per second the sync may send to Stripe.
settings-sync-rate-label = Sync speed
settings-sync-rate-help = requests per second; empty: Stripe's standard share (50 live, 23 in test mode). Raise it only if Stripe raised your account's limits.

## Email

settings-email-title = Email
# The business name the emails to customers are signed with.
settings-sign-emails-as = Sign emails as
settings-business-name-placeholder = Your business name
settings-sign-emails-as-help-account = Empty: your Stripe account's business name.
settings-sign-emails-as-help-no-account = Your key can't read the Stripe account's name, so type the name customers know you by.
settings-smtp-on = Send emails through my SMTP server (otherwise they open in your mail app)
settings-smtp-host = Server
settings-smtp-host-placeholder = smtp.example.com
settings-smtp-port = Port
# The connection's encryption.
settings-smtp-security = Security
settings-smtp-starttls = STARTTLS (port 587)
settings-smtp-tls = TLS (port 465)
settings-smtp-no-tls = None (a server on this computer)
# The sender address of the emails.
settings-smtp-from = From
settings-smtp-from-placeholder = Your Shop <billing@example.com>
# The SMTP user name.
settings-smtp-username = Login
settings-smtp-password = Password
# Placeholders of the password field.
settings-password-hint-new-server = Enter the password for the new server
settings-password-hint-saved = Saved in the keychain
settings-password-hint-optional = Only if the server wants a login
settings-smtp-password-changed = The server changed: enter its password
settings-save = Save

## Problems shown under a form field while its value is not accepted

settings-problem-return-url = Use a secure link that starts with https://
settings-problem-interval = Minutes from 0 (off) to 1440 (once a day)
settings-problem-rate = A whole number from 1 to 1000, or empty for Stripe's standard share
settings-problem-business-name-long = At most 100 characters
settings-problem-business-name-line = One line, as customers should read it
settings-problem-host = The server's name, for example smtp.example.com
settings-problem-port = A port from 1 to 65535 (usually 587)
settings-problem-from = An address like billing@example.com, or Name <billing@example.com>

## CSV export

settings-export-title = Export
settings-export-intro = Save the cached customers or invoices as a CSV file for a spreadsheet or your accountant. Works offline; sync first for the latest.
# Each opens a save dialog.
settings-export-customers = Export customers…
settings-export-invoices = Export invoices…

## The local cache

settings-cache-title = Cache
settings-cache-intro = Customers and their billing are kept on this computer so they open instantly and offline.
settings-data-folder = Data folder
settings-cache-file = Cache file
settings-size = Size
# $cache: the cache's size; $pdfs: the size of the saved invoice PDFs
# (both already written with their unit, for example "4.1 KB").
settings-cache-size = { $cache } · saved invoice PDFs { $pdfs }
# Opens a confirmation that deletes the cache.
settings-clear-cache = Clear the cache…
settings-clear-confirm = Delete the cache and the saved PDFs? Nothing in Stripe changes; the next sync reads everything again.
settings-clear-yes = Clear the cache

## Language (for the whole installation, every profile)

settings-language-title = Language
settings-language-label = Portal Desk speaks
settings-language-system = The system's language
settings-language-hint = For every profile on this computer. Dates and amounts follow it too. Emails to customers use each customer's own language when Stripe knows it.
