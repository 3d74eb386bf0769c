## Die Liste

customers-chip-all = Alle
customers-owed = Offen: { $amounts }
customers-needs-attention = Handlungsbedarf
customers-filter-by-status = Nach Status filtern
customers-loading = Wird geladen…
customers-none-match = Keine Treffer
customers-connecting = Verbindung zu Stripe wird hergestellt…
customers-first-sync-read = { $what } · { $count } gelesen
customers-first-sync-title = Ihre Kunden werden aus Stripe geladen
customers-first-sync-help = Bei der ersten Synchronisierung wird jeder Kunde, jedes Abonnement, jede Rechnung und jede Karte einmal gelesen. Danach werden nur noch Änderungen gelesen.
customers-no-match = Kein Kunde gefunden. Versuchen Sie es mit einem Teil des Namens, einer E-Mail-Adresse, einer Telefonnummer oder einer cus_-ID.
customers-empty = Noch keine Kunden. Klicken Sie auf „Jetzt synchronisieren“, um sie aus Stripe zu laden.
customers-list-label = Kunden
customers-search-placeholder = Name, E-Mail, Telefon oder ID   (Ctrl+K)
customers-search-label = Kunden suchen
customers-sort = Sortieren
customers-sort-label = Kunden sortieren
customers-sort-name = Name
customers-sort-newest = Neueste
customers-sort-next-renewal = Nächste Verlängerung
customers-open-portal-for = Portal für { $name } öffnen
customers-row-portal-offline = Offline: Zum Öffnen des Portals wird Stripe benötigt
customers-row-portal-title = Portal öffnen (Ctrl+Enter)
customers-row-portal = Portal ↗

## Abonnementstatus

customers-status-active = Aktiv
customers-status-trialing = Testphase
customers-status-past-due = Überfällig
customers-status-canceled = Gekündigt
customers-status-none = Kein Abonnement
customers-status-unpaid = Unbezahlt
customers-status-incomplete = Unvollständig
customers-status-expired = Abgelaufen
customers-status-paused = Pausiert

## Ein Kunde

customers-detail-gone = Dieser Kunde ist nicht mehr im Cache (in Stripe gelöscht?). Synchronisieren Sie, um die Liste zu aktualisieren.
customers-since = Kunde seit { $date }
customers-activity = Aktivität
customers-activity-none = Noch keine Änderungen im Portal.

customers-subscription = Abonnement
customers-subscription-none = Kein Abonnement.
customers-amount-unknown = Betrag nicht im Cache
customers-price-per = { $amount } / { $interval ->
    [day] Tag
    [week] Woche
    [month] Monat
    [year] Jahr
   *[other] { $interval }
}
customers-price-every = { $amount } alle { $count } { $interval ->
    [day] Tage
    [week] Wochen
    [month] Monate
    [year] Jahre
   *[other] { $interval }
}
customers-canceled-on = Gekündigt am { $date }
customers-cancels-on = Endet am { $date }
customers-renews-on = Verlängert sich am { $date }

customers-payment-failed = Zahlung fehlgeschlagen.
customers-owed-one = { $amount } fällig für Rechnung { $invoice }.
customers-owed-many = { $amount } fällig für { $count } Rechnungen; die neueste ist { $invoice }.
customers-retry-on = Stripe belastet die Karte am { $date } erneut.
customers-retry-was-due = Stripe wollte die Karte am { $date } erneut belasten; synchronisieren Sie, um das Ergebnis zu sehen.
customers-retry-stopped = Stripe versucht es nicht mehr: Der Kunde muss zahlen oder seine Karte aktualisieren.
customers-retry-none = Kein automatischer neuer Versuch geplant.
customers-ask-update-card = Um neue Karte bitten
customers-no-email-address = Dieser Kunde hat keine E-Mail-Adresse
customers-ask-offline = Offline: Der Link in der E-Mail benötigt Stripe

customers-payment-methods = Zahlungsmethoden
customers-payment-methods-none = Keine Zahlungsmethode hinterlegt.
customers-card-expired = Abgelaufen { $date }
customers-card-expires = Gültig bis { $date }
customers-card-default = Standard

customers-contact = Kontakt
customers-no-email = Keine E-Mail
customers-no-address = Keine Rechnungsadresse.
customers-balance-credit = Guthaben { $amount }
customers-balance-owes = Schuldet { $amount }
customers-delinquent = Die letzte Rechnung ist unbezahlt.

## Rechnungen

customers-invoices = Rechnungen
customers-invoices-none = Keine Rechnungen.
customers-invoices-number = Nummer
customers-invoices-date = Datum
customers-invoices-amount = Betrag
customers-invoices-status = Status
customers-invoices-open = Öffnen
customers-invoice-draft = Entwurf
customers-invoice-status-open = Offen
customers-invoice-status-paid = Bezahlt
customers-invoice-status-uncollectible = Uneinbringlich
customers-invoice-status-void = Storniert
customers-pdf-offline = Offline: Dieses PDF wurde noch nicht gespeichert
customers-pdf-saved = Auf diesem Computer gespeichert
customers-pdf-download = Wird einmal geladen, danach auch offline verfügbar
customers-page-offline = Offline: Die gehostete Seite benötigt Stripe
customers-page-title = Rechnungsseite bei Stripe
customers-page = Seite ↗

## Portal-Aktionen

customers-open-portal = Portal öffnen
customers-opening = Wird geöffnet…
customers-more-links = Weitere Portal-Links
customers-needs-subscription = Erfordert ein aktives Abonnement
customers-email-link = Portal-Link senden
customers-copy-link = Link kopieren
customers-portal-offline = Offline: Das Portal benötigt Stripe. Gespeicherte Abrechnungsdaten sind weiter verfügbar.
customers-portal-domain = Öffnet auf { $domain }, Ihrer eigenen Domain bei Stripe
customers-portal-domain-help = Öffnet auf { $domain }, Ihrer eigenen Domain bei Stripe.
customers-portal-opened = Das Portal wurde in Ihrem Browser geöffnet. Änderungen, die der Kunde dort vornimmt, sehen Sie hier, sobald Sie zurückkommen.
customers-link-copied = Link kopiert. Er funktioniert einmal und läuft in wenigen Minuten ab:
customers-link-copy = Kopieren Sie diesen Link (er funktioniert einmal und läuft in wenigen Minuten ab):
customers-portal-link = Portal-Link
customers-dismiss = Schließen
