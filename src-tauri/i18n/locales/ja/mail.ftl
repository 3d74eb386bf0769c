mail-portal-subject = { $business_name } のお支払い情報の管理
mail-portal-body =
    { $customer_name } 様

    以下のリンクから、お支払い方法の変更、請求書のダウンロード、サブスクリプションの管理ができます。

    { $portal_link }

    今後ともよろしくお願いいたします。
    { $business_name }
mail-update-card-subject = { $business_name } のお支払い情報の更新をお願いします
mail-update-card-failed-invoice = { $business_name } への前回のお支払いを完了できませんでした。請求書 { $number } の { $amount } が未払いです。
mail-update-card-failed-amount = { $business_name } への前回のお支払いを完了できませんでした。{ $amount } が未払いです。
mail-update-card-failed = { $business_name } への前回のお支払いを完了できませんでした。
mail-update-card-body =
    { $customer_name } 様

    { $failed }

    以下のリンクから、カードの更新（または別のお支払い方法の選択）ができます。

    { $portal_link }

    未払いの請求書もこちらからお支払いいただけます。

    今後ともよろしくお願いいたします。
    { $business_name }
mail-session-expires = このリンクの有効期間は短くなっています。期限が切れた場合は、このメールにご返信いただければ新しいリンクをお送りします。
mail-no-name = お客
