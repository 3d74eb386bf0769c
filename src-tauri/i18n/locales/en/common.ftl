# Words used all over the app. Terms (-x) are names that stay the same
# everywhere they appear; use Stripe's own wording as its Dashboard does in
# each language.

-customer-portal = Customer Portal
-dashboard = Stripe Dashboard

common-customers = { $count ->
    [one] { $count } customer
   *[other] { $count } customers
}

# How long ago something happened (the sync bar, the activity feed).
common-age-just-now = just now
common-age-minutes = { $count } min ago
common-age-hours = { $count } h ago
common-age-yesterday = yesterday
# Never 1 ($count is 2 or more; 1 is "yesterday").
common-age-days = { $count } days ago
# Sizes on disk. Bytes are under 1000; $size is a number with up to one decimal ("3.4").
common-size-bytes = { $count } bytes
common-size-kb = { $size } KB
common-size-mb = { $size } MB
common-size-gb = { $size } GB

# A language's name, in a sentence ("Written in French"). $tag: en, de, fr, es, ja.
common-language-name = { $tag ->
    [de] German
    [fr] French
    [es] Spanish
    [ja] Japanese
   *[en] English
}
