error-key-format = Ce n’est pas une clé secrète Stripe utilisable. Copiez-la depuis le Dashboard Stripe, dans Développeurs → Clés API : elle commence par sk_test_, sk_live_, rk_test_ ou rk_live_.
error-key-rejected = Stripe a refusé cette clé (invalide ou révoquée). Copiez une clé à jour depuis le Dashboard Stripe, dans Développeurs → Clés API.
error-missing-permissions = Il manque à cette clé restreinte des autorisations dont Portal Desk a besoin : { $permissions }. Modifiez la clé dans le Dashboard Stripe (Développeurs → Clés API) pour les autoriser.
error-rate-limited = Stripe limite les requêtes de ce compte ; { $read } objets lus sur { $expected }, la prochaine synchronisation reprendra.
error-stripe-said = Stripe a refusé la requête : { $message }
error-no-key = Aucune clé Stripe n’est enregistrée pour le profil { $profile } ; connectez d’abord votre compte Stripe.
error-keychain-unavailable = Le trousseau du système est inaccessible. Portal Desk n’enregistre votre clé Stripe que là : vérifiez qu’il fonctionne et qu’il est déverrouillé.
error-invalid-customer-id = { $id } n’est pas un identifiant client Stripe ; il commence par cus_ suivi de lettres et de chiffres.
error-unknown-customer = Stripe ne connaît pas le client { $id }. Vérifiez l’identifiant, ou synchronisez pour mettre la liste à jour.
error-deleted-customer = Le client { $id } a été supprimé dans Stripe : il n’y a pas de portail à ouvrir.
error-no-subscription = { $customer } n’a pas d’abonnement actif.
error-several-items = L’abonnement { $subscription } comporte plusieurs articles ; le portail ne peut confirmer une modification que pour un abonnement à un seul article. Utilisez plutôt le lien de changement d’offre.
error-invalid-url = { $url } ne peut pas être utilisée : saisissez une adresse en https://.
error-not-configured = Le portail client Stripe n’est pas encore configuré en { $mode ->
    [live] mode production
   *[test] mode test
}. Enregistrez les paramètres du portail dans le Dashboard Stripe, ou laissez Portal Desk créer une configuration avec des réglages adaptés.
error-login-page-off = La page de connexion est désactivée pour la configuration du portail { $configuration }. Activez-la pour envoyer un lien qui n’expire pas, ou envoyez plutôt un lien de session, qui expire au bout de quelques minutes.
error-no-email = { $customer } n’a pas d’adresse e-mail dans Stripe. Ajoutez-en une dans le Dashboard Stripe, ou copiez plutôt le lien.
error-bad-address = { $address } n’est pas une adresse e-mail utilisable.
error-bad-smtp-settings = Les paramètres SMTP ne sont pas utilisables. Vérifiez le serveur, le port et l’expéditeur dans les Paramètres.
error-send-failed = L’e-mail n’a pas pu être envoyé : { $reason }.
error-unknown-placeholder = Le modèle d’e-mail utilise { $placeholder }, que Portal Desk ne connaît pas ; utilisez {"{"}customer_name{"}"}, {"{"}business_name{"}"} ou {"{"}portal_link{"}"}.
error-invalid-key = Cette clé Stripe n’est pas utilisable. Copiez une clé à jour depuis le Dashboard Stripe, dans Développeurs → Clés API.
error-invalid-profile = Ce nom de profil n’est pas utilisable : utilisez de 1 à 40 lettres, chiffres, - ou _.
error-offline = Impossible de joindre Stripe. Vérifiez votre connexion Internet et réessayez.
error-no-key-saved = Aucune clé Stripe n’est enregistrée pour ce profil ; connectez d’abord votre compte Stripe.
error-invalid-input = Une valeur saisie n’est pas utilisable. Vérifiez-la et réessayez.
error-not-found = Stripe ne connaît pas cet objet, ou il a été supprimé. Synchronisez pour mettre la liste à jour.
error-portal-not-set-up = Le portail client Stripe n’est pas encore configuré dans ce mode. Enregistrez les paramètres du portail dans le Dashboard Stripe.
error-login-page-is-off = La page de connexion du portail est désactivée. Activez-la pour envoyer un lien qui n’expire pas.
error-stripe-refused = Stripe a refusé la requête. Réessayez dans un instant.
error-mail-failed = L’e-mail n’a pas pu être envoyé. Vérifiez les paramètres SMTP.
error-bridge = La fenêtre de Portal Desk ne joint plus son moteur. Redémarrez l’application.
error-internal = Un problème est survenu dans Portal Desk. Réessayez ; si cela se reproduit, redémarrez l’application.
