cli-error = error: { $message }

## key set, key status, key forget

cli-key-prompt = Pega tu clave secreta de Stripe (no se mostrará) y pulsa Enter:
cli-key-not-verified = No verificada con Stripe (--no-verify).
cli-key-offline-hint = Para guardar la clave sin verificarla, ejecuta `portal-desk key set --no-verify`.
cli-key-unreadable = no se pudo leer la clave de la entrada estándar: { $error }
cli-no-key = no hay ninguna clave de Stripe guardada para el perfil { $profile }; ejecuta `portal-desk --profile { $profile } key set` y pégala
cli-environment-key-unusable = STRIPE_API_KEY está definida, pero no se puede usar: { $error }
cli-key-removed = Se eliminó del llavero la clave de Stripe del perfil { $profile }.
cli-key-none-to-remove = No había ninguna clave de Stripe guardada para el perfil { $profile }; no hay nada que eliminar.

cli-key-label-profile = perfil:
cli-key-label-mode = modo:
cli-key-label-kind = tipo de clave:
cli-key-label-last4 = termina en:
cli-key-label-business = empresa:
cli-key-label-account = cuenta:
cli-key-label-source = origen:
cli-key-mode = { $mode ->
    [live] activo
   *[test] de prueba
}
cli-key-kind = { $kind ->
    [restricted] restringida
   *[secret] secreta
}
cli-key-source-keychain = el llavero del sistema
cli-key-source-environment = la variable de entorno STRIPE_API_KEY

## Errores de la propia CLI

cli-runtime-failed = no se pudo preparar la conexión de red: { $error }
cli-no-display = no se encontró ninguna pantalla, así que la ventana no puede abrirse. Ejecútala en una pantalla virtual, por ejemplo con `xvfb-run -a portal-desk`, o usa un comando (consulta `portal-desk --help`).

## sync

cli-sync-interrupted = sincronización interrumpida; se conserva todo lo leído hasta ahora y `portal-desk sync` la reanuda
cli-sync-resume-hint = Lo sincronizado antes de esto se conserva; vuelve a ejecutar `portal-desk sync` para reanudarla.
cli-sync-summary = Sincronización { $mode ->
        [full] completa
       *[incremental] de cambios
    } terminada: { $customers ->
        [one] { $customers } cliente
       *[other] { $customers } clientes
    }, { $subscriptions ->
        [one] { $subscriptions } suscripción
       *[other] { $subscriptions } suscripciones
    }, { $invoices ->
        [one] { $invoices } factura
       *[other] { $invoices } facturas
    }, { $payment_methods ->
        [one] { $payment_methods } método de pago
       *[other] { $payment_methods } métodos de pago
    }, { $prices ->
        [one] { $prices } precio
       *[other] { $prices } precios
    }, { $products ->
        [one] { $products } producto
       *[other] { $products } productos
    }; { $events ->
        [one] { $events } evento aplicado.
       *[other] { $events } eventos aplicados.
    }
cli-sync-requests = { $requests ->
        [one] { $requests } solicitud
       *[other] { $requests } solicitudes
    } ({ $retries ->
        [one] { $retries } reintentada
       *[other] { $retries } reintentadas
    }) en { $seconds } s.
cli-sync-list = { $name ->
    [customers] clientes
    [subscriptions] suscripciones
    [invoices] facturas
    [payment_methods] métodos de pago
    [prices] precios
    [products] productos
    [events] eventos
   *[other] { $name }
}
cli-sync-list-reading = { $requests ->
    [one] { $requests } solicitud
   *[other] { $requests } solicitudes
}
cli-sync-list-done = { $requests ->
    [one] { $requests } solicitud, listo
   *[other] { $requests } solicitudes, listo
}
cli-sync-retried-so-far = { $retries ->
    [one] { $retries } solicitud reintentada hasta ahora
   *[other] { $retries } solicitudes reintentadas hasta ahora
}

## customers, show

cli-cache-empty = La caché del perfil { $profile } está vacía: ejecuta primero `portal-desk sync`.
cli-customers-shown = { $shown } de { $total ->
    [one] { $total } cliente
   *[other] { $total } clientes
}
cli-not-a-customer-id = { $id } no es un ID de cliente de Stripe; empiezan por cus_ seguido de letras y números
cli-customer-not-cached = el cliente { $id } no está en la caché del perfil { $profile }; puede que se haya eliminado o que sea más reciente que la última sincronización (ejecuta `portal-desk sync`)

cli-show-unnamed = Cliente sin nombre
cli-show-email = correo:
cli-show-phone = teléfono:
cli-show-address = dirección:
cli-show-renews = se renueva:
cli-show-canceled = cancelada:
cli-show-subscription = Suscripción
cli-show-none = ninguna
cli-show-per = { $interval ->
    [day] al día
    [week] a la semana
    [month] al mes
    [year] al año
   *[other] por { $interval }
}
cli-show-every = { $interval ->
    [day] cada { $count } días
    [week] cada { $count } semanas
    [month] cada { $count } meses
    [year] cada { $count } años
   *[other] cada { $count } { $interval }
}
cli-show-cancels-at-period-end = se cancela al final del período: { $date }
cli-show-payment-failed = pago fallido: { $amount } pendientes en { $invoices ->
        [1] la factura
       *[other] { $invoices } facturas, la más reciente es
    } { $invoice }; { $retry }
cli-show-retry-on = Stripe lo reintentará el { $date }
cli-show-no-retry = sin reintento automático
cli-show-payment-methods = Métodos de pago
cli-show-none-cached = ninguno en caché
cli-show-expires = caduca { $date }
cli-show-default = (predeterminado)
cli-show-expired = CADUCADO
cli-show-recent-invoices = Facturas recientes

## portal

cli-portal-opened = Se abrió en tu navegador el portal de clientes de { $customer }.
cli-portal-browser-failed = No se pudo abrir un navegador ({ $error }); el enlace de arriba funciona durante unos minutos.
cli-flow-needs-price = --flow subscription_update_confirm necesita --price (el ID del nuevo precio)

## configs

cli-configs-none = Aún no hay configuraciones del portal. `portal-desk configs create --recommended` crea una.
cli-configs-account-default = predeterminada de la cuenta
cli-configs-used-here = usada por este perfil
cli-configs-inactive = inactiva
cli-configs-no-headline = (sin título)
cli-configs-login-page = página de inicio de sesión: { $url }
cli-configs-profile-uses = El perfil { $profile } usa la configuración del portal { $id }.
cli-configs-created = Se creó la configuración del portal { $id }.
cli-configs-now-used = El perfil { $profile } ahora abre el portal con ella.
cli-configs-now-uses = El perfil { $profile } ahora abre el portal con la configuración { $id }.

cli-config-headline = título:
cli-config-privacy-policy = privacidad:
cli-config-terms-of-service = condiciones del servicio:
cli-config-return-url = enlace de regreso:
cli-config-login-page = inicio de sesión:
cli-config-invoice-history = historial de facturas:
cli-config-payment-methods = métodos de pago:
cli-config-customer-updates = cambios del cliente:
cli-config-cancel = cancelación:
cli-config-plan-switching = cambio de plan:
cli-config-on = sí
cli-config-off = no
cli-config-products = { $count ->
    [one] ({ $count } producto)
   *[other] ({ $count } productos)
}

## email

cli-email-to = Para:
cli-email-subject = Asunto:
cli-email-not-sent = No enviado (--dry-run).
cli-email-sent = Se envió el correo a { $to }.
cli-email-no-smtp = No hay ningún servidor SMTP configurado (consulta `portal-desk smtp set`); el correo se abre en tu programa de correo.
cli-email-mail-program-failed = No se pudo abrir un programa de correo ({ $error }). El enlace para enviar:
cli-campaign-will-send = se enviará
cli-campaign-will-skip = se omite: { $reason }
cli-campaign-would-email = Campaña { $campaign }: { $sending } de { $total ->
        [one] { $total } cliente
       *[other] { $total } clientes
    } { $sending ->
        [one] recibiría
       *[other] recibirían
    } el correo. No enviado (--dry-run).
cli-campaign-sent = enviado
cli-campaign-failed = ERROR: { $reason }
cli-campaign-skipped = omitido: { $reason }
cli-campaign-summary = Campaña { $campaign }: { $sent ->
        [one] { $sent } enviado
       *[other] { $sent } enviados
    }, { $failed } con error, { $skipped ->
        [one] { $skipped } omitido
       *[other] { $skipped } omitidos
    }.
cli-campaign-failures = { $failed ->
    [one] { $failed } correo no se pudo enviar; vuelve a ejecutar el mismo comando para reintentarlo (nadie recibe el correo dos veces)
   *[other] { $failed } correos no se pudieron enviar; vuelve a ejecutar el mismo comando para reintentarlos (nadie recibe el correo dos veces)
}

## smtp

cli-smtp-prompt = Contraseña SMTP (no se mostrará):
cli-smtp-password-unreadable = no se pudo leer la contraseña SMTP de la entrada estándar: { $error }
cli-smtp-saved = Se guardó el servidor SMTP { $server } para el perfil { $profile }.
cli-smtp-none = No hay ningún servidor SMTP configurado para el perfil { $profile }; los correos se abren en tu programa de correo.
cli-smtp-removed = Se eliminó el servidor SMTP del perfil { $profile }.
cli-smtp-label-host = servidor:
cli-smtp-label-security = seguridad:
cli-smtp-label-login = usuario:
cli-smtp-label-password = contraseña:
cli-smtp-label-from = remitente:
cli-smtp-none-value = ninguno
cli-smtp-password-kept = en el llavero

## export, invoice pdf

cli-export-pdf-needs-invoices = --pdf guarda los PDF de las facturas: úsalo con `export invoices`
cli-export-wrote = { $kind ->
        [invoices] { $count ->
            [one] Se escribió { $count } factura
           *[other] Se escribieron { $count } facturas
        }
       *[customers] { $count ->
            [one] Se escribió { $count } cliente
           *[other] Se escribieron { $count } clientes
        }
    } en { $path }
cli-pdf-unwritable = No se pudo escribir { $path }: { $error }
cli-pdfs-saved = { $saved ->
        [one] Se guardó { $saved } PDF de factura
       *[other] Se guardaron { $saved } PDF de facturas
    } en { $dir } ({ $skipped ->
        [one] { $skipped } ya estaba
       *[other] { $skipped } ya estaban
    }).
cli-pdfs-failed = { $failed ->
    [one] { $failed } PDF de factura no se pudo guardar (ver arriba).
   *[other] { $failed } PDF de facturas no se pudieron guardar (ver arriba).
}
