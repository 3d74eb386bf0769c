-customer-portal = Kundenportal
-dashboard = Stripe-Dashboard

common-customers = { $count ->
    [one] { $count } Kunde
   *[other] { $count } Kunden
}

common-age-just-now = gerade eben
common-age-minutes = vor { $count } Min.
common-age-hours = vor { $count } Std.
common-age-yesterday = gestern
common-age-days = { $count ->
    [one] vor { $count } Tag
   *[other] vor { $count } Tagen
}
common-size-bytes = { $count } Byte
common-size-kb = { $size } KB
common-size-mb = { $size } MB
common-size-gb = { $size } GB

common-language-name = { $tag ->
    [de] Deutsch
    [fr] Französisch
    [es] Spanisch
    [ja] Japanisch
   *[en] Englisch
}
