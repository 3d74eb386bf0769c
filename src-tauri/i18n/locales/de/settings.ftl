# Einstellungen: Profile und Stripe-Schlüssel, Portal-Links und
# Synchronisierung, E-Mail (SMTP), CSV-Export und der lokale Cache.

settings-loading = Wird geladen…
settings-title = Einstellungen

## Hinweise nach einer Aktion

settings-saved = Gespeichert.
settings-cleared = Cache geleert. Die nächste Synchronisierung lädt alles neu aus Stripe.
settings-password-removed = { $notice } Der SMTP-Server hat sich geändert, daher wurde das Passwort für den alten Server entfernt: Geben Sie das Passwort für den neuen Server ein.
settings-exported-customers = { $count ->
    [one] { $count } Kunde in { $path } gespeichert.
   *[other] { $count } Kunden in { $path } gespeichert.
}
settings-exported-invoices = { $count ->
    [one] { $count } Rechnung in { $path } gespeichert.
   *[other] { $count } Rechnungen in { $path } gespeichert.
}

## Profil

settings-profile-title = Profil
settings-profile-intro = Jedes Profil steht für ein Stripe-Konto (oder dessen Testmodus) – mit eigenem Schlüssel, Cache und eigenen Einstellungen.
settings-open-profile = Profil öffnen
settings-add-profile = Profil hinzufügen
settings-new-profile-placeholder = z. B. live oder acme-eu
settings-add = Hinzufügen
settings-profile-name-rule = Nur Buchstaben, Ziffern, - und _ (höchstens 40)
settings-forget-key = Schlüssel dieses Profils entfernen…
settings-forget-confirm = Den Stripe-Schlüssel von „{ $profile }“ aus dem Schlüsselbund dieses Computers entfernen? Der Cache bleibt erhalten; zum Synchronisieren oder Öffnen von Portalen brauchen Sie den Schlüssel dann erneut.
settings-forget-yes = Schlüssel entfernen
settings-keep-it = Behalten

## Portal-Links und Synchronisierung

settings-preferences-title = Portal-Links und Synchronisierung
settings-return-url-label = Zurück-Link im Portal
settings-return-url-placeholder = https://ihre-website.example/konto
settings-return-url-help = Wohin „Zurück zu …“ im Portal Ihre Kunden führt. Leer: der Zurück-Link aus der Portal-Konfiguration.
settings-sync-interval-label = Sync-Intervall (Minuten)
settings-sync-interval-help = solange das Fenster offen ist; 0 schaltet es aus
settings-sync-rate-label = Sync-Tempo
settings-sync-rate-help = Anfragen pro Sekunde; leer: Stripes Standardanteil (50 im Live-Modus, 23 im Testmodus). Nur erhöhen, wenn Stripe die Limits Ihres Kontos erhöht hat.

## E-Mail

settings-email-title = E-Mail
settings-sign-emails-as = Unterschrift in E-Mails
settings-business-name-placeholder = Name Ihres Unternehmens
settings-sign-emails-as-help-account = Leer: der Unternehmensname Ihres Stripe-Kontos.
settings-sign-emails-as-help-no-account = Ihr Schlüssel kann den Namen des Stripe-Kontos nicht lesen. Geben Sie den Namen ein, unter dem Ihre Kunden Sie kennen.
settings-smtp-on = E-Mails über meinen SMTP-Server senden (sonst öffnen sie sich in Ihrem Mailprogramm)
settings-smtp-host = Server
settings-smtp-host-placeholder = smtp.example.com
settings-smtp-port = Port
settings-smtp-security = Sicherheit
settings-smtp-starttls = STARTTLS (Port 587)
settings-smtp-tls = TLS (Port 465)
settings-smtp-no-tls = Keine (Server auf diesem Computer)
settings-smtp-from = Absender
settings-smtp-from-placeholder = Ihr Shop <rechnung@example.com>
settings-smtp-username = Benutzername
settings-smtp-password = Passwort
settings-password-hint-new-server = Passwort für den neuen Server eingeben
settings-password-hint-saved = Im Schlüsselbund gespeichert
settings-password-hint-optional = Nur falls der Server eine Anmeldung verlangt
settings-smtp-password-changed = Der Server hat sich geändert: Geben Sie sein Passwort ein
settings-save = Speichern

## Probleme unter einem Feld

settings-problem-return-url = Verwenden Sie einen sicheren Link, der mit https:// beginnt
settings-problem-interval = Minuten von 0 (aus) bis 1440 (einmal am Tag)
settings-problem-rate = Eine ganze Zahl von 1 bis 1000 oder leer für Stripes Standardanteil
settings-problem-business-name-long = Höchstens 100 Zeichen
settings-problem-business-name-line = Eine Zeile, so wie Ihre Kunden sie lesen sollen
settings-problem-host = Der Name des Servers, z. B. smtp.example.com
settings-problem-port = Ein Port von 1 bis 65535 (meist 587)
settings-problem-from = Eine Adresse wie rechnung@example.com oder Name <rechnung@example.com>

## CSV-Export

settings-export-title = Export
settings-export-intro = Speichern Sie die Kunden oder Rechnungen aus dem Cache als CSV-Datei – für eine Tabellenkalkulation oder Ihre Buchhaltung. Funktioniert offline; für den neuesten Stand vorher synchronisieren.
settings-export-customers = Kunden exportieren…
settings-export-invoices = Rechnungen exportieren…

## Der lokale Cache

settings-cache-title = Cache
settings-cache-intro = Kunden und ihre Abrechnungsdaten werden auf diesem Computer gespeichert, damit sie sofort und auch offline öffnen.
settings-data-folder = Datenordner
settings-cache-file = Cache-Datei
settings-size = Größe
settings-cache-size = { $cache } · gespeicherte Rechnungs-PDFs { $pdfs }
settings-clear-cache = Cache leeren…
settings-clear-confirm = Cache und gespeicherte PDFs löschen? In Stripe ändert sich nichts; die nächste Synchronisierung lädt alles neu.
settings-clear-yes = Cache leeren

settings-language-title = Sprache
settings-language-label = Portal Desk spricht
settings-language-system = Sprache des Systems
settings-language-hint = Für alle Profile auf diesem Computer, auch für Datums- und Betragsangaben. E-Mails an Kunden sind in deren eigener Sprache, wenn Stripe sie kennt.
