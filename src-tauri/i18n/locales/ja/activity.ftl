activity-card-added = { $who } が { $method } を追加しました
activity-card-removed = { $who } が { $method } を削除しました
activity-card-updated = { $who } が { $method } を更新しました
activity-invoice-paid = { $who } が請求書 { $number } を支払いました（{ $amount }）
activity-customer-created = { $who } が顧客になりました
activity-customer-deleted = { $who } が削除されました
activity-email-changed = { $who } がメールアドレスを { $from } から { $to } に変更しました
activity-name-changed = { $who } が名前を { $name } に変更しました
activity-address-changed = { $who } が請求先住所を更新しました
activity-phone-changed = { $who } が電話番号を更新しました
activity-default-payment-method-changed = { $who } が { $method } をデフォルトの支払い方法にしました
activity-subscription-created = { $who } が { $plan } に登録しました
activity-plan-changed = { $who } が { $from } から { $plan } に変更しました
activity-quantity-changed = { $who } が { $plan } の数量を { $from } から { $to } に変更しました
activity-subscription-canceled = { $who } の { $plan } サブスクリプションがキャンセルされました
activity-cancel-scheduled = { $ends ->
    [none] { $who } が { $plan } を期間終了時にキャンセルしました
   *[other] { $who } が { $plan } を期間終了時にキャンセルしました（{ $ends } に終了）
}
activity-cancel-withdrawn = { $who } が { $plan } を継続しました: キャンセルは取り消されました
activity-status-changed = { $who } の { $plan } サブスクリプションのステータス: { $status ->
    [active] 有効
    [past_due] 期日超過
    [unpaid] 未払い
    [trialing] トライアル中
    [incomplete] 未完了
    [incomplete_expired] 未完了（期限切れ）
    [canceled] キャンセル済み
    [paused] 一時停止中
   *[other] { $status }
}
activity-someone = ある顧客
activity-their-plan = プラン
activity-a-payment-method = 新しい支払い方法
activity-no-name = 名前なし
activity-no-email = メールなし
activity-notice-one = 顧客が請求情報を変更しました
activity-notice-many = カスタマーポータルで { $count } 件の変更がありました
activity-notice-more = ほか { $count } 件はアクティビティで確認できます
