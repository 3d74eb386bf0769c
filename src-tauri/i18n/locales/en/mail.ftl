# The emails customers get. Variables become the template's placeholders:
# $customer_name, $business_name (who signs), $portal_link (the portal link).
# Keep the line breaks: this is a plain-text email.

mail-portal-subject = Manage your billing with { $business_name }
mail-portal-body =
    Hi { $customer_name },

    You can update your payment method, download your invoices and manage your subscription here:

    { $portal_link }

    Thank you,
    { $business_name }

# A card payment failed. $amount is e.g. "USD 49.00", $number the invoice number.
mail-update-card-subject = Please update your payment details for { $business_name }
mail-update-card-failed-invoice = We couldn't collect your last payment to { $business_name }: { $amount } is due on invoice { $number }.
mail-update-card-failed-amount = We couldn't collect your last payment to { $business_name }: { $amount } is due.
mail-update-card-failed = We couldn't collect your last payment to { $business_name }.
# $failed is one of the three sentences above.
mail-update-card-body =
    Hi { $customer_name },

    { $failed }

    You can update your card (or choose another way to pay) here:

    { $portal_link }

    Your open invoices are there too, ready to pay.

    Thank you,
    { $business_name }

# Added under a short-lived session link.
mail-session-expires = This link works for a short time. If it has expired, reply to this email and we'll send a new one.
# The greeting's name when Stripe has none ("Hi there,"). May be empty: {""}
mail-no-name = there
