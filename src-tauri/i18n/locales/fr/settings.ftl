# Paramètres : profils et clé Stripe, liens du portail et synchronisation,
# e-mail (SMTP), export CSV et cache local.

settings-loading = Chargement…
settings-title = Paramètres

## Messages après une action

settings-saved = Enregistré.
settings-cleared = Cache vidé. La prochaine synchronisation relira tout depuis Stripe.
settings-password-removed = { $notice } Le serveur SMTP a changé : le mot de passe enregistré pour l'ancien a donc été supprimé. Saisissez celui du nouveau serveur.
settings-exported-customers = { $count ->
    [one] { $count } client enregistré dans { $path }.
   *[other] { $count } clients enregistrés dans { $path }.
}
settings-exported-invoices = { $count ->
    [one] { $count } facture enregistrée dans { $path }.
   *[other] { $count } factures enregistrées dans { $path }.
}

## Profil

settings-profile-title = Profil
settings-profile-intro = Chaque profil correspond à un compte Stripe (ou à son mode test), avec sa propre clé, son cache et ses paramètres.
settings-open-profile = Ouvrir un profil
settings-add-profile = Ajouter un profil
settings-new-profile-placeholder = par exemple live ou acme-eu
settings-add = Ajouter
settings-profile-name-rule = Lettres, chiffres, - et _ uniquement (40 au maximum)
settings-forget-key = Oublier la clé de ce profil…
settings-forget-confirm = Supprimer la clé Stripe de « { $profile } » du trousseau de cet ordinateur ? Le cache est conservé ; vous aurez de nouveau besoin de la clé pour synchroniser ou ouvrir des portails.
settings-forget-yes = Supprimer la clé
settings-keep-it = Conserver

## Liens du portail et synchronisation

settings-preferences-title = Liens du portail et synchronisation
settings-return-url-label = Lien de retour du portail
settings-return-url-placeholder = https://votre-site.example/compte
settings-return-url-help = Là où « Retour à … » mène vos clients depuis le portail. Vide : le lien de retour de la configuration du portail.
settings-sync-interval-label = Synchro toutes les (minutes)
settings-sync-interval-help = tant que la fenêtre est ouverte ; 0 la désactive
settings-sync-rate-label = Vitesse de synchro
settings-sync-rate-help = requêtes par seconde ; vide : la part standard de Stripe (50 en mode production, 23 en mode test). Ne l'augmentez que si Stripe a relevé les limites de votre compte.

## E-mail

settings-email-title = E-mail
settings-sign-emails-as = Signature des e-mails
settings-business-name-placeholder = Nom de votre entreprise
settings-sign-emails-as-help-account = Vide : le nom d'entreprise de votre compte Stripe.
settings-sign-emails-as-help-no-account = Votre clé ne peut pas lire le nom du compte Stripe : saisissez le nom sous lequel vos clients vous connaissent.
settings-smtp-on = Envoyer les e-mails via mon serveur SMTP (sinon, ils s'ouvrent dans votre messagerie)
settings-smtp-host = Serveur
settings-smtp-host-placeholder = smtp.example.com
settings-smtp-port = Port
settings-smtp-security = Sécurité
settings-smtp-starttls = STARTTLS (port 587)
settings-smtp-tls = TLS (port 465)
settings-smtp-no-tls = Aucune (serveur sur cet ordinateur)
settings-smtp-from = Expéditeur
settings-smtp-from-placeholder = Votre boutique <facturation@example.com>
settings-smtp-username = Identifiant
settings-smtp-password = Mot de passe
settings-password-hint-new-server = Saisissez le mot de passe du nouveau serveur
settings-password-hint-saved = Enregistré dans le trousseau
settings-password-hint-optional = Seulement si le serveur demande un identifiant
settings-smtp-password-changed = Le serveur a changé : saisissez son mot de passe
settings-save = Enregistrer

## Problèmes sous un champ

settings-problem-return-url = Utilisez un lien sécurisé qui commence par https://
settings-problem-interval = De 0 (désactivé) à 1440 minutes (une fois par jour)
settings-problem-rate = Un nombre entier de 1 à 1000, ou vide pour la part standard de Stripe
settings-problem-business-name-long = 100 caractères au maximum
settings-problem-business-name-line = Une seule ligne, telle que vos clients doivent la lire
settings-problem-host = Le nom du serveur, par exemple smtp.example.com
settings-problem-port = Un port de 1 à 65535 (généralement 587)
settings-problem-from = Une adresse comme facturation@example.com, ou Nom <facturation@example.com>

## Export CSV

settings-export-title = Export
settings-export-intro = Enregistrez les clients ou les factures du cache dans un fichier CSV pour un tableur ou votre comptable. Fonctionne hors ligne ; synchronisez d'abord pour avoir les dernières données.
settings-export-customers = Exporter les clients…
settings-export-invoices = Exporter les factures…

## Le cache local

settings-cache-title = Cache
settings-cache-intro = Les clients et leur facturation sont conservés sur cet ordinateur pour s'ouvrir instantanément, même hors ligne.
settings-data-folder = Dossier des données
settings-cache-file = Fichier de cache
settings-size = Taille
settings-cache-size = { $cache } · PDF de factures enregistrés { $pdfs }
settings-clear-cache = Vider le cache…
settings-clear-confirm = Supprimer le cache et les PDF enregistrés ? Rien ne change dans Stripe ; la prochaine synchronisation relira tout.
settings-clear-yes = Vider le cache

settings-language-title = Langue
settings-language-label = Langue de Portal Desk
settings-language-system = Langue du système
settings-language-hint = Pour tous les profils de cet ordinateur, y compris les dates et les montants. Les e-mails aux clients sont dans leur propre langue quand Stripe la connaît.
