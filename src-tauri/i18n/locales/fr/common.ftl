-customer-portal = portail client
-dashboard = Dashboard Stripe

common-customers = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}
