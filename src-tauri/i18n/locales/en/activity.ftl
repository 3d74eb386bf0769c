# The activity feed: what customers changed in the portal. $who is the
# customer's name (or email, or id); $plan a plan's name; $method a card such
# as "Visa •••• 4242"; $ends a date, or "none".

activity-card-added = { $who } added { $method }
activity-card-removed = { $who } removed { $method }
activity-card-updated = { $who } updated { $method }
# $amount is written as the CLI writes amounts, e.g. "USD 49.00".
activity-invoice-paid = { $who } paid invoice { $number } ({ $amount })
activity-customer-created = { $who } became a customer
activity-customer-deleted = { $who } was deleted
activity-email-changed = { $who } changed their email from { $from } to { $to }
activity-name-changed = { $who } changed their name to { $name }
activity-address-changed = { $who } updated their billing address
activity-phone-changed = { $who } updated their phone number
activity-default-payment-method-changed = { $who } made { $method } their default payment method
activity-subscription-created = { $who } subscribed to { $plan }
# $from is the plan before.
activity-plan-changed = { $who } switched from { $from } to { $plan }
activity-quantity-changed = { $who } changed the quantity of { $plan } from { $from } to { $to }
activity-subscription-canceled = { $who }'s { $plan } subscription was canceled
activity-cancel-scheduled = { $ends ->
    [none] { $who } canceled { $plan } at period end
   *[other] { $who } canceled { $plan } at period end (ends { $ends })
}
activity-cancel-withdrawn = { $who } renewed { $plan }: it will no longer cancel
# $status is Stripe's subscription status.
activity-status-changed = { $who }'s { $plan } subscription is now { $status ->
    [active] active
    [past_due] past due
    [unpaid] unpaid
    [trialing] trialing
    [incomplete] incomplete
    [incomplete_expired] incomplete expired
    [canceled] canceled
    [paused] paused
   *[other] { $status }
}

## What a detail Stripe didn't give stands for

activity-someone = A customer
activity-their-plan = their plan
activity-a-payment-method = a new payment method
activity-no-name = no name
activity-no-email = no email

## The desktop notification after a background sync

activity-notice-one = A customer changed their billing
activity-notice-many = { $count } billing changes in the portal
activity-notice-more = and { $count } more in Activity
