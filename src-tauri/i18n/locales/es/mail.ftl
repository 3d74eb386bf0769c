mail-portal-subject = Gestiona tu facturación con { $business_name }
mail-portal-body =
    Hola { $customer_name }:

    Aquí puedes actualizar tu método de pago, descargar tus facturas y gestionar tu suscripción:

    { $portal_link }

    Gracias,
    { $business_name }
mail-update-card-subject = Actualiza tus datos de pago para { $business_name }
mail-update-card-failed-invoice = No pudimos cobrar tu último pago a { $business_name }: tienes { $amount } pendiente en la factura { $number }.
mail-update-card-failed-amount = No pudimos cobrar tu último pago a { $business_name }: tienes { $amount } pendiente.
mail-update-card-failed = No pudimos cobrar tu último pago a { $business_name }.
mail-update-card-body =
    Hola { $customer_name }:

    { $failed }

    Aquí puedes actualizar tu tarjeta (o elegir otra forma de pago):

    { $portal_link }

    Ahí también están tus facturas pendientes, listas para pagar.

    Gracias,
    { $business_name }
mail-session-expires = Este enlace solo funciona durante poco tiempo. Si ha caducado, responde a este correo y te enviaremos uno nuevo.
mail-no-name = {""}
