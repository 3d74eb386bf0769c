## Démarrage et barre du haut

desk-loading = Chargement…
desk-sandbox-title = Démo : l'app communique avec une sandbox Stripe locale, pas avec Stripe
desk-sandbox-chip = Sandbox · { $url }
desk-back-to-profile = Retour à { $profile }
desk-profile-name = Profil { $profile }
desk-activity = Activité

## Sections

desk-sections = Sections
desk-view-customers = Clients
desk-view-portal-settings = Paramètres du portail
desk-view-bulk-email = E-mail groupé
desk-view-settings = Paramètres

## Bandeaux

desk-test-mode = MODE TEST
desk-test-mode-note = Vous consultez des données de test. Rien ici n'est facturé à de vrais clients.
desk-offline = Hors ligne
desk-offline-note = Stripe est injoignable. Tout ce qui est en cache fonctionne toujours ; l'ouverture du portail, l'envoi de liens et la synchronisation attendent le retour du réseau.

## Volet de droite

desk-customer-pane = Client
desk-choose-customer = Choisissez un client pour voir sa facturation et ouvrir son portail.
desk-shortcuts = Ctrl+K ou / pour rechercher · ↑ ↓ pour naviguer · Entrée pour ouvrir · Ctrl+Entrée pour ouvrir le portail
desk-portal-not-opened = Le lien du portail a été créé, mais le navigateur ne s'est pas ouvert. Utilisez plutôt « Copier le lien ».

## Synchronisation

desk-syncing-of = Synchronisation : { $what } · { $done } sur { $total }
desk-syncing-count = Synchronisation : { $what } · { $done }
desk-syncing = Synchronisation…
desk-sync-what-customers = clients
desk-sync-what-subscriptions = abonnements
desk-sync-what-invoices = factures
desk-sync-what-prices = prix
desk-sync-what-products = produits
desk-sync-what-payment-methods = moyens de paiement
desk-sync-what-billing-data = données de facturation
desk-sync-what-changes = modifications
desk-sync-what-connecting = connexion
desk-sync-what-finishing = derniers éléments
desk-sync-progress = Progression de la synchronisation
desk-sync-paused-offline = Synchronisation en pause : hors ligne
desk-sync-failed = Échec de la synchronisation : { $error }
desk-retry = Réessayer
desk-synced = Synchronisé { $age }
desk-not-synced = Pas encore synchronisé
desk-sync-now = Synchroniser

## Pas encore de configuration du portail

desk-setup-portal-title = Configurez d'abord le portail client
desk-setup-portal-body = Stripe a besoin des paramètres du portail (ce que vos clients peuvent modifier) avant de pouvoir ouvrir un portail. Portal Desk peut créer pour vous des paramètres recommandés : vos clients pourront mettre à jour leur carte, leur e-mail et leur adresse, consulter leurs factures et résilier à la fin de la période. Vous pourrez les modifier plus tard dans Stripe.
desk-cancel = Annuler
desk-open-stripe-settings = Ouvrir les paramètres Stripe
desk-creating = Création…
desk-create-settings = Créer les paramètres

## Liens directs vers le portail

desk-flow-update-card = Mettre à jour la carte
desk-flow-cancel-subscription = Annuler l'abonnement
desk-flow-change-plan = Changer de formule

## Activité

desk-activity-help = Modifications faites dans le portail, trouvées en synchronisant les événements Stripe.
desk-activity-empty = Rien pour l'instant. Quand vos clients mettent à jour une carte, changent de formule ou résilient dans le portail, cela apparaît ici après la prochaine synchronisation.

## Connexion du compte

desk-connect-title = Connectez votre compte Stripe
desk-connect-lead = Portal Desk ouvre le portail client Stripe de vos clients en un clic et garde leur historique de facturation à portée de main, même hors ligne.
desk-key-existing = Une clé { $mode ->
        [live] de production
       *[test] de test
    } se terminant par ...{ $last4 } est déjà enregistrée pour le profil { $profile }. Une nouvelle clé la remplacera.
desk-key-existing-named = Une clé { $mode ->
        [live] de production
       *[test] de test
    } se terminant par ...{ $last4 } est déjà enregistrée pour le profil { $profile } ({ $business }). Une nouvelle clé la remplacera.
desk-secret-key = Clé secrète
desk-key-placeholder = sk_test_… ou sk_live_…
desk-key-hide = Masquer
desk-key-show = Afficher
desk-key-help-start = Utilisez une clé secrète (sk_…) ou une clé restreinte (rk_…) depuis le{" "}
desk-key-help-link = Dashboard Stripe → Développeurs → Clés API
desk-key-help-end = . Elle est stockée uniquement dans le trousseau de cet ordinateur et ne sera plus jamais affichée.
desk-save-unchecked = Enregistrer sans vérifier
desk-key-saved = Clé enregistrée pour le profil { $profile } ({ $mode ->
        [live] mode production
       *[test] mode test
    }), se terminant par ...{ $last4 }
desk-key-verified-name-account = Vérifiée par Stripe : { $name } ({ $account }).
desk-key-verified-name = Vérifiée par Stripe : { $name }.
desk-key-verified-account = Vérifiée par Stripe : compte { $account }.
desk-key-verified = Vérifiée par Stripe (cette clé ne peut peut-être pas lire le nom du compte).
desk-key-unchecked = Non vérifiée auprès de Stripe : enregistrez-la à nouveau une fois en ligne pour la vérifier.
desk-continue = Continuer vers vos clients
desk-checking-key = Vérification auprès de Stripe…
desk-saving = Enregistrement…
desk-save-key = Enregistrer la clé
desk-demo-summary = Pas de compte Stripe ? Essayez la démo
desk-demo-before = Exécutez{" "}
desk-demo-after = {" "}depuis le dossier source de Portal Desk. La commande lance une sandbox Stripe locale avec des clients fictifs, enregistre une clé de test de démo dans votre trousseau et ouvre cette fenêtre dessus. Rien ne quitte votre ordinateur.
