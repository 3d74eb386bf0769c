## La lista

customers-chip-all = Todos
customers-owed = Adeudado: { $amounts }
customers-needs-attention = Requiere atención
customers-filter-by-status = Filtrar por estado
customers-loading = Cargando…
customers-none-match = Ningún cliente coincide
customers-connecting = Conectando con Stripe…
customers-first-sync-read = { $what } · { $count } leídos
customers-first-sync-title = Obteniendo tus clientes de Stripe
customers-first-sync-help = La primera sincronización lee una vez cada cliente, suscripción, factura y tarjeta. Después solo se leen los cambios.
customers-no-match = Ningún cliente coincide. Prueba con parte de un nombre, un correo electrónico, un teléfono o un ID cus_.
customers-empty = Aún no hay clientes. Pulsa Sincronizar ahora para traerlos de Stripe.
customers-list-label = Clientes
customers-search-placeholder = Nombre, correo, teléfono o ID   (Ctrl+K)
customers-search-label = Buscar clientes
customers-sort = Ordenar
customers-sort-label = Ordenar clientes
customers-sort-name = Nombre
customers-sort-newest = Más recientes
customers-sort-next-renewal = Próxima renovación
customers-open-portal-for = Abrir el portal de { $name }
customers-row-portal-offline = Sin conexión: para abrir el portal se necesita Stripe
customers-row-portal-title = Abrir portal (Ctrl+Enter)
customers-row-portal = Portal ↗

## Estados de suscripción

customers-status-active = Activa
customers-status-trialing = Período de prueba
customers-status-past-due = Vencida
customers-status-canceled = Cancelada
customers-status-none = Sin suscripción
customers-status-unpaid = No pagada
customers-status-incomplete = Incompleta
customers-status-expired = Caducada
customers-status-paused = En pausa

## Un cliente

customers-detail-gone = Este cliente ya no está en la caché (¿se eliminó en Stripe?). Sincroniza para actualizar la lista.
customers-since = cliente desde el { $date }
customers-activity = Actividad
customers-activity-none = Aún no hay cambios en el portal.

customers-subscription = Suscripción
customers-subscription-none = Sin suscripción.
customers-amount-unknown = Importe no guardado
customers-price-per = { $amount } / { $interval ->
    [day] día
    [week] semana
    [month] mes
    [year] año
   *[other] { $interval }
}
customers-price-every = { $amount } cada { $count } { $interval ->
    [day] días
    [week] semanas
    [month] meses
    [year] años
   *[other] { $interval }
}
customers-canceled-on = Cancelada el { $date }
customers-cancels-on = Se cancela el { $date }
customers-renews-on = Se renueva el { $date }

customers-payment-failed = Pago fallido.
customers-owed-one = { $amount } pendientes en la factura { $invoice }.
customers-owed-many = { $amount } pendientes en { $count } facturas; la más reciente es { $invoice }.
customers-retry-on = Stripe volverá a intentar el cobro con la tarjeta el { $date }.
customers-retry-was-due = Stripe iba a reintentar el cobro con la tarjeta el { $date }; sincroniza para ver el resultado.
customers-retry-stopped = Stripe dejó de reintentar: el cliente tiene que pagar o actualizar la tarjeta.
customers-retry-none = No hay ningún reintento automático programado.
customers-ask-update-card = Pedir que actualice la tarjeta
customers-no-email-address = Este cliente no tiene correo electrónico
customers-ask-offline = Sin conexión: el enlace del correo necesita Stripe

customers-payment-methods = Métodos de pago
customers-payment-methods-none = No hay ningún método de pago registrado.
customers-card-expired = Caducada { $date }
customers-card-expires = Caduca { $date }
customers-card-default = Predeterminada

customers-contact = Contacto
customers-no-email = Sin correo
customers-no-address = Sin dirección de facturación.
customers-balance-credit = Saldo a favor { $amount }
customers-balance-owes = Debe { $amount }
customers-delinquent = La última factura no está pagada.

## Facturas

customers-invoices = Facturas
customers-invoices-none = No hay facturas.
customers-invoices-number = Número
customers-invoices-date = Fecha
customers-invoices-amount = Importe
customers-invoices-status = Estado
customers-invoices-open = Abrir
customers-invoice-draft = Borrador
customers-invoice-status-open = Abierta
customers-invoice-status-paid = Pagada
customers-invoice-status-uncollectible = Incobrable
customers-invoice-status-void = Anulada
customers-pdf-offline = Sin conexión: este PDF aún no se ha guardado
customers-pdf-saved = Guardado en este equipo
customers-pdf-download = Se descarga una vez y luego se abre sin conexión
customers-page-offline = Sin conexión: la página alojada necesita Stripe
customers-page-title = Página de la factura en Stripe
customers-page = Página ↗

## Acciones del portal

customers-open-portal = Abrir portal
customers-opening = Abriendo…
customers-more-links = Más enlaces del portal
customers-needs-subscription = Requiere una suscripción activa
customers-email-link = Enviar enlace
customers-copy-link = Copiar enlace
customers-portal-offline = Sin conexión: el portal necesita Stripe. La información de facturación guardada sigue disponible.
customers-portal-domain = Se abre en { $domain }, tu dominio personalizado de Stripe
customers-portal-domain-help = Se abre en { $domain }, tu dominio personalizado de Stripe.
customers-portal-opened = El portal se abrió en tu navegador. Los cambios que haga el cliente allí aparecerán aquí cuando vuelvas.
customers-link-copied = Enlace copiado. Funciona una sola vez y caduca en unos minutos:
customers-link-copy = Copia este enlace (funciona una sola vez y caduca en unos minutos):
customers-portal-link = Enlace del portal
customers-dismiss = Cerrar
