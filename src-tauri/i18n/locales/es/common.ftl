-customer-portal = portal de clientes
-dashboard = Dashboard de Stripe

common-customers = { $count ->
    [one] { $count } cliente
   *[other] { $count } clientes
}
