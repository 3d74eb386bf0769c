## 一覧

customers-chip-all = すべて
customers-owed = 未払い額：{ $amounts }
customers-needs-attention = 要対応
customers-filter-by-status = ステータスで絞り込み
customers-loading = 読み込み中…
customers-none-match = 該当する顧客はいません
customers-connecting = Stripe に接続しています…
customers-first-sync-read = { $what } · { $count } 件を読み込み済み
customers-first-sync-title = Stripe から顧客を取得しています
customers-first-sync-help = 初回の同期では、すべての顧客、サブスクリプション、請求書、カードを一度だけ読み込みます。その後は変更分のみを読み込みます。
customers-no-match = 該当する顧客が見つかりません。名前、メールアドレス、電話番号、cus_ ID の一部で検索してください。
customers-empty = 顧客はまだいません。「今すぐ同期」を押して Stripe から読み込んでください。
customers-list-label = 顧客
customers-search-placeholder = 名前、メール、電話番号、ID で検索   (Ctrl+K)
customers-search-label = 顧客を検索
customers-sort = 並べ替え
customers-sort-label = 顧客を並べ替え
customers-sort-name = 名前
customers-sort-newest = 新しい順
customers-sort-next-renewal = 次回更新日
customers-open-portal-for = { $name } のポータルを開く
customers-row-portal-offline = オフライン：ポータルを開くには Stripe への接続が必要です
customers-row-portal-title = ポータルを開く (Ctrl+Enter)
customers-row-portal = ポータル ↗

## サブスクリプションのステータス

customers-status-active = 有効
customers-status-trialing = トライアル中
customers-status-past-due = 期日超過
customers-status-canceled = キャンセル済み
customers-status-none = サブスクリプションなし
customers-status-unpaid = 未払い
customers-status-incomplete = 未完了
customers-status-expired = 期限切れ
customers-status-paused = 一時停止中

## 顧客

customers-detail-gone = この顧客はキャッシュにありません (Stripe で削除された可能性があります)。同期して一覧を更新してください。
customers-since = 顧客登録日 { $date }
customers-activity = アクティビティ
customers-activity-none = ポータルでの変更はまだありません。

customers-subscription = サブスクリプション
customers-subscription-none = サブスクリプションはありません。
customers-amount-unknown = 金額は未取得です
customers-price-per = { $amount } / { $interval ->
    [day] 日
    [week] 週
    [month] 月
    [year] 年
   *[other] { $interval }
}
customers-price-every = { $amount } / { $count } { $interval ->
    [day] 日
    [week] 週間
    [month] か月
    [year] 年
   *[other] { $interval }
}
customers-canceled-on = { $date } にキャンセル済み
customers-cancels-on = { $date } にキャンセル予定
customers-renews-on = { $date } に更新

customers-payment-failed = 支払いに失敗しました。
customers-owed-one = 請求書 { $invoice } の { $amount } が未払いです。
customers-owed-many = { $count } 件の請求書で { $amount } が未払いです。最新の請求書は { $invoice } です。
customers-retry-on = Stripe は { $date } にカードへの請求を再試行します。
customers-retry-was-due = Stripe は { $date } にカードへの請求を再試行する予定でした。結果を確認するには同期してください。
customers-retry-stopped = Stripe は再試行を停止しました。顧客による支払いまたはカードの更新が必要です。
customers-retry-none = 自動再試行は予定されていません。
customers-ask-update-card = カードの更新を依頼
customers-no-email-address = この顧客にはメールアドレスがありません
customers-ask-offline = オフライン：メール内のリンクには Stripe への接続が必要です

customers-payment-methods = 支払い方法
customers-payment-methods-none = 登録されている支払い方法はありません。
customers-card-expired = 有効期限切れ { $date }
customers-card-expires = 有効期限 { $date }
customers-card-default = デフォルト

customers-contact = 連絡先
customers-no-email = メールなし
customers-no-address = 請求先住所はありません。
customers-balance-credit = クレジット残高 { $amount }
customers-balance-owes = 未払い残高 { $amount }
customers-delinquent = 最新の請求書が未払いです。

## 請求書

customers-invoices = 請求書
customers-invoices-none = 請求書はありません。
customers-invoices-number = 番号
customers-invoices-date = 日付
customers-invoices-amount = 金額
customers-invoices-status = ステータス
customers-invoices-open = 開く
customers-invoice-draft = 下書き
customers-invoice-status-open = オープン
customers-invoice-status-paid = 支払い済み
customers-invoice-status-uncollectible = 回収不能
customers-invoice-status-void = 無効
customers-pdf-offline = オフライン：この PDF はまだ保存されていません
customers-pdf-saved = このコンピューターに保存済み
customers-pdf-download = 初回のみダウンロードし、以降はオフラインで開けます
customers-page-offline = オフライン：請求書ページには Stripe への接続が必要です
customers-page-title = Stripe の請求書ページ
customers-page = ページ ↗

## ポータルの操作

customers-open-portal = ポータルを開く
customers-opening = 開いています…
customers-more-links = その他のポータルリンク
customers-needs-subscription = 有効なサブスクリプションが必要です
customers-email-link = リンクをメール送信
customers-copy-link = リンクをコピー
customers-portal-offline = オフライン：ポータルには Stripe への接続が必要です。キャッシュ済みの請求情報は引き続き利用できます。
customers-portal-domain = Stripe のカスタムドメイン { $domain } で開きます
customers-portal-domain-help = Stripe のカスタムドメイン { $domain } で開きます。
customers-portal-opened = ブラウザでポータルを開きました。顧客がそこで行った変更は、戻ったときにここに表示されます。
customers-link-copied = リンクをコピーしました。1 回のみ有効で、数分で期限切れになります：
customers-link-copy = このリンクをコピーしてください (1 回のみ有効で、数分で期限切れになります)：
customers-portal-link = ポータルリンク
customers-dismiss = 閉じる
