## Der E-Mail-Dialog

portal-email-title = Portal-Link per E-Mail senden
portal-email-card-title = Um Kartenaktualisierung bitten
portal-which-link = Welcher Link
portal-email-login-link = Anmeldeseite (empfohlen): läuft nie ab; der Kunde bestätigt seine E-Mail-Adresse
portal-email-direct-link = Direktlink: öffnet das Portal sofort, läuft aber nach wenigen Minuten ab
portal-email-card-direct-link = Direktlink: öffnet sofort die Kartenseite des Portals, läuft aber nach wenigen Minuten ab
portal-email-to = An:
portal-email-subject = Betreff:
portal-email-body = E-Mail-Text
portal-email-custom-domain = Der Link öffnet sich auf { $domain }, Ihrer benutzerdefinierten Domain bei Stripe.
portal-email-preparing = Vorschau wird erstellt…
portal-email-login-page-off = Die Anmeldeseite Ihres Portals ist deaktiviert. Aktivieren Sie sie, um einen Link zu senden, der nie abläuft (Kunden melden sich mit ihrer E-Mail-Adresse an), oder wählen Sie den Direktlink.
portal-turn-on-login-page = Anmeldeseite aktivieren
portal-email-done = Fertig
portal-email-cancel = Abbrechen
portal-email-sending = Wird gesendet…
portal-email-send = Senden
portal-email-sent = Gesendet. Der Kunde erhält die E-Mail in Kürze.
portal-email-mail-app = Ihr E-Mail-Programm wurde mit der fertigen E-Mail geöffnet. Richten Sie SMTP in den Einstellungen ein, um direkt von hier zu senden.

## Sammel-E-Mail

portal-bulk-title = Portal-Link an viele Kunden senden
portal-bulk-example = Bitten Sie zum Beispiel alle überfälligen Kunden, ihre Karte zu aktualisieren.
portal-bulk-customers = Kunden
portal-bulk-everyone = Alle
portal-bulk-everyone-count = Alle ({ $count })
portal-bulk-status-count = { $status } ({ $count })
portal-bulk-status-active = Aktiv
portal-bulk-status-trialing = Testphase
portal-bulk-status-past-due = Überfällig
portal-bulk-status-unpaid = Unbezahlt
portal-bulk-status-incomplete = Unvollständig
portal-bulk-status-paused = Pausiert
portal-bulk-status-canceled = Gekündigt
portal-bulk-status-none = Kein Abonnement
portal-bulk-status-needs-attention = Handlungsbedarf
portal-bulk-search = Suche (optional)
portal-bulk-search-placeholder = Name, E-Mail, ID oder Telefon
portal-bulk-campaign = Kampagnenname (optional)
portal-bulk-campaign-placeholder = Filter und heutiges Datum
portal-bulk-campaign-help = Wird eine Kampagne erneut gesendet, erhält kein Kunde die E-Mail doppelt; fehlgeschlagene werden wiederholt.
portal-bulk-login-link = Anmeldeseite (empfohlen): läuft nie ab; jeder Kunde bestätigt seine E-Mail-Adresse
portal-bulk-direct-links = Direktlinks: öffnen das Portal sofort, laufen aber nach wenigen Minuten ab
portal-bulk-preview = Empfänger anzeigen
portal-bulk-recipients = Empfänger
portal-bulk-login-page-off = Die Anmeldeseite Ihres Portals ist deaktiviert. Aktivieren Sie sie, um Links zu senden, die nie ablaufen, oder wählen Sie Direktlinks.
portal-bulk-offline = Offline: Die E-Mails enthalten einen Portal-Link, den Stripe erstellt
portal-bulk-finding = Empfänger werden gesucht…
portal-bulk-nobody = Kein Kunde entspricht diesem Filter.
portal-bulk-recipients-table = Empfängertabelle
portal-bulk-column-customer = Kunde
portal-bulk-column-email = E-Mail
portal-bulk-column-result = Ergebnis
portal-bulk-outcome-sent = Gesendet
portal-bulk-outcome-failed = Fehlgeschlagen
portal-bulk-outcome-skipped = Übersprungen
portal-bulk-outcome-ready = Erhält E-Mail
portal-bulk-start = Wählen Sie die Empfänger aus und prüfen Sie die Liste, bevor etwas gesendet wird.
portal-bulk-report = Gesendet: { $sent } · fehlgeschlagen: { $failed } · übersprungen: { $skipped }
portal-bulk-campaign-done = Kampagne „{ $campaign }“.
portal-bulk-campaign-retry = Kampagne „{ $campaign }“. Senden Sie sie mit demselben Namen erneut, um die fehlgeschlagenen zu wiederholen; niemand erhält sie doppelt.
portal-bulk-start-another = Neue Sendung
portal-bulk-will-get = { $count ->
    [one] { $count } Kunde erhält die E-Mail
   *[other] { $count } Kunden erhalten die E-Mail
}
portal-bulk-skipped = · { $count } übersprungen
portal-bulk-sending = Senden an { $count }…
portal-bulk-send-to = An { $count } Kunden senden

portal-email-language-customer = Auf { $language }: die bevorzugte Sprache des Kunden in Stripe ({ $locale }). Auch das Portal öffnet sich darin.
portal-email-language-fallback = Auf { $language }, der Sprache von Portal Desk: Stripe kennt für diesen Kunden keine bevorzugte Sprache, die Portal Desk spricht.

portal-bulk-skip-already-emailed = Schon in dieser Aktion angeschrieben
portal-bulk-skip-no-email = Keine E-Mail-Adresse in Stripe
portal-bulk-skip-unusable-address = Die E-Mail-Adresse ist nicht nutzbar
