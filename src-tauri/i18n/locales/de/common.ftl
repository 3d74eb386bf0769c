-customer-portal = Kundenportal
-dashboard = Stripe-Dashboard

common-customers = { $count ->
    [one] { $count } Kunde
   *[other] { $count } Kunden
}
