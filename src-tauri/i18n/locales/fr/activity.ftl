activity-card-added = { $who } a ajouté { $method }
activity-card-removed = { $who } a supprimé { $method }
activity-card-updated = { $who } a mis à jour { $method }
activity-invoice-paid = { $who } a payé la facture { $number } ({ $amount })
activity-customer-created = { $who } est devenu client
activity-customer-deleted = { $who } a été supprimé
activity-email-changed = { $who } a changé son adresse e-mail de { $from } à { $to }
activity-name-changed = { $who } a changé son nom en { $name }
activity-address-changed = { $who } a mis à jour son adresse de facturation
activity-phone-changed = { $who } a mis à jour son numéro de téléphone
activity-default-payment-method-changed = { $who } a choisi { $method } comme moyen de paiement par défaut
activity-subscription-created = { $who } s’est abonné à { $plan }
activity-plan-changed = { $who } est passé de { $from } à { $plan }
activity-quantity-changed = { $who } a changé la quantité de { $plan } de { $from } à { $to }
activity-subscription-canceled = L’abonnement { $plan } de { $who } a été annulé
activity-cancel-scheduled = { $ends ->
    [none] { $who } a résilié { $plan } en fin de période
   *[other] { $who } a résilié { $plan } en fin de période (fin le { $ends })
}
activity-cancel-withdrawn = { $who } a renouvelé { $plan } : la résiliation est annulée
activity-status-changed = L’abonnement { $plan } de { $who } est maintenant { $status ->
    [active] actif
    [past_due] en retard
    [unpaid] impayé
    [trialing] en essai
    [incomplete] incomplet
    [incomplete_expired] incomplet et expiré
    [canceled] annulé
    [paused] en pause
   *[other] { $status }
}
activity-someone = Un client
activity-their-plan = son offre
activity-a-payment-method = un nouveau moyen de paiement
activity-no-name = aucun nom
activity-no-email = aucune adresse
activity-notice-one = Un client a modifié sa facturation
activity-notice-many = { $count } modifications dans le portail client
activity-notice-more = et { $count } de plus dans Activité
