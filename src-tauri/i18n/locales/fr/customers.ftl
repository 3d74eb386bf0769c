## La liste

customers-chip-all = Tous
customers-owed = Montant dû : { $amounts }
customers-needs-attention = À traiter
customers-filter-by-status = Filtrer par statut
customers-loading = Chargement…
customers-none-match = Aucun client trouvé
customers-connecting = Connexion à Stripe…
customers-first-sync-read = { $what } · { $count } lus
customers-first-sync-title = Récupération de vos clients depuis Stripe
customers-first-sync-help = La première synchronisation lit une fois chaque client, abonnement, facture et carte. Ensuite, seules les modifications sont lues.
customers-no-match = Aucun client trouvé. Essayez une partie d'un nom, une adresse e-mail, un numéro de téléphone ou un ID cus_.
customers-empty = Aucun client pour l'instant. Cliquez sur Synchroniser pour les récupérer depuis Stripe.
customers-list-label = Clients
customers-search-placeholder = Nom, e-mail, téléphone ou ID   (Ctrl+K)
customers-search-label = Rechercher des clients
customers-sort = Trier
customers-sort-label = Trier les clients
customers-sort-name = Nom
customers-sort-newest = Plus récents
customers-sort-next-renewal = Prochain renouvellement
customers-open-portal-for = Ouvrir le portail de { $name }
customers-row-portal-offline = Hors ligne : l'ouverture du portail nécessite Stripe
customers-row-portal-title = Ouvrir le portail (Ctrl+Enter)
customers-row-portal = Portail ↗

## Statuts d'abonnement

customers-status-active = Actif
customers-status-trialing = Essai
customers-status-past-due = En retard
customers-status-canceled = Annulé
customers-status-none = Sans abonnement
customers-status-unpaid = Impayé
customers-status-incomplete = Incomplet
customers-status-expired = Expiré
customers-status-paused = En pause

## Un client

customers-detail-gone = Ce client n'est plus dans le cache (supprimé dans Stripe ?). Synchronisez pour actualiser la liste.
customers-since = client depuis le { $date }
customers-activity = Activité
customers-activity-none = Aucune modification dans le portail pour l'instant.

customers-subscription = Abonnement
customers-subscription-none = Aucun abonnement.
customers-amount-unknown = Montant non enregistré
customers-price-per = { $amount } / { $interval ->
    [day] jour
    [week] semaine
    [month] mois
    [year] an
   *[other] { $interval }
}
customers-price-every = { $amount } { $interval ->
    [day] tous les { $count } jours
    [week] toutes les { $count } semaines
    [month] tous les { $count } mois
    [year] tous les { $count } ans
   *[other] tous les { $count } { $interval }
}
customers-canceled-on = Annulé le { $date }
customers-cancels-on = Prend fin le { $date }
customers-renews-on = Renouvellement le { $date }

customers-payment-failed = Échec du paiement.
customers-owed-one = { $amount } à régler sur la facture { $invoice }.
customers-owed-many = { $amount } à régler sur { $count } factures ; la plus récente est { $invoice }.
customers-retry-on = Stripe débitera de nouveau la carte le { $date }.
customers-retry-was-due = Stripe devait débiter de nouveau la carte le { $date } ; synchronisez pour voir le résultat.
customers-retry-stopped = Stripe a cessé les nouvelles tentatives : le client doit payer ou mettre à jour sa carte.
customers-retry-none = Aucune nouvelle tentative automatique n'est prévue.
customers-ask-update-card = Demander une nouvelle carte
customers-no-email-address = Ce client n'a pas d'adresse e-mail
customers-ask-offline = Hors ligne : le lien de l'e-mail nécessite Stripe

customers-payment-methods = Moyens de paiement
customers-payment-methods-none = Aucun moyen de paiement enregistré.
customers-card-expired = Expirée { $date }
customers-card-expires = Expire { $date }
customers-card-default = Par défaut

customers-contact = Contact
customers-no-email = Pas d'e-mail
customers-no-address = Aucune adresse de facturation.
customers-balance-credit = Crédit de { $amount }
customers-balance-owes = Doit { $amount }
customers-delinquent = La dernière facture est impayée.

## Factures

customers-invoices = Factures
customers-invoices-none = Aucune facture.
customers-invoices-number = Numéro
customers-invoices-date = Date
customers-invoices-amount = Montant
customers-invoices-status = Statut
customers-invoices-open = Ouvrir
customers-invoice-draft = Brouillon
customers-invoice-status-open = Ouverte
customers-invoice-status-paid = Payée
customers-invoice-status-uncollectible = Irrécouvrable
customers-invoice-status-void = Annulée
customers-pdf-offline = Hors ligne : ce PDF n'a pas encore été enregistré
customers-pdf-saved = Enregistré sur cet ordinateur
customers-pdf-download = Téléchargé une fois, puis disponible hors ligne
customers-page-offline = Hors ligne : la page hébergée nécessite Stripe
customers-page-title = Page de la facture sur Stripe
customers-page = Page ↗

## Actions du portail

customers-open-portal = Ouvrir le portail
customers-opening = Ouverture…
customers-more-links = Autres liens du portail
customers-needs-subscription = Nécessite un abonnement actif
customers-email-link = Envoyer le lien
customers-copy-link = Copier le lien
customers-portal-offline = Hors ligne : le portail nécessite Stripe. Les données de facturation en cache restent disponibles.
customers-portal-domain = S'ouvre sur { $domain }, votre domaine personnalisé Stripe
customers-portal-domain-help = S'ouvre sur { $domain }, votre domaine personnalisé Stripe.
customers-portal-opened = Le portail s'est ouvert dans votre navigateur. Les modifications du client s'afficheront ici à votre retour.
customers-link-copied = Lien copié. Il ne fonctionne qu'une fois et expire dans quelques minutes :
customers-link-copy = Copiez ce lien (il ne fonctionne qu'une fois et expire dans quelques minutes) :
customers-portal-link = Lien du portail
customers-dismiss = Fermer
