# The command line's own words (`portal-desk <command>`). Not here: `--help`
# (clap's), `--json` output (never translated), and the core's error
# messages (English for the CLI and the logs). Keep ids, URLs, emails, names,
# commands in `backticks`, flags (--no-verify) and amounts ("USD 49.00") as
# they are. Labels of a table (ending in ":") are padded by the code, so the
# values line up in every language.

# Before every failure the CLI reports; $message may be the core's, in English.
cli-error = error: { $message }

## key set, key status, key forget

cli-key-prompt = Paste your Stripe secret key (input is hidden) and press Enter:
cli-key-not-verified = Not checked with Stripe (--no-verify).
# Added after the core's "Couldn't reach Stripe…" when `key set` is offline.
cli-key-offline-hint = To store the key without checking it, run `portal-desk key set --no-verify`.
# $error is the system's reason, in English.
cli-key-unreadable = could not read the key from standard input: { $error }
cli-no-key = no Stripe key is saved for profile { $profile }; run `portal-desk --profile { $profile } key set` and paste it
# $error is the core's reason, in English.
cli-environment-key-unusable = STRIPE_API_KEY is set but unusable: { $error }
cli-key-removed = Removed the Stripe key of profile { $profile } from the keychain.
cli-key-none-to-remove = No Stripe key was saved for profile { $profile }; nothing to remove.

# The `key status` table: labels, then values.
cli-key-label-profile = profile:
cli-key-label-mode = mode:
cli-key-label-kind = key kind:
cli-key-label-last4 = ends in:
cli-key-label-business = business:
cli-key-label-account = account:
cli-key-label-source = from:
cli-key-mode = { $mode ->
    [live] live
   *[test] test
}
cli-key-kind = { $kind ->
    [restricted] restricted
   *[secret] secret
}
cli-key-source-keychain = the OS keychain
cli-key-source-environment = the STRIPE_API_KEY environment variable

## Failures of the CLI itself

# $error is the system's reason, in English.
cli-runtime-failed = could not start the network runtime: { $error }
cli-no-display = no display found, so the window can't open. Run it under a virtual display, for example `xvfb-run -a portal-desk`, or use a command (see `portal-desk --help`).

## sync

cli-sync-interrupted = sync interrupted; everything read so far is kept, and `portal-desk sync` resumes it
# Added after the core's reason when a sync fails.
cli-sync-resume-hint = What was synced before this is kept; run `portal-desk sync` again to resume.
# $mode is "full" or "incremental"; the others are counts.
cli-sync-summary = Synced ({ $mode ->
        [full] full
       *[incremental] incremental
    }): { $customers ->
        [one] { $customers } customer
       *[other] { $customers } customers
    }, { $subscriptions ->
        [one] { $subscriptions } subscription
       *[other] { $subscriptions } subscriptions
    }, { $invoices ->
        [one] { $invoices } invoice
       *[other] { $invoices } invoices
    }, { $payment_methods ->
        [one] { $payment_methods } payment method
       *[other] { $payment_methods } payment methods
    }, { $prices ->
        [one] { $prices } price
       *[other] { $prices } prices
    }, { $products ->
        [one] { $products } product
       *[other] { $products } products
    }; { $events ->
        [one] { $events } event applied.
       *[other] { $events } events applied.
    }
# $seconds has one decimal.
cli-sync-requests = { $requests ->
        [one] { $requests } request
       *[other] { $requests } requests
    } ({ $retries } retried) in { $seconds } s.
# The progress bars (on a terminal only): the list's name, then its requests.
cli-sync-list = { $name ->
    [customers] customers
    [subscriptions] subscriptions
    [invoices] invoices
    [payment_methods] payment_methods
    [prices] prices
    [products] products
    [events] events
   *[other] { $name }
}
cli-sync-list-reading = { $requests ->
    [one] { $requests } request
   *[other] { $requests } requests
}
cli-sync-list-done = { $requests ->
    [one] { $requests } request, done
   *[other] { $requests } requests, done
}
cli-sync-retried-so-far = { $retries ->
    [one] { $retries } request retried so far
   *[other] { $retries } requests retried so far
}

## customers, show

cli-cache-empty = The cache of profile { $profile } is empty: run `portal-desk sync` first.
# On stderr after the list: how many are shown of how many match.
cli-customers-shown = { $shown } of { $total ->
    [one] { $total } customer
   *[other] { $total } customers
}
# $id is what was typed, in quotes.
cli-not-a-customer-id = { $id } is not a Stripe customer id; they look like cus_ followed by letters and digits
cli-customer-not-cached = customer { $id } is not in the cache of profile { $profile }; it may be deleted, or newer than the last sync (run `portal-desk sync`)

# The `show` view.
cli-show-unnamed = Unnamed customer
cli-show-email = email:
cli-show-phone = phone:
cli-show-address = address:
cli-show-renews = renews:
cli-show-canceled = canceled:
cli-show-subscription = Subscription
cli-show-none = none
# After the price: $interval is Stripe's day, week, month or year.
cli-show-per = { $interval ->
    [day] per day
    [week] per week
    [month] per month
    [year] per year
   *[other] per { $interval }
}
# $count is 2 or more.
cli-show-every = { $interval ->
    [day] every { $count } days
    [week] every { $count } weeks
    [month] every { $count } months
    [year] every { $count } years
   *[other] every { $count } { $interval }s
}
cli-show-cancels-at-period-end = cancels at period end: { $date }
# $amount like "USD 49.00"; $invoices is how many invoices are unpaid; $invoice the latest one's number; $retry is cli-show-retry-on or cli-show-no-retry.
cli-show-payment-failed = payment failed: { $amount } due { $invoices ->
        [1] on invoice
       *[other] on { $invoices } invoices, the latest
    } { $invoice }; { $retry }
cli-show-retry-on = Stripe retries on { $date }
cli-show-no-retry = no automatic retry
cli-show-payment-methods = Payment methods
cli-show-none-cached = none cached
# A card's expiry; $date is MM/YYYY.
cli-show-expires = exp { $date }
# Beside the default payment method.
cli-show-default = (default)
cli-show-expired = EXPIRED
cli-show-recent-invoices = Recent invoices

## portal

cli-portal-opened = Opened the customer portal of { $customer } in your browser.
# $error is the system's reason, in English.
cli-portal-browser-failed = Couldn't open a browser ({ $error }); the link above works for a few minutes.
cli-flow-needs-price = --flow subscription_update_confirm needs --price (the new price's id)

## configs

cli-configs-none = No portal configurations yet. `portal-desk configs create --recommended` makes one.
# Notes after a configuration in `configs list`.
cli-configs-account-default = account default
cli-configs-used-here = used by this profile
cli-configs-inactive = inactive
cli-configs-no-headline = (no headline)
cli-configs-login-page = login page: { $url }
cli-configs-profile-uses = Profile { $profile } uses portal configuration { $id }.
cli-configs-created = Created portal configuration { $id }.
cli-configs-now-used = Profile { $profile } now opens the portal with it.
cli-configs-now-uses = Profile { $profile } now opens the portal with configuration { $id }.

# The `configs show` view: labels, then values.
cli-config-headline = headline:
cli-config-privacy-policy = privacy policy:
cli-config-terms-of-service = terms of service:
cli-config-return-url = return URL:
cli-config-login-page = login page:
cli-config-invoice-history = invoice history:
cli-config-payment-methods = payment methods:
cli-config-customer-updates = customer updates:
cli-config-cancel = cancel:
cli-config-plan-switching = plan switching:
cli-config-on = on
cli-config-off = off
# The products offered for switching plans.
cli-config-products = { $count ->
    [one] ({ $count } product)
   *[other] ({ $count } products)
}

## email

# Labels of `email --dry-run` above the email itself (which is in the customer's language).
cli-email-to = To:
cli-email-subject = Subject:
cli-email-not-sent = Not sent (--dry-run).
cli-email-sent = Sent the email to { $to }.
cli-email-no-smtp = No SMTP server is set up (see `portal-desk smtp set`); opening the email in your mail program.
# $error is the system's reason, in English; the link follows on the next line.
cli-email-mail-program-failed = Couldn't open a mail program ({ $error }). The link to send:
# A bulk email's plan (--dry-run), per customer; $reason is the core's, in English.
cli-campaign-will-send = will send
cli-campaign-will-skip = skip: { $reason }
# $campaign is the campaign's name, in quotes.
cli-campaign-would-email = Campaign { $campaign }: { $sending } of { $total ->
    [one] { $total } customer would be emailed. Not sent (--dry-run).
   *[other] { $total } customers would be emailed. Not sent (--dry-run).
}
# A bulk email, as it goes, per customer; $reason is the core's, in English.
cli-campaign-sent = sent
cli-campaign-failed = FAILED: { $reason }
cli-campaign-skipped = skipped: { $reason }
cli-campaign-summary = Campaign { $campaign }: { $sent } sent, { $failed } failed, { $skipped } skipped.
cli-campaign-failures = { $failed ->
    [one] { $failed } email failed; run the same command again to retry it (nobody is emailed twice)
   *[other] { $failed } emails failed; run the same command again to retry them (nobody is emailed twice)
}

## smtp

cli-smtp-prompt = SMTP password (input is hidden):
# $error is the system's reason, in English.
cli-smtp-password-unreadable = could not read the SMTP password from standard input: { $error }
# $server is host:port.
cli-smtp-saved = Saved the SMTP server { $server } for profile { $profile }.
cli-smtp-none = No SMTP server is set up for profile { $profile }; emails open in your mail program.
cli-smtp-removed = Removed the SMTP server of profile { $profile }.
# The `smtp status` table: labels, then values.
cli-smtp-label-host = host:
cli-smtp-label-security = security:
cli-smtp-label-login = login:
cli-smtp-label-password = password:
cli-smtp-label-from = from:
cli-smtp-none-value = none
cli-smtp-password-kept = in the keychain

## export, invoice pdf

cli-export-pdf-needs-invoices = --pdf saves invoices' PDFs: use it with `export invoices`
# $kind is "customers" or "invoices"; $count how many rows.
cli-export-wrote = Wrote { $kind ->
        [invoices] { $count ->
            [one] { $count } invoice
           *[other] { $count } invoices
        }
       *[customers] { $count ->
            [one] { $count } customer
           *[other] { $count } customers
        }
    } to { $path }
# $error is the system's reason, in English.
cli-pdf-unwritable = Couldn't write { $path }: { $error }
cli-pdfs-saved = Saved { $saved ->
        [one] { $saved } invoice PDF
       *[other] { $saved } invoice PDFs
    } in { $dir } ({ $skipped } already there).
cli-pdfs-failed = { $failed ->
    [one] { $failed } invoice PDF could not be saved (listed above).
   *[other] { $failed } invoice PDFs could not be saved (listed above).
}
