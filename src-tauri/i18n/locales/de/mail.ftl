mail-portal-subject = Ihre Zahlungen bei { $business_name } verwalten
mail-portal-body =
    Hallo { $customer_name },

    hier können Sie Ihre Zahlungsmethode ändern, Ihre Rechnungen herunterladen und Ihr Abonnement verwalten:

    { $portal_link }

    Vielen Dank
    { $business_name }
mail-update-card-subject = Bitte aktualisieren Sie Ihre Zahlungsdaten für { $business_name }
mail-update-card-failed-invoice = Wir konnten Ihre letzte Zahlung an { $business_name } nicht einziehen: { $amount } sind für die Rechnung { $number } fällig.
mail-update-card-failed-amount = Wir konnten Ihre letzte Zahlung an { $business_name } nicht einziehen: { $amount } sind fällig.
mail-update-card-failed = Wir konnten Ihre letzte Zahlung an { $business_name } nicht einziehen.
mail-update-card-body =
    Hallo { $customer_name },

    { $failed }

    Hier können Sie Ihre Karte aktualisieren (oder eine andere Zahlungsart wählen):

    { $portal_link }

    Dort finden Sie auch Ihre offenen Rechnungen, bereit zur Zahlung.

    Vielen Dank
    { $business_name }
mail-session-expires = Dieser Link ist nur kurze Zeit gültig. Falls er abgelaufen ist, antworten Sie einfach auf diese E-Mail, und wir senden Ihnen einen neuen.
mail-no-name = {""}
