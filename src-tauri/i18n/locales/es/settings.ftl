# Configuración: perfiles y clave de Stripe, enlaces del portal y
# sincronización, correo (SMTP), exportación CSV y la caché local.

settings-loading = Cargando…
settings-title = Configuración

## Avisos tras una acción

settings-saved = Guardado.
settings-cleared = Caché vaciada. La próxima sincronización volverá a leerlo todo desde Stripe.
settings-password-removed = { $notice } El servidor SMTP ha cambiado, así que se ha quitado la contraseña guardada para el anterior: introduce la del nuevo servidor.
settings-exported-customers = { $count ->
    [one] Se guardó { $count } cliente en { $path }.
   *[other] Se guardaron { $count } clientes en { $path }.
}
settings-exported-invoices = { $count ->
    [one] Se guardó { $count } factura en { $path }.
   *[other] Se guardaron { $count } facturas en { $path }.
}

## Perfil

settings-profile-title = Perfil
settings-profile-intro = Cada perfil es una cuenta de Stripe (o su modo de prueba), con su propia clave, caché y configuración.
settings-open-profile = Abrir perfil
settings-add-profile = Añadir un perfil
settings-new-profile-placeholder = por ejemplo, live o acme-eu
settings-add = Añadir
settings-profile-name-rule = Solo letras, números, - y _ (máximo 40)
settings-forget-key = Olvidar la clave de este perfil…
settings-forget-confirm = ¿Quitar la clave de Stripe de «{ $profile }» del llavero de este equipo? La caché se conserva; necesitarás la clave de nuevo para sincronizar o abrir portales.
settings-forget-yes = Quitar la clave
settings-keep-it = Conservar

## Enlaces del portal y sincronización

settings-preferences-title = Enlaces del portal y sincronización
settings-return-url-label = Enlace de vuelta del portal
settings-return-url-placeholder = https://tu-sitio.example/cuenta
settings-return-url-help = Adónde lleva a tus clientes «Volver a …» en el portal. Vacío: el enlace de vuelta de la configuración del portal.
settings-sync-interval-label = Sincronizar cada (minutos)
settings-sync-interval-help = mientras la ventana esté abierta; 0 lo desactiva
settings-sync-rate-label = Velocidad de sincronización
settings-sync-rate-help = solicitudes por segundo; vacío: la cuota estándar de Stripe (50 en modo activo, 23 en modo de prueba). Auméntala solo si Stripe ha ampliado los límites de tu cuenta.

## Correo electrónico

settings-email-title = Correo electrónico
settings-sign-emails-as = Firmar los correos como
settings-business-name-placeholder = Nombre de tu empresa
settings-sign-emails-as-help-account = Vacío: el nombre de empresa de tu cuenta de Stripe.
settings-sign-emails-as-help-no-account = Tu clave no puede leer el nombre de la cuenta de Stripe; escribe el nombre con el que te conocen tus clientes.
settings-smtp-on = Enviar los correos con mi servidor SMTP (si no, se abren en tu aplicación de correo)
settings-smtp-host = Servidor
settings-smtp-host-placeholder = smtp.example.com
settings-smtp-port = Puerto
settings-smtp-security = Seguridad
settings-smtp-starttls = STARTTLS (puerto 587)
settings-smtp-tls = TLS (puerto 465)
settings-smtp-no-tls = Ninguna (un servidor en este equipo)
settings-smtp-from = Remitente
settings-smtp-from-placeholder = Tu tienda <facturacion@example.com>
settings-smtp-username = Usuario
settings-smtp-password = Contraseña
settings-password-hint-new-server = Introduce la contraseña del nuevo servidor
settings-password-hint-saved = Guardada en el llavero
settings-password-hint-optional = Solo si el servidor pide iniciar sesión
settings-smtp-password-changed = El servidor ha cambiado: introduce su contraseña
settings-save = Guardar

## Problemas bajo un campo

settings-problem-return-url = Usa un enlace seguro que empiece por https://
settings-problem-interval = Minutos de 0 (desactivado) a 1440 (una vez al día)
settings-problem-rate = Un número entero de 1 a 1000, o vacío para la cuota estándar de Stripe
settings-problem-business-name-long = Máximo 100 caracteres
settings-problem-business-name-line = Una sola línea, tal como deben leerla tus clientes
settings-problem-host = El nombre del servidor, por ejemplo smtp.example.com
settings-problem-port = Un puerto de 1 a 65535 (normalmente 587)
settings-problem-from = Una dirección como facturacion@example.com, o Nombre <facturacion@example.com>

## Exportación CSV

settings-export-title = Exportar
settings-export-intro = Guarda los clientes o las facturas de la caché en un archivo CSV para una hoja de cálculo o tu contable. Funciona sin conexión; sincroniza antes para tener lo último.
settings-export-customers = Exportar clientes…
settings-export-invoices = Exportar facturas…

## La caché local

settings-cache-title = Caché
settings-cache-intro = Los clientes y su facturación se guardan en este equipo para que se abran al instante y sin conexión.
settings-data-folder = Carpeta de datos
settings-cache-file = Archivo de caché
settings-size = Tamaño
settings-cache-size = { $cache } · PDF de facturas guardados { $pdfs }
settings-clear-cache = Vaciar la caché…
settings-clear-confirm = ¿Eliminar la caché y los PDF guardados? En Stripe no cambia nada; la próxima sincronización volverá a leerlo todo.
settings-clear-yes = Vaciar la caché

settings-language-title = Idioma
settings-language-label = Idioma de Portal Desk
settings-language-system = Idioma del sistema
settings-language-hint = Para todos los perfiles de este equipo, también en fechas e importes. Los correos a tus clientes van en su propio idioma cuando Stripe lo conoce.
