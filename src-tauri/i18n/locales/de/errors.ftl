error-key-format = Das ist kein gültiger geheimer Stripe-Schlüssel. Kopieren Sie ihn im Stripe-Dashboard unter Entwickler → API-Schlüssel: Er beginnt mit sk_test_, sk_live_, rk_test_ oder rk_live_.
error-key-rejected = Stripe hat diesen Schlüssel abgelehnt (ungültig oder widerrufen). Kopieren Sie einen aktuellen Schlüssel im Stripe-Dashboard unter Entwickler → API-Schlüssel.
error-missing-permissions = Diesem eingeschränkten Schlüssel fehlen Berechtigungen, die Portal Desk braucht: { $permissions }. Bearbeiten Sie den Schlüssel im Stripe-Dashboard (Entwickler → API-Schlüssel) und erlauben Sie sie.
error-rate-limited = Stripe begrenzt gerade die Anfragen für dieses Konto; { $read } von { $expected } Objekten gelesen. Die nächste Synchronisierung macht weiter.
error-stripe-said = Stripe hat die Anfrage abgelehnt: { $message }
error-no-key = Für das Profil { $profile } ist kein Stripe-Schlüssel gespeichert. Verbinden Sie zuerst Ihr Stripe-Konto.
error-keychain-unavailable = Der Schlüsselbund des Systems ist nicht erreichbar. Portal Desk bewahrt Ihren Stripe-Schlüssel nur dort auf: Stellen Sie sicher, dass er läuft und entsperrt ist.
error-invalid-customer-id = { $id } ist keine Stripe-Kunden-ID; diese beginnen mit cus_, gefolgt von Buchstaben und Ziffern.
error-unknown-customer = Stripe kennt keinen Kunden { $id }. Prüfen Sie die ID oder synchronisieren Sie, um die Liste zu aktualisieren.
error-deleted-customer = Der Kunde { $id } wurde in Stripe gelöscht, daher gibt es kein Portal zu öffnen.
error-no-subscription = { $customer } hat kein aktives Abonnement.
error-several-items = Das Abonnement { $subscription } hat mehrere Positionen; das Portal kann nur Änderungen an Abonnements mit einer Position bestätigen. Nutzen Sie stattdessen den Link zum Tarifwechsel.
error-invalid-url = { $url } kann nicht verwendet werden: Geben Sie eine https://-Adresse ein.
error-not-configured = Das Kundenportal von Stripe ist für den { $mode ->
    [live] Live-Modus
   *[test] Testmodus
} noch nicht eingerichtet. Speichern Sie Ihre Portaleinstellungen im Stripe-Dashboard oder lassen Sie Portal Desk eine Konfiguration mit sinnvollen Einstellungen anlegen.
error-login-page-off = Die Anmeldeseite ist für die Portal-Konfiguration { $configuration } ausgeschaltet. Schalten Sie sie ein, um einen Link zu senden, der nicht abläuft, oder senden Sie stattdessen einen Sitzungslink, der nach wenigen Minuten abläuft.
error-no-email = { $customer } hat in Stripe keine E-Mail-Adresse. Fügen Sie im Stripe-Dashboard eine hinzu oder kopieren Sie stattdessen den Link.
error-bad-address = { $address } ist keine gültige E-Mail-Adresse.
error-bad-smtp-settings = Die SMTP-Einstellungen sind nicht nutzbar. Prüfen Sie Server, Port und Absender in den Einstellungen.
error-send-failed = Die E-Mail konnte nicht gesendet werden: { $reason }.
error-unknown-placeholder = Die E-Mail-Vorlage verwendet { $placeholder }, das Portal Desk nicht kennt; verwenden Sie {"{"}customer_name{"}"}, {"{"}business_name{"}"} oder {"{"}portal_link{"}"}.
error-invalid-key = Dieser Stripe-Schlüssel ist nicht nutzbar. Kopieren Sie einen aktuellen Schlüssel im Stripe-Dashboard unter Entwickler → API-Schlüssel.
error-invalid-profile = Dieser Profilname ist nicht nutzbar: Verwenden Sie 1 bis 40 Buchstaben, Ziffern, - oder _.
error-offline = Stripe ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.
error-no-key-saved = Für dieses Profil ist kein Stripe-Schlüssel gespeichert. Verbinden Sie zuerst Ihr Stripe-Konto.
error-invalid-input = Ein eingegebener Wert ist nicht nutzbar. Prüfen Sie ihn und versuchen Sie es erneut.
error-not-found = Stripe kennt dieses Objekt nicht, oder es wurde gelöscht. Synchronisieren Sie, um die Liste zu aktualisieren.
error-portal-not-set-up = Das Kundenportal von Stripe ist für diesen Modus noch nicht eingerichtet. Speichern Sie Ihre Portaleinstellungen im Stripe-Dashboard.
error-login-page-is-off = Die Anmeldeseite des Portals ist ausgeschaltet. Schalten Sie sie ein, um einen Link zu senden, der nicht abläuft.
error-stripe-refused = Stripe hat die Anfrage abgelehnt. Versuchen Sie es gleich noch einmal.
error-mail-failed = Die E-Mail konnte nicht gesendet werden. Prüfen Sie die SMTP-Einstellungen.
error-bridge = Das Fenster von Portal Desk erreicht seinen Kern nicht. Starten Sie die App neu.
error-internal = In Portal Desk ist etwas schiefgegangen. Versuchen Sie es erneut; wenn es wieder passiert, starten Sie die App neu.
