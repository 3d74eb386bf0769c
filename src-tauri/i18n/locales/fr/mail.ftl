mail-portal-subject = Gérez votre facturation avec { $business_name }
mail-portal-body =
    Bonjour { $customer_name },

    Vous pouvez modifier votre moyen de paiement, télécharger vos factures et gérer votre abonnement ici :

    { $portal_link }

    Merci,
    { $business_name }
mail-update-card-subject = Merci de mettre à jour vos informations de paiement pour { $business_name }
mail-update-card-failed-invoice = Nous n’avons pas pu encaisser votre dernier paiement à { $business_name } : { $amount } reste dû sur la facture { $number }.
mail-update-card-failed-amount = Nous n’avons pas pu encaisser votre dernier paiement à { $business_name } : { $amount } reste dû.
mail-update-card-failed = Nous n’avons pas pu encaisser votre dernier paiement à { $business_name }.
mail-update-card-body =
    Bonjour { $customer_name },

    { $failed }

    Vous pouvez mettre à jour votre carte (ou choisir un autre moyen de paiement) ici :

    { $portal_link }

    Vos factures en attente s’y trouvent aussi, prêtes à être réglées.

    Merci,
    { $business_name }
mail-session-expires = Ce lien n’est valable que peu de temps. S’il a expiré, répondez à cet e-mail et nous vous en enverrons un nouveau.
mail-no-name = {""}
