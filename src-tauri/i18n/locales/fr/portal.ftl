## La fenêtre d'e-mail

portal-email-title = Envoyer le lien du portail
portal-email-card-title = Demander de mettre à jour la carte
portal-which-link = Quel lien
portal-email-login-link = Page de connexion (recommandé) : n'expire jamais ; le client confirme son adresse e-mail
portal-email-direct-link = Lien direct : ouvre le portail immédiatement, mais expire au bout de quelques minutes
portal-email-card-direct-link = Lien direct : ouvre immédiatement la page carte du portail, mais expire au bout de quelques minutes
portal-email-to = À :
portal-email-subject = Objet :
portal-email-body = Corps de l'e-mail
portal-email-custom-domain = Le lien s'ouvre sur { $domain }, votre domaine personnalisé Stripe.
portal-email-preparing = Préparation de l'aperçu…
portal-email-login-page-off = La page de connexion de votre portail est désactivée. Activez-la pour envoyer un lien qui n'expire jamais (vos clients se connectent avec leur adresse e-mail), ou choisissez le lien direct.
portal-turn-on-login-page = Activer la page de connexion
portal-email-done = Terminé
portal-email-cancel = Annuler
portal-email-sending = Envoi…
portal-email-send = Envoyer
portal-email-sent = Envoyé. Le client recevra l'e-mail dans un instant.
portal-email-mail-app = Votre messagerie s'est ouverte avec l'e-mail prêt à partir (configurez SMTP dans les Paramètres pour envoyer directement d'ici).

## E-mail groupé

portal-bulk-title = Envoyer le lien du portail à plusieurs clients
portal-bulk-example = Par exemple, demandez à tous les clients en retard de mettre à jour leur carte.
portal-bulk-customers = Clients
portal-bulk-everyone = Tous
portal-bulk-everyone-count = Tous ({ $count })
portal-bulk-status-count = { $status } ({ $count })
portal-bulk-status-active = Actif
portal-bulk-status-trialing = Essai
portal-bulk-status-past-due = En retard
portal-bulk-status-unpaid = Impayé
portal-bulk-status-incomplete = Incomplet
portal-bulk-status-paused = En pause
portal-bulk-status-canceled = Annulé
portal-bulk-status-none = Sans abonnement
portal-bulk-status-needs-attention = À traiter
portal-bulk-search = Recherche (facultatif)
portal-bulk-search-placeholder = Nom, e-mail, ID ou téléphone
portal-bulk-campaign = Nom de la campagne (facultatif)
portal-bulk-campaign-placeholder = Le filtre et la date du jour
portal-bulk-campaign-help = Renvoyer une campagne n'envoie jamais deux fois l'e-mail au même client ; les envois en échec sont relancés.
portal-bulk-login-link = Page de connexion (recommandé) : n'expire jamais ; chaque client confirme son adresse e-mail
portal-bulk-direct-links = Liens directs : ouvrent le portail immédiatement, mais expirent au bout de quelques minutes
portal-bulk-preview = Voir les destinataires
portal-bulk-recipients = Destinataires
portal-bulk-login-page-off = La page de connexion de votre portail est désactivée. Activez-la pour envoyer des liens qui n'expirent jamais, ou choisissez les liens directs.
portal-bulk-offline = Hors ligne : les e-mails contiennent un lien vers le portail, que Stripe crée
portal-bulk-finding = Recherche des destinataires…
portal-bulk-nobody = Aucun client ne correspond à ce filtre.
portal-bulk-recipients-table = Tableau des destinataires
portal-bulk-column-customer = Client
portal-bulk-column-email = E-mail
portal-bulk-column-result = Résultat
portal-bulk-outcome-sent = Envoyé
portal-bulk-outcome-failed = Échec
portal-bulk-outcome-skipped = Ignoré
portal-bulk-outcome-ready = À envoyer
portal-bulk-start = Choisissez les destinataires, puis vérifiez la liste avant tout envoi.
portal-bulk-report = Envoyés : { $sent } · échecs : { $failed } · ignorés : { $skipped }
portal-bulk-campaign-done = Campagne « { $campaign } ».
portal-bulk-campaign-retry = Campagne « { $campaign } ». Renvoyez-la sous le même nom pour relancer les envois en échec ; personne ne la reçoit deux fois.
portal-bulk-start-another = Nouvel envoi
portal-bulk-will-get = { $count ->
    [one] { $count } client recevra l'e-mail
   *[other] { $count } clients recevront l'e-mail
}
portal-bulk-skipped = · { $count ->
    [one] { $count } ignoré
   *[other] { $count } ignorés
}
portal-bulk-sending = Envoi à { $count }…
portal-bulk-send-to = { $count ->
    [one] Envoyer à { $count } client
   *[other] Envoyer à { $count } clients
}

portal-email-language-customer = Rédigé en { $language } : la langue préférée du client dans Stripe ({ $locale }). Le portail s’ouvre aussi dans cette langue.
portal-email-language-fallback = Rédigé en { $language }, la langue de Portal Desk : Stripe ne connaît pour ce client aucune langue préférée que Portal Desk parle.

portal-bulk-skip-already-emailed = Déjà contacté dans cette campagne
portal-bulk-skip-no-email = Aucune adresse e-mail dans Stripe
portal-bulk-skip-unusable-address = L’adresse e-mail n’est pas utilisable
