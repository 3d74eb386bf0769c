# Words used all over the app. Terms (-x) are names that stay the same
# everywhere they appear; use Stripe's own wording as its Dashboard does in
# each language.

-customer-portal = Customer Portal
-dashboard = Stripe Dashboard

common-customers = { $count ->
    [one] { $count } customer
   *[other] { $count } customers
}
