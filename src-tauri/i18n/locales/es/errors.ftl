error-key-format = Esta no es una clave secreta de Stripe válida. Cópiala en el Dashboard de Stripe, en Desarrolladores → Claves de API: empieza por sk_test_, sk_live_, rk_test_ o rk_live_.
error-key-rejected = Stripe rechazó esta clave (no es válida o se revocó). Copia una clave vigente en el Dashboard de Stripe, en Desarrolladores → Claves de API.
error-missing-permissions = A esta clave restringida le faltan permisos que Portal Desk necesita: { $permissions }. Edita la clave en el Dashboard de Stripe (Desarrolladores → Claves de API) y actívalos.
error-rate-limited = Stripe está limitando las solicitudes de esta cuenta; se leyeron { $read } de { $expected } objetos y la próxima sincronización continuará.
error-stripe-said = Stripe rechazó la solicitud: { $message }
error-no-key = No hay ninguna clave de Stripe guardada para el perfil { $profile }; conecta primero tu cuenta de Stripe.
error-keychain-unavailable = No se puede acceder al llavero del sistema. Portal Desk guarda tu clave de Stripe solo ahí: comprueba que esté en marcha y desbloqueado.
error-invalid-customer-id = { $id } no es un ID de cliente de Stripe; empiezan por cus_ seguido de letras y números.
error-unknown-customer = Stripe no tiene ningún cliente { $id }. Revisa el ID o sincroniza para actualizar la lista.
error-deleted-customer = El cliente { $id } se eliminó en Stripe, así que no hay portal que abrir.
error-no-subscription = { $customer } no tiene ninguna suscripción activa.
error-several-items = La suscripción { $subscription } tiene varios artículos; el portal solo puede confirmar cambios de suscripciones con un único artículo. Usa el enlace de cambio de plan.
error-invalid-url = { $url } no se puede usar: escribe una dirección https://.
error-not-configured = El portal de clientes de Stripe aún no está configurado en { $mode ->
    [live] modo activo
   *[test] modo de prueba
}. Guarda la configuración del portal en el Dashboard de Stripe o deja que Portal Desk cree una configuración con ajustes razonables.
error-login-page-off = La página de inicio de sesión está desactivada en la configuración del portal { $configuration }. Actívala para enviar un enlace que no caduque, o envía un enlace de sesión, que caduca en pocos minutos.
error-no-email = { $customer } no tiene dirección de correo en Stripe. Añade una en el Dashboard de Stripe o copia el enlace.
error-bad-address = { $address } no es una dirección de correo válida.
error-bad-smtp-settings = La configuración SMTP no se puede usar. Revisa el servidor, el puerto y el remitente en Configuración.
error-send-failed = No se pudo enviar el correo: { $reason }.
error-unknown-placeholder = La plantilla de correo usa { $placeholder }, que Portal Desk no conoce; usa {"{"}customer_name{"}"}, {"{"}business_name{"}"} o {"{"}portal_link{"}"}.
error-invalid-key = Esta clave de Stripe no se puede usar. Copia una clave vigente en el Dashboard de Stripe, en Desarrolladores → Claves de API.
error-invalid-profile = Este nombre de perfil no se puede usar: usa de 1 a 40 letras, números, - o _.
error-offline = No se puede conectar con Stripe. Revisa tu conexión a Internet y vuelve a intentarlo.
error-no-key-saved = No hay ninguna clave de Stripe guardada para este perfil; conecta primero tu cuenta de Stripe.
error-invalid-input = Un valor que escribiste no se puede usar. Revísalo y vuelve a intentarlo.
error-not-found = Stripe no tiene ese objeto, o se eliminó. Sincroniza para actualizar la lista.
error-portal-not-set-up = El portal de clientes de Stripe aún no está configurado en este modo. Guarda la configuración del portal en el Dashboard de Stripe.
error-login-page-is-off = La página de inicio de sesión del portal está desactivada. Actívala para enviar un enlace que no caduque.
error-stripe-refused = Stripe rechazó la solicitud. Vuelve a intentarlo en un momento.
error-mail-failed = No se pudo enviar el correo. Revisa la configuración SMTP.
error-bridge = La ventana de Portal Desk no puede comunicarse con su núcleo. Reinicia la aplicación.
error-internal = Algo salió mal en Portal Desk. Vuelve a intentarlo; si sigue pasando, reinicia la aplicación.
