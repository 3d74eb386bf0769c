cli-error = erreur : { $message }

## key set, key status, key forget

cli-key-prompt = Collez votre clé secrète Stripe (la saisie reste masquée) et appuyez sur Entrée :
cli-key-not-verified = Non vérifiée auprès de Stripe (--no-verify).
cli-key-offline-hint = Pour enregistrer la clé sans la vérifier, exécutez `portal-desk key set --no-verify`.
cli-key-unreadable = impossible de lire la clé sur l’entrée standard : { $error }
cli-no-key = aucune clé Stripe n’est enregistrée pour le profil { $profile } ; exécutez `portal-desk --profile { $profile } key set` et collez-la
cli-environment-key-unusable = STRIPE_API_KEY est définie mais inutilisable : { $error }
cli-key-removed = La clé Stripe du profil { $profile } a été supprimée du trousseau.
cli-key-none-to-remove = Aucune clé Stripe n’était enregistrée pour le profil { $profile } ; rien à supprimer.

cli-key-label-profile = profil :
cli-key-label-mode = mode :
cli-key-label-kind = type de clé :
cli-key-label-last4 = se termine par :
cli-key-label-business = entreprise :
cli-key-label-account = compte :
cli-key-label-source = source :
cli-key-mode = { $mode ->
    [live] production
   *[test] test
}
cli-key-kind = { $kind ->
    [restricted] restreinte
   *[secret] secrète
}
cli-key-source-keychain = le trousseau du système
cli-key-source-environment = la variable d’environnement STRIPE_API_KEY

## Échecs de la CLI elle-même

cli-runtime-failed = impossible de préparer l’accès au réseau : { $error }
cli-no-display = aucun écran trouvé, la fenêtre ne peut donc pas s’ouvrir. Lancez-la sur un écran virtuel, par exemple avec `xvfb-run -a portal-desk`, ou utilisez une commande (voir `portal-desk --help`).

## sync

cli-sync-interrupted = synchronisation interrompue ; tout ce qui a été lu est conservé, et `portal-desk sync` la reprend
cli-sync-resume-hint = Ce qui a été synchronisé avant est conservé ; exécutez de nouveau `portal-desk sync` pour reprendre.
cli-sync-summary = Synchronisation { $mode ->
        [full] complète
       *[incremental] des modifications
    } terminée : { $customers ->
        [one] { $customers } client
       *[other] { $customers } clients
    }, { $subscriptions ->
        [one] { $subscriptions } abonnement
       *[other] { $subscriptions } abonnements
    }, { $invoices ->
        [one] { $invoices } facture
       *[other] { $invoices } factures
    }, { $payment_methods ->
        [one] { $payment_methods } moyen de paiement
       *[other] { $payment_methods } moyens de paiement
    }, { $prices ->
        [one] { $prices } prix
       *[other] { $prices } prix
    }, { $products ->
        [one] { $products } produit
       *[other] { $products } produits
    } ; { $events ->
        [one] { $events } événement appliqué.
       *[other] { $events } événements appliqués.
    }
cli-sync-requests = { $requests ->
        [one] { $requests } requête
       *[other] { $requests } requêtes
    } ({ $retries ->
        [one] { $retries } relancée
       *[other] { $retries } relancées
    }) en { $seconds } s.
cli-sync-list = { $name ->
    [customers] clients
    [subscriptions] abonnements
    [invoices] factures
    [payment_methods] moyens de paiement
    [prices] prix
    [products] produits
    [events] événements
   *[other] { $name }
}
cli-sync-list-reading = { $requests ->
    [one] { $requests } requête
   *[other] { $requests } requêtes
}
cli-sync-list-done = { $requests ->
    [one] { $requests } requête, terminé
   *[other] { $requests } requêtes, terminé
}
cli-sync-retried-so-far = { $retries ->
    [one] { $retries } requête relancée jusqu’ici
   *[other] { $retries } requêtes relancées jusqu’ici
}

## customers, show

cli-cache-empty = Le cache du profil { $profile } est vide : exécutez d’abord `portal-desk sync`.
cli-customers-shown = { $shown } sur { $total ->
    [one] { $total } client
   *[other] { $total } clients
}
cli-not-a-customer-id = { $id } n’est pas un identifiant client Stripe ; il commence par cus_ suivi de lettres et de chiffres
cli-customer-not-cached = le client { $id } n’est pas dans le cache du profil { $profile } ; il a peut-être été supprimé, ou il est plus récent que la dernière synchronisation (exécutez `portal-desk sync`)

cli-show-unnamed = Client sans nom
cli-show-email = e-mail :
cli-show-phone = téléphone :
cli-show-address = adresse :
cli-show-renews = renouvellement :
cli-show-canceled = annulé le :
cli-show-subscription = Abonnement
cli-show-none = aucun
cli-show-per = { $interval ->
    [day] par jour
    [week] par semaine
    [month] par mois
    [year] par an
   *[other] par { $interval }
}
cli-show-every = { $interval ->
    [day] tous les { $count } jours
    [week] toutes les { $count } semaines
    [month] tous les { $count } mois
    [year] tous les { $count } ans
   *[other] tous les { $count } { $interval }
}
cli-show-cancels-at-period-end = prend fin à la fin de la période : { $date }
cli-show-payment-failed = échec du paiement : { $amount } à régler sur { $invoices ->
        [1] la facture
       *[other] { $invoices } factures, la plus récente étant
    } { $invoice } ; { $retry }
cli-show-retry-on = Stripe réessaiera le { $date }
cli-show-no-retry = aucune nouvelle tentative automatique
cli-show-payment-methods = Moyens de paiement
cli-show-none-cached = aucun en cache
cli-show-expires = expire { $date }
cli-show-default = (par défaut)
cli-show-expired = EXPIRÉ
cli-show-recent-invoices = Factures récentes

## portal

cli-portal-opened = Le portail client de { $customer } est ouvert dans votre navigateur.
cli-portal-browser-failed = Impossible d’ouvrir un navigateur ({ $error }) ; le lien ci-dessus fonctionne pendant quelques minutes.
cli-flow-needs-price = --flow subscription_update_confirm nécessite --price (l’identifiant du nouveau prix)

## configs

cli-configs-none = Aucune configuration du portail pour l’instant. `portal-desk configs create --recommended` en crée une.
cli-configs-account-default = par défaut du compte
cli-configs-used-here = utilisée par ce profil
cli-configs-inactive = inactive
cli-configs-no-headline = (sans titre)
cli-configs-login-page = page de connexion : { $url }
cli-configs-profile-uses = Le profil { $profile } utilise la configuration du portail { $id }.
cli-configs-created = Configuration du portail { $id } créée.
cli-configs-now-used = Le profil { $profile } ouvre désormais le portail avec celle-ci.
cli-configs-now-uses = Le profil { $profile } ouvre désormais le portail avec la configuration { $id }.

cli-config-headline = titre :
cli-config-privacy-policy = confidentialité :
cli-config-terms-of-service = conditions d’utilisation :
cli-config-return-url = lien de retour :
cli-config-login-page = page de connexion :
cli-config-invoice-history = historique des factures :
cli-config-payment-methods = moyens de paiement :
cli-config-customer-updates = modifications client :
cli-config-cancel = annulation :
cli-config-plan-switching = changement de formule :
cli-config-on = oui
cli-config-off = non
cli-config-products = { $count ->
    [one] ({ $count } produit)
   *[other] ({ $count } produits)
}

## email

cli-email-to = À :
cli-email-subject = Objet :
cli-email-not-sent = Non envoyé (--dry-run).
cli-email-sent = L’e-mail a été envoyé à { $to }.
cli-email-no-smtp = Aucun serveur SMTP n’est configuré (voir `portal-desk smtp set`) ; l’e-mail s’ouvre dans votre logiciel de messagerie.
cli-email-mail-program-failed = Impossible d’ouvrir un logiciel de messagerie ({ $error }). Le lien à envoyer :
cli-campaign-will-send = sera envoyé
cli-campaign-will-skip = ignoré : { $reason }
cli-campaign-would-email = Campagne { $campaign } : { $sending ->
    [one] { $sending } client sur { $total } recevrait l’e-mail.
   *[other] { $sending } clients sur { $total } recevraient l’e-mail.
} Non envoyé (--dry-run).
cli-campaign-sent = envoyé
cli-campaign-failed = ÉCHEC : { $reason }
cli-campaign-skipped = ignoré : { $reason }
cli-campaign-summary = Campagne { $campaign } : { $sent ->
        [one] { $sent } envoyé
       *[other] { $sent } envoyés
    }, { $failed ->
        [one] { $failed } échec
       *[other] { $failed } échecs
    }, { $skipped ->
        [one] { $skipped } ignoré
       *[other] { $skipped } ignorés
    }.
cli-campaign-failures = { $failed ->
    [one] { $failed } e-mail n’a pas pu être envoyé ; relancez la même commande pour réessayer (personne ne reçoit l’e-mail deux fois)
   *[other] { $failed } e-mails n’ont pas pu être envoyés ; relancez la même commande pour réessayer (personne ne reçoit l’e-mail deux fois)
}

## smtp

cli-smtp-prompt = Mot de passe SMTP (la saisie reste masquée) :
cli-smtp-password-unreadable = impossible de lire le mot de passe SMTP sur l’entrée standard : { $error }
cli-smtp-saved = Serveur SMTP { $server } enregistré pour le profil { $profile }.
cli-smtp-none = Aucun serveur SMTP n’est configuré pour le profil { $profile } ; les e-mails s’ouvrent dans votre logiciel de messagerie.
cli-smtp-removed = Le serveur SMTP du profil { $profile } a été supprimé.
cli-smtp-label-host = serveur :
cli-smtp-label-security = sécurité :
cli-smtp-label-login = identifiant :
cli-smtp-label-password = mot de passe :
cli-smtp-label-from = expéditeur :
cli-smtp-none-value = aucun
cli-smtp-password-kept = dans le trousseau

## export, invoice pdf

cli-export-pdf-needs-invoices = --pdf enregistre les PDF des factures : utilisez-le avec `export invoices`
cli-export-wrote = { $kind ->
        [invoices] { $count ->
            [one] { $count } facture écrite
           *[other] { $count } factures écrites
        }
       *[customers] { $count ->
            [one] { $count } client écrit
           *[other] { $count } clients écrits
        }
    } dans { $path }
cli-pdf-unwritable = Impossible d’écrire { $path } : { $error }
cli-pdfs-saved = { $saved ->
        [one] { $saved } PDF de facture enregistré
       *[other] { $saved } PDF de factures enregistrés
    } dans { $dir } ({ $skipped ->
        [one] { $skipped } déjà présent
       *[other] { $skipped } déjà présents
    }).
cli-pdfs-failed = { $failed ->
    [one] { $failed } PDF de facture n’a pas pu être enregistré (voir ci-dessus).
   *[other] { $failed } PDF de factures n’ont pas pu être enregistrés (voir ci-dessus).
}
