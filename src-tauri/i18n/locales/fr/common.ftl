-customer-portal = portail client
-dashboard = Dashboard Stripe

common-customers = { $count ->
    [one] { $count } client
   *[other] { $count } clients
}

common-age-just-now = à l'instant
common-age-minutes = il y a { $count } min
common-age-hours = il y a { $count } h
common-age-yesterday = hier
common-age-days = { $count ->
    [one] il y a { $count } jour
   *[other] il y a { $count } jours
}
common-size-bytes = { $count ->
    [one] { $count } octet
   *[other] { $count } octets
}
common-size-kb = { $size } Ko
common-size-mb = { $size } Mo
common-size-gb = { $size } Go

common-language-name = { $tag ->
    [de] allemand
    [fr] français
    [es] espagnol
    [ja] japonais
   *[en] anglais
}
