cli-error = Fehler: { $message }

## key set, key status, key forget

cli-key-prompt = Fügen Sie Ihren geheimen Stripe-Schlüssel ein (die Eingabe bleibt verborgen) und drücken Sie Enter:
cli-key-not-verified = Nicht mit Stripe geprüft (--no-verify).
cli-key-offline-hint = Um den Schlüssel ohne Prüfung zu speichern, führen Sie `portal-desk key set --no-verify` aus.
cli-key-unreadable = Der Schlüssel konnte nicht von der Standardeingabe gelesen werden: { $error }
cli-no-key = Für das Profil { $profile } ist kein Stripe-Schlüssel gespeichert; führen Sie `portal-desk --profile { $profile } key set` aus und fügen Sie ihn ein
cli-environment-key-unusable = STRIPE_API_KEY ist gesetzt, aber nicht verwendbar: { $error }
cli-key-removed = Der Stripe-Schlüssel des Profils { $profile } wurde aus dem Schlüsselbund entfernt.
cli-key-none-to-remove = Für das Profil { $profile } war kein Stripe-Schlüssel gespeichert; es gibt nichts zu entfernen.

cli-key-label-profile = Profil:
cli-key-label-mode = Modus:
cli-key-label-kind = Schlüsseltyp:
cli-key-label-last4 = Endet auf:
cli-key-label-business = Unternehmen:
cli-key-label-account = Konto:
cli-key-label-source = Quelle:
cli-key-mode = { $mode ->
    [live] Live-Modus
   *[test] Testmodus
}
cli-key-kind = { $kind ->
    [restricted] eingeschränkt
   *[secret] geheim
}
cli-key-source-keychain = Schlüsselbund des Systems
cli-key-source-environment = Umgebungsvariable STRIPE_API_KEY

## Fehler der CLI selbst

cli-runtime-failed = Die Netzwerkverbindung konnte nicht vorbereitet werden: { $error }
cli-no-display = Kein Bildschirm gefunden, daher kann sich das Fenster nicht öffnen. Starten Sie es auf einem virtuellen Bildschirm, zum Beispiel mit `xvfb-run -a portal-desk`, oder verwenden Sie einen Befehl (siehe `portal-desk --help`).

## sync

cli-sync-interrupted = Synchronisierung unterbrochen; alles bisher Gelesene bleibt erhalten, und `portal-desk sync` setzt sie fort
cli-sync-resume-hint = Was vorher synchronisiert wurde, bleibt erhalten; führen Sie `portal-desk sync` erneut aus, um fortzufahren.
cli-sync-summary = Synchronisiert ({ $mode ->
        [full] vollständig
       *[incremental] nur Änderungen
    }): { $customers ->
        [one] { $customers } Kunde
       *[other] { $customers } Kunden
    }, { $subscriptions ->
        [one] { $subscriptions } Abonnement
       *[other] { $subscriptions } Abonnements
    }, { $invoices ->
        [one] { $invoices } Rechnung
       *[other] { $invoices } Rechnungen
    }, { $payment_methods ->
        [one] { $payment_methods } Zahlungsmethode
       *[other] { $payment_methods } Zahlungsmethoden
    }, { $prices ->
        [one] { $prices } Preis
       *[other] { $prices } Preise
    }, { $products ->
        [one] { $products } Produkt
       *[other] { $products } Produkte
    }; { $events ->
        [one] { $events } Ereignis übernommen.
       *[other] { $events } Ereignisse übernommen.
    }
cli-sync-requests = { $requests ->
        [one] { $requests } Anfrage
       *[other] { $requests } Anfragen
    } ({ $retries } wiederholt) in { $seconds } s.
cli-sync-list = { $name ->
    [customers] Kunden
    [subscriptions] Abonnements
    [invoices] Rechnungen
    [payment_methods] Zahlungsmethoden
    [prices] Preise
    [products] Produkte
    [events] Ereignisse
   *[other] { $name }
}
cli-sync-list-reading = { $requests ->
    [one] { $requests } Anfrage
   *[other] { $requests } Anfragen
}
cli-sync-list-done = { $requests ->
    [one] { $requests } Anfrage, fertig
   *[other] { $requests } Anfragen, fertig
}
cli-sync-retried-so-far = { $retries ->
    [one] bisher { $retries } Anfrage wiederholt
   *[other] bisher { $retries } Anfragen wiederholt
}

## customers, show

cli-cache-empty = Der Cache des Profils { $profile } ist leer: Führen Sie zuerst `portal-desk sync` aus.
cli-customers-shown = { $shown } von { $total } Kunden
cli-not-a-customer-id = { $id } ist keine Stripe-Kunden-ID; diese beginnen mit cus_, gefolgt von Buchstaben und Ziffern
cli-customer-not-cached = Der Kunde { $id } ist nicht im Cache des Profils { $profile }; vielleicht wurde er gelöscht oder ist neuer als die letzte Synchronisierung (führen Sie `portal-desk sync` aus)

cli-show-unnamed = Kunde ohne Namen
cli-show-email = E-Mail:
cli-show-phone = Telefon:
cli-show-address = Adresse:
cli-show-renews = Verlängerung:
cli-show-canceled = Gekündigt:
cli-show-subscription = Abonnement
cli-show-none = keine
cli-show-per = { $interval ->
    [day] pro Tag
    [week] pro Woche
    [month] pro Monat
    [year] pro Jahr
   *[other] pro { $interval }
}
cli-show-every = { $interval ->
    [day] alle { $count } Tage
    [week] alle { $count } Wochen
    [month] alle { $count } Monate
    [year] alle { $count } Jahre
   *[other] alle { $count } { $interval }
}
cli-show-cancels-at-period-end = endet zum Ende des Abrechnungszeitraums: { $date }
cli-show-payment-failed = Zahlung fehlgeschlagen: { $amount } fällig für { $invoices ->
        [1] Rechnung
       *[other] { $invoices } Rechnungen, die neueste ist
    } { $invoice }; { $retry }
cli-show-retry-on = Stripe versucht es am { $date } erneut
cli-show-no-retry = kein automatischer neuer Versuch
cli-show-payment-methods = Zahlungsmethoden
cli-show-none-cached = keine im Cache
cli-show-expires = gültig bis { $date }
cli-show-default = (Standard)
cli-show-expired = ABGELAUFEN
cli-show-recent-invoices = Letzte Rechnungen

## portal

cli-portal-opened = Das Kundenportal von { $customer } wurde in Ihrem Browser geöffnet.
cli-portal-browser-failed = Der Browser konnte nicht geöffnet werden ({ $error }); der Link oben funktioniert einige Minuten lang.
cli-flow-needs-price = --flow subscription_update_confirm braucht --price (die ID des neuen Preises)

## configs

cli-configs-none = Noch keine Portal-Konfigurationen. `portal-desk configs create --recommended` legt eine an.
cli-configs-account-default = Kontostandard
cli-configs-used-here = von diesem Profil verwendet
cli-configs-inactive = inaktiv
cli-configs-no-headline = (keine Überschrift)
cli-configs-login-page = Anmeldeseite: { $url }
cli-configs-profile-uses = Das Profil { $profile } verwendet die Portal-Konfiguration { $id }.
cli-configs-created = Portal-Konfiguration { $id } erstellt.
cli-configs-now-used = Das Profil { $profile } öffnet das Portal jetzt damit.
cli-configs-now-uses = Das Profil { $profile } öffnet das Portal jetzt mit der Konfiguration { $id }.

cli-config-headline = Überschrift:
cli-config-privacy-policy = Datenschutzerklärung:
cli-config-terms-of-service = Nutzungsbedingungen:
cli-config-return-url = Zurück-Link:
cli-config-login-page = Anmeldeseite:
cli-config-invoice-history = Rechnungsverlauf:
cli-config-payment-methods = Zahlungsmethoden:
cli-config-customer-updates = Kundendaten ändern:
cli-config-cancel = Kündigung:
cli-config-plan-switching = Tarifwechsel:
cli-config-on = an
cli-config-off = aus
cli-config-products = { $count ->
    [one] ({ $count } Produkt)
   *[other] ({ $count } Produkte)
}

## email

cli-email-to = An:
cli-email-subject = Betreff:
cli-email-not-sent = Nicht gesendet (--dry-run).
cli-email-sent = Die E-Mail an { $to } wurde gesendet.
cli-email-no-smtp = Es ist kein SMTP-Server eingerichtet (siehe `portal-desk smtp set`); die E-Mail wird in Ihrem E-Mail-Programm geöffnet.
cli-email-mail-program-failed = Das E-Mail-Programm konnte nicht geöffnet werden ({ $error }). Der Link zum Senden:
cli-campaign-will-send = wird gesendet
cli-campaign-will-skip = übersprungen: { $reason }
cli-campaign-would-email = Kampagne { $campaign }: { $sending } von { $total } Kunden { $sending ->
    [one] würde
   *[other] würden
} eine E-Mail erhalten. Nicht gesendet (--dry-run).
cli-campaign-sent = gesendet
cli-campaign-failed = FEHLGESCHLAGEN: { $reason }
cli-campaign-skipped = übersprungen: { $reason }
cli-campaign-summary = Kampagne { $campaign }: { $sent } gesendet, { $failed } fehlgeschlagen, { $skipped } übersprungen.
cli-campaign-failures = { $failed ->
    [one] { $failed } E-Mail ist fehlgeschlagen; führen Sie denselben Befehl erneut aus, um sie zu wiederholen (niemand erhält eine E-Mail doppelt)
   *[other] { $failed } E-Mails sind fehlgeschlagen; führen Sie denselben Befehl erneut aus, um sie zu wiederholen (niemand erhält eine E-Mail doppelt)
}

## smtp

cli-smtp-prompt = SMTP-Passwort (die Eingabe bleibt verborgen):
cli-smtp-password-unreadable = Das SMTP-Passwort konnte nicht von der Standardeingabe gelesen werden: { $error }
cli-smtp-saved = Der SMTP-Server { $server } wurde für das Profil { $profile } gespeichert.
cli-smtp-none = Für das Profil { $profile } ist kein SMTP-Server eingerichtet; E-Mails werden in Ihrem E-Mail-Programm geöffnet.
cli-smtp-removed = Der SMTP-Server des Profils { $profile } wurde entfernt.
cli-smtp-label-host = Server:
cli-smtp-label-security = Sicherheit:
cli-smtp-label-login = Benutzername:
cli-smtp-label-password = Passwort:
cli-smtp-label-from = Absender:
cli-smtp-none-value = keiner
cli-smtp-password-kept = im Schlüsselbund

## export, invoice pdf

cli-export-pdf-needs-invoices = --pdf speichert die PDFs von Rechnungen: Verwenden Sie es mit `export invoices`
cli-export-wrote = { $kind ->
        [invoices] { $count ->
            [one] { $count } Rechnung
           *[other] { $count } Rechnungen
        }
       *[customers] { $count ->
            [one] { $count } Kunde
           *[other] { $count } Kunden
        }
    } in { $path } geschrieben
cli-pdf-unwritable = { $path } konnte nicht geschrieben werden: { $error }
cli-pdfs-saved = { $saved ->
        [one] { $saved } Rechnungs-PDF
       *[other] { $saved } Rechnungs-PDFs
    } in { $dir } gespeichert ({ $skipped } bereits vorhanden).
cli-pdfs-failed = { $failed ->
    [one] { $failed } Rechnungs-PDF konnte nicht gespeichert werden (siehe oben).
   *[other] { $failed } Rechnungs-PDFs konnten nicht gespeichert werden (siehe oben).
}
