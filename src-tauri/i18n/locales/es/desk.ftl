## Inicio y barra superior

desk-loading = Cargando…
desk-sandbox-title = Demo: la app se comunica con un sandbox local de Stripe, no con Stripe
desk-sandbox-chip = Sandbox · { $url }
desk-back-to-profile = Volver a { $profile }
desk-profile-name = Perfil { $profile }
desk-activity = Actividad

## Secciones

desk-sections = Secciones
desk-view-customers = Clientes
desk-view-portal-settings = Configuración del portal
desk-view-bulk-email = Correo masivo
desk-view-settings = Configuración

## Avisos

desk-test-mode = MODO DE PRUEBA
desk-test-mode-note = Estás viendo datos de prueba. Nada de esto se cobra a clientes reales.
desk-offline = Sin conexión
desk-offline-note = No se puede conectar con Stripe. Todo lo guardado en caché sigue funcionando; abrir el portal, enviar enlaces y sincronizar esperan a que vuelva la red.

## Panel derecho

desk-customer-pane = Cliente
desk-choose-customer = Elige un cliente para ver su facturación y abrir su portal.
desk-shortcuts = Ctrl+K o / para buscar · ↑ ↓ para moverte · Enter para abrir · Ctrl+Enter abre el portal
desk-portal-not-opened = Se creó el enlace al portal, pero el navegador no se abrió. Usa «Copiar enlace» en su lugar.

## Sincronización

desk-syncing-of = Sincronizando { $what } · { $done } de { $total }
desk-syncing-count = Sincronizando { $what } · { $done }
desk-syncing = Sincronizando…
desk-sync-what-customers = clientes
desk-sync-what-subscriptions = suscripciones
desk-sync-what-invoices = facturas
desk-sync-what-prices = precios
desk-sync-what-products = productos
desk-sync-what-payment-methods = métodos de pago
desk-sync-what-billing-data = datos de facturación
desk-sync-what-changes = cambios
desk-sync-what-connecting = conexión
desk-sync-what-finishing = últimos datos
desk-sync-progress = Progreso de la sincronización
desk-sync-paused-offline = Sincronización en pausa: sin conexión
desk-sync-failed = Error al sincronizar: { $error }
desk-retry = Reintentar
desk-synced = Sincronizado { $age }
desk-not-synced = Aún sin sincronizar
desk-sync-now = Sincronizar

## Aún no hay configuración del portal

desk-setup-portal-title = Primero configura el portal de clientes
desk-setup-portal-body = Stripe necesita la configuración del portal (qué pueden cambiar tus clientes) antes de poder abrir un portal. Portal Desk puede crear una configuración recomendada por ti: tus clientes podrán actualizar su tarjeta, su correo electrónico y su dirección, ver sus facturas y cancelar al final del período. Puedes cambiarla más adelante en Stripe.
desk-cancel = Cancelar
desk-open-stripe-settings = Abrir configuración de Stripe
desk-creating = Creando…
desk-create-settings = Crear configuración

## Enlaces directos al portal

desk-flow-update-card = Actualizar tarjeta
desk-flow-cancel-subscription = Cancelar suscripción
desk-flow-change-plan = Cambiar plan

## Actividad

desk-activity-help = Cambios hechos en el portal, detectados al sincronizar los eventos de Stripe.
desk-activity-empty = Nada todavía. Cuando tus clientes actualicen una tarjeta, cambien de plan o cancelen en el portal, aparecerá aquí tras la próxima sincronización.

## Conexión de la cuenta

desk-connect-title = Conecta tu cuenta de Stripe
desk-connect-lead = Portal Desk abre el portal de clientes de Stripe de tus clientes con un clic y tiene su historial de facturación siempre a mano, incluso sin conexión.
desk-key-existing = Ya hay una clave { $mode ->
        [live] del modo activo
       *[test] del modo de prueba
    } terminada en ...{ $last4 } guardada para el perfil { $profile }. Si guardas una nueva, la reemplazará.
desk-key-existing-named = Ya hay una clave { $mode ->
        [live] del modo activo
       *[test] del modo de prueba
    } terminada en ...{ $last4 } guardada para el perfil { $profile } ({ $business }). Si guardas una nueva, la reemplazará.
desk-secret-key = Clave secreta
desk-key-placeholder = sk_test_… o sk_live_…
desk-key-hide = Ocultar
desk-key-show = Mostrar
desk-key-help-start = Usa una clave secreta (sk_…) o una clave restringida (rk_…) del{" "}
desk-key-help-link = Dashboard de Stripe → Desarrolladores → Claves de API
desk-key-help-end = . Solo se guarda en el llavero de este equipo y no se vuelve a mostrar.
desk-save-unchecked = Guardar sin verificar
desk-key-saved = Clave guardada para el perfil { $profile } ({ $mode ->
        [live] modo activo
       *[test] modo de prueba
    }), terminada en ...{ $last4 }
desk-key-verified-name-account = Verificada con Stripe: { $name } ({ $account }).
desk-key-verified-name = Verificada con Stripe: { $name }.
desk-key-verified-account = Verificada con Stripe: cuenta { $account }.
desk-key-verified = Verificada con Stripe (puede que esta clave no pueda leer el nombre de la cuenta).
desk-key-unchecked = No verificada con Stripe: vuelve a guardarla cuando tengas conexión para verificarla.
desk-continue = Ir a tus clientes
desk-checking-key = Verificando con Stripe…
desk-saving = Guardando…
desk-save-key = Guardar clave
desk-demo-summary = ¿No tienes cuenta de Stripe? Prueba la demo
desk-demo-before = Ejecuta{" "}
desk-demo-after = {" "}desde la carpeta del código fuente de Portal Desk. Inicia un sandbox local de Stripe con clientes ficticios, guarda una clave de prueba de demo en tu llavero y abre esta ventana con ella. Nada sale de tu equipo.
