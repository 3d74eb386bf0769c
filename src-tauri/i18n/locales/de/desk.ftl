## Start und obere Leiste

desk-loading = Wird geladen…
desk-sandbox-title = Demo: Die App spricht mit einer lokalen Stripe-Sandbox, nicht mit Stripe
desk-sandbox-chip = Sandbox · { $url }
desk-back-to-profile = Zurück zu { $profile }
desk-profile-name = Profil { $profile }
desk-activity = Aktivität

## Bereiche

desk-sections = Bereiche
desk-view-customers = Kunden
desk-view-portal-settings = Portal-Einstellungen
desk-view-bulk-email = Sammel-E-Mail
desk-view-settings = Einstellungen

## Banner

desk-test-mode = TESTMODUS
desk-test-mode-note = Sie sehen Testdaten. Hier wird keinem echten Kunden etwas berechnet.
desk-offline = Offline
desk-offline-note = Stripe ist nicht erreichbar. Alles Zwischengespeicherte funktioniert weiter; Portal öffnen, Links senden und Synchronisieren warten auf das Netzwerk.

## Rechter Bereich

desk-customer-pane = Kunde
desk-choose-customer = Wählen Sie einen Kunden aus, um seine Abrechnung zu sehen und sein Portal zu öffnen.
desk-shortcuts = Ctrl+K oder /: Suche · ↑ ↓: Auswahl · Enter: Öffnen · Ctrl+Enter: Portal öffnen
desk-portal-not-opened = Der Portal-Link wurde erstellt, aber der Browser hat sich nicht geöffnet. Verwenden Sie stattdessen „Link kopieren“.

## Synchronisierung

desk-syncing-of = Synchronisierung: { $what } · { $done } von { $total }
desk-syncing-count = Synchronisierung: { $what } · { $done }
desk-syncing = Synchronisierung…
desk-sync-what-customers = Kunden
desk-sync-what-subscriptions = Abonnements
desk-sync-what-invoices = Rechnungen
desk-sync-what-prices = Preise
desk-sync-what-products = Produkte
desk-sync-what-payment-methods = Zahlungsmethoden
desk-sync-what-billing-data = Abrechnungsdaten
desk-sync-what-changes = Änderungen
desk-sync-what-connecting = Verbindung
desk-sync-what-finishing = letzte Daten
desk-sync-progress = Fortschritt der Synchronisierung
desk-sync-paused-offline = Synchronisierung pausiert: offline
desk-sync-failed = Synchronisierung fehlgeschlagen: { $error }
desk-retry = Wiederholen
desk-synced = Synchronisiert { $age }
desk-not-synced = Noch nicht synchronisiert
desk-sync-now = Synchronisieren

## Noch keine Portal-Konfiguration

desk-setup-portal-title = Richten Sie zuerst das Kundenportal ein
desk-setup-portal-body = Stripe braucht Portal-Einstellungen (was Kunden ändern dürfen), bevor es ein Portal öffnen kann. Portal Desk kann empfohlene Einstellungen für Sie anlegen: Kunden können ihre Karte, E-Mail-Adresse und Anschrift ändern, ihre Rechnungen einsehen und zum Ende des Abrechnungszeitraums kündigen. Sie können das später in Stripe ändern.
desk-cancel = Abbrechen
desk-open-stripe-settings = Stripe-Einstellungen öffnen
desk-creating = Wird erstellt…
desk-create-settings = Einstellungen anlegen

## Direktlinks ins Portal

desk-flow-update-card = Karte aktualisieren
desk-flow-cancel-subscription = Abonnement kündigen
desk-flow-change-plan = Tarif ändern

## Aktivität

desk-activity-help = Änderungen im Portal, erkannt beim Synchronisieren der Stripe-Ereignisse.
desk-activity-empty = Noch nichts. Wenn Kunden im Portal eine Karte aktualisieren, den Tarif wechseln oder kündigen, erscheint das hier nach der nächsten Synchronisierung.

## Einrichtung

desk-connect-title = Stripe-Konto verbinden
desk-connect-lead = Portal Desk öffnet das Stripe-Kundenportal Ihrer Kunden mit einem Klick und hat ihre Abrechnungshistorie immer zur Hand, auch offline.
desk-key-existing = Für das Profil { $profile } ist bereits ein { $mode ->
        [live] Live-Schlüssel
       *[test] Testschlüssel
    } mit der Endung ...{ $last4 } gespeichert. Ein neuer Schlüssel ersetzt ihn.
desk-key-existing-named = Für das Profil { $profile } ({ $business }) ist bereits ein { $mode ->
        [live] Live-Schlüssel
       *[test] Testschlüssel
    } mit der Endung ...{ $last4 } gespeichert. Ein neuer Schlüssel ersetzt ihn.
desk-secret-key = Geheimer Schlüssel
desk-key-placeholder = sk_test_… oder sk_live_…
desk-key-hide = Verbergen
desk-key-show = Anzeigen
desk-key-help-start = Verwenden Sie einen geheimen Schlüssel (sk_…) oder einen eingeschränkten Schlüssel (rk_…) aus dem{" "}
desk-key-help-link = Stripe-Dashboard → Entwickler → API-Schlüssel
desk-key-help-end = . Er wird nur im Schlüsselbund dieses Computers gespeichert und nie wieder angezeigt.
desk-save-unchecked = Ohne Prüfung speichern
desk-key-saved = Schlüssel für Profil { $profile } gespeichert ({ $mode ->
        [live] Live-Modus
       *[test] Testmodus
    }), endet auf ...{ $last4 }
desk-key-verified-name-account = Von Stripe bestätigt: { $name } ({ $account }).
desk-key-verified-name = Von Stripe bestätigt: { $name }.
desk-key-verified-account = Von Stripe bestätigt: Konto { $account }.
desk-key-verified = Von Stripe bestätigt (dieser Schlüssel kann den Kontonamen eventuell nicht lesen).
desk-key-unchecked = Nicht mit Stripe geprüft: Speichern Sie den Schlüssel erneut, wenn Sie online sind, um ihn zu prüfen.
desk-continue = Weiter zu Ihren Kunden
desk-checking-key = Prüfung bei Stripe…
desk-saving = Wird gespeichert…
desk-save-key = Schlüssel speichern
desk-demo-summary = Kein Stripe-Konto? Testen Sie die Demo
desk-demo-before = Führen Sie{" "}
desk-demo-after = {" "}im Quellordner von Portal Desk aus. Der Befehl startet eine lokale Stripe-Sandbox mit erfundenen Kunden, speichert einen Demo-Testschlüssel in Ihrem Schlüsselbund und öffnet dieses Fenster damit. Nichts verlässt Ihren Computer.
