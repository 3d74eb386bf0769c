activity-card-added = { $who } añadió { $method }
activity-card-removed = { $who } eliminó { $method }
activity-card-updated = { $who } actualizó { $method }
activity-invoice-paid = { $who } pagó la factura { $number } ({ $amount })
activity-customer-created = { $who } se hizo cliente
activity-customer-deleted = { $who } se eliminó
activity-email-changed = { $who } cambió su correo de { $from } a { $to }
activity-name-changed = { $who } cambió su nombre a { $name }
activity-address-changed = { $who } actualizó su dirección de facturación
activity-phone-changed = { $who } actualizó su número de teléfono
activity-default-payment-method-changed = { $who } eligió { $method } como método de pago predeterminado
activity-subscription-created = { $who } se suscribió a { $plan }
activity-plan-changed = { $who } cambió de { $from } a { $plan }
activity-quantity-changed = { $who } cambió la cantidad de { $plan } de { $from } a { $to }
activity-subscription-canceled = Se canceló la suscripción { $plan } de { $who }
activity-cancel-scheduled = { $ends ->
    [none] { $who } canceló { $plan } al final del período
   *[other] { $who } canceló { $plan } al final del período (termina el { $ends })
}
activity-cancel-withdrawn = { $who } renovó { $plan }: ya no se cancelará
activity-status-changed = La suscripción { $plan } de { $who } ahora está { $status ->
    [active] activa
    [past_due] vencida
    [unpaid] impagada
    [trialing] en período de prueba
    [incomplete] incompleta
    [incomplete_expired] incompleta y caducada
    [canceled] cancelada
    [paused] en pausa
   *[other] { $status }
}
activity-someone = Un cliente
activity-their-plan = su plan
activity-a-payment-method = un nuevo método de pago
activity-no-name = ningún nombre
activity-no-email = ningún correo
activity-notice-one = Un cliente cambió su facturación
activity-notice-many = { $count } cambios en el portal de clientes
activity-notice-more = y { $count } más en Actividad
