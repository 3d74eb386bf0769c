-customer-portal = portal de clientes
-dashboard = Dashboard de Stripe

common-customers = { $count ->
    [one] { $count } cliente
   *[other] { $count } clientes
}

common-age-just-now = justo ahora
common-age-minutes = hace { $count } min
common-age-hours = hace { $count } h
common-age-yesterday = ayer
common-age-days = { $count ->
    [one] hace { $count } día
   *[other] hace { $count } días
}
common-size-bytes = { $count ->
    [one] { $count } byte
   *[other] { $count } bytes
}
common-size-kb = { $size } KB
common-size-mb = { $size } MB
common-size-gb = { $size } GB

common-language-name = { $tag ->
    [de] alemán
    [fr] francés
    [es] español
    [ja] japonés
   *[en] inglés
}
