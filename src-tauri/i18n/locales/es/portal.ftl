## El diálogo de correo

portal-email-title = Enviar el enlace del portal
portal-email-card-title = Pedir que actualice la tarjeta
portal-which-link = Qué enlace
portal-email-login-link = Página de inicio de sesión (recomendado): no caduca nunca; el cliente confirma su correo electrónico
portal-email-direct-link = Enlace directo: abre el portal al instante, pero caduca a los pocos minutos
portal-email-card-direct-link = Enlace directo: abre al instante la página de la tarjeta en el portal, pero caduca a los pocos minutos
portal-email-to = Para:
portal-email-subject = Asunto:
portal-email-body = Cuerpo del correo
portal-email-custom-domain = El enlace se abre en { $domain }, tu dominio personalizado de Stripe.
portal-email-preparing = Preparando la vista previa…
portal-email-login-page-off = La página de inicio de sesión de tu portal está desactivada. Actívala para enviar un enlace que no caduque nunca (los clientes inician sesión con su correo electrónico) o elige el enlace directo.
portal-turn-on-login-page = Activar la página de inicio de sesión
portal-email-done = Listo
portal-email-cancel = Cancelar
portal-email-sending = Enviando…
portal-email-send = Enviar
portal-email-sent = Enviado. El cliente recibirá el correo en un momento.
portal-email-mail-app = Se abrió tu aplicación de correo con el mensaje listo para enviar (configura SMTP en Configuración para enviar desde aquí).

## Correo masivo

portal-bulk-title = Enviar el enlace del portal a muchos clientes
portal-bulk-example = Por ejemplo, pide a todos los clientes con pagos vencidos que actualicen su tarjeta.
portal-bulk-customers = Clientes
portal-bulk-everyone = Todos
portal-bulk-everyone-count = Todos ({ $count })
portal-bulk-status-count = { $status } ({ $count })
portal-bulk-status-active = Activa
portal-bulk-status-trialing = Período de prueba
portal-bulk-status-past-due = Vencida
portal-bulk-status-unpaid = No pagada
portal-bulk-status-incomplete = Incompleta
portal-bulk-status-paused = En pausa
portal-bulk-status-canceled = Cancelada
portal-bulk-status-none = Sin suscripción
portal-bulk-status-needs-attention = Requiere atención
portal-bulk-search = Búsqueda (opcional)
portal-bulk-search-placeholder = Nombre, correo, ID o teléfono
portal-bulk-campaign = Nombre de la campaña (opcional)
portal-bulk-campaign-placeholder = El filtro y la fecha de hoy
portal-bulk-campaign-help = Si vuelves a enviar una campaña, nadie recibe el correo dos veces; se reintentan los envíos fallidos.
portal-bulk-login-link = Página de inicio de sesión (recomendado): no caduca nunca; cada cliente confirma su correo electrónico
portal-bulk-direct-links = Enlaces directos: abren el portal al instante, pero caducan a los pocos minutos
portal-bulk-preview = Ver destinatarios
portal-bulk-recipients = Destinatarios
portal-bulk-login-page-off = La página de inicio de sesión de tu portal está desactivada. Actívala para enviar enlaces que no caduquen nunca o elige enlaces directos.
portal-bulk-offline = Sin conexión: los correos llevan un enlace al portal, que crea Stripe
portal-bulk-finding = Buscando destinatarios…
portal-bulk-nobody = Ningún cliente coincide con este filtro.
portal-bulk-recipients-table = Tabla de destinatarios
portal-bulk-column-customer = Cliente
portal-bulk-column-email = Correo
portal-bulk-column-result = Resultado
portal-bulk-outcome-sent = Enviado
portal-bulk-outcome-failed = Fallido
portal-bulk-outcome-skipped = Omitido
portal-bulk-outcome-ready = Se enviará
portal-bulk-start = Elige quién recibe el correo y revisa la lista antes de enviar nada.
portal-bulk-report = Enviados: { $sent } · fallidos: { $failed } · omitidos: { $skipped }
portal-bulk-campaign-done = Campaña «{ $campaign }».
portal-bulk-campaign-retry = Campaña «{ $campaign }». Vuelve a enviarla con el mismo nombre para reintentar los fallidos; nadie la recibe dos veces.
portal-bulk-start-another = Empezar otra
portal-bulk-will-get = { $count ->
    [one] { $count } cliente recibirá el correo
   *[other] { $count } clientes recibirán el correo
}
portal-bulk-skipped = · { $count ->
    [one] { $count } omitido
   *[other] { $count } omitidos
}
portal-bulk-sending = Enviando a { $count }…
portal-bulk-send-to = { $count ->
    [one] Enviar a { $count } cliente
   *[other] Enviar a { $count } clientes
}

portal-email-language-customer = Escrito en { $language }: el idioma preferido del cliente en Stripe ({ $locale }). El portal también se abre en ese idioma.
portal-email-language-fallback = Escrito en { $language }, el idioma de Portal Desk: Stripe no tiene para este cliente ningún idioma preferido que Portal Desk hable.

portal-bulk-skip-already-emailed = Ya recibió el correo de esta campaña
portal-bulk-skip-no-email = No tiene correo en Stripe
portal-bulk-skip-unusable-address = La dirección de correo no es válida
