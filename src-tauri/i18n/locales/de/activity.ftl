activity-card-added = { $who } hat { $method } hinzugefügt
activity-card-removed = { $who } hat { $method } entfernt
activity-card-updated = { $who } hat { $method } aktualisiert
activity-invoice-paid = { $who } hat die Rechnung { $number } bezahlt ({ $amount })
activity-customer-created = { $who } ist jetzt Kunde
activity-customer-deleted = { $who } wurde gelöscht
activity-email-changed = { $who } hat die E-Mail-Adresse von { $from } in { $to } geändert
activity-name-changed = { $who } hat den Namen in { $name } geändert
activity-address-changed = { $who } hat die Rechnungsadresse aktualisiert
activity-phone-changed = { $who } hat die Telefonnummer aktualisiert
activity-default-payment-method-changed = { $who } hat { $method } als Standard-Zahlungsmethode festgelegt
activity-subscription-created = { $who } hat { $plan } abonniert
activity-plan-changed = { $who } hat von { $from } zu { $plan } gewechselt
activity-quantity-changed = { $who } hat die Menge von { $plan } von { $from } auf { $to } geändert
activity-subscription-canceled = Das Abonnement { $plan } von { $who } wurde gekündigt
activity-cancel-scheduled = { $ends ->
    [none] { $who } hat { $plan } zum Ende des Zeitraums gekündigt
   *[other] { $who } hat { $plan } zum Ende des Zeitraums gekündigt (endet am { $ends })
}
activity-cancel-withdrawn = { $who } hat { $plan } verlängert: Die Kündigung ist aufgehoben
activity-status-changed = Das Abonnement { $plan } von { $who } ist jetzt { $status ->
    [active] aktiv
    [past_due] überfällig
    [unpaid] unbezahlt
    [trialing] in der Testphase
    [incomplete] unvollständig
    [incomplete_expired] unvollständig und abgelaufen
    [canceled] gekündigt
    [paused] pausiert
   *[other] { $status }
}
activity-someone = Ein Kunde
activity-their-plan = seinen Tarif
activity-a-payment-method = eine neue Zahlungsmethode
activity-no-name = keinen Namen
activity-no-email = keiner Adresse
activity-notice-one = Ein Kunde hat seine Zahlungsdaten geändert
activity-notice-many = { $count } Änderungen im Kundenportal
activity-notice-more = und { $count } weitere unter Aktivität
