cli-error = エラー: { $message }

## key set, key status, key forget

cli-key-prompt = Stripe のシークレットキーを貼り付けて (入力は表示されません)、Enter を押してください:
cli-key-not-verified = Stripe では確認していません (--no-verify)。
cli-key-offline-hint = 確認せずにキーを保存するには、`portal-desk key set --no-verify` を実行してください。
cli-key-unreadable = 標準入力からキーを読み取れませんでした: { $error }
cli-no-key = プロファイル { $profile } には Stripe キーが保存されていません。`portal-desk --profile { $profile } key set` を実行してキーを貼り付けてください
cli-environment-key-unusable = STRIPE_API_KEY が設定されていますが、使用できません: { $error }
cli-key-removed = プロファイル { $profile } の Stripe キーをキーチェーンから削除しました。
cli-key-none-to-remove = プロファイル { $profile } には Stripe キーが保存されていなかったため、削除するものはありません。

cli-key-label-profile = プロファイル:
cli-key-label-mode = モード:
cli-key-label-kind = キーの種類:
cli-key-label-last4 = 末尾:
cli-key-label-business = ビジネス名:
cli-key-label-account = アカウント:
cli-key-label-source = 読み込み元:
cli-key-mode = { $mode ->
    [live] 本番環境
   *[test] テスト環境
}
cli-key-kind = { $kind ->
    [restricted] 制限付きキー
   *[secret] シークレットキー
}
cli-key-source-keychain = OS のキーチェーン
cli-key-source-environment = 環境変数 STRIPE_API_KEY

## CLI 自体のエラー

cli-runtime-failed = ネットワーク処理を開始できませんでした: { $error }
cli-no-display = ディスプレイが見つからないため、ウィンドウを開けません。`xvfb-run -a portal-desk` などで仮想ディスプレイ上で実行するか、コマンドを使ってください (`portal-desk --help` を参照)。

## sync

cli-sync-interrupted = 同期が中断されました。ここまでに読み込んだデータは保持され、`portal-desk sync` で再開できます
cli-sync-resume-hint = これより前に同期したデータは保持されています。再開するには、もう一度 `portal-desk sync` を実行してください。
cli-sync-summary = 同期しました ({ $mode ->
        [full] 完全同期
       *[incremental] 差分同期
    }): 顧客 { $customers } 件、サブスクリプション { $subscriptions } 件、請求書 { $invoices } 件、支払い方法 { $payment_methods } 件、価格 { $prices } 件、商品 { $products } 件。イベント { $events } 件を反映しました。
cli-sync-requests = リクエスト { $requests } 件 (再試行 { $retries } 件)、{ $seconds } 秒。
cli-sync-list = { $name ->
    [customers] 顧客
    [subscriptions] サブスクリプション
    [invoices] 請求書
    [payment_methods] 支払い方法
    [prices] 価格
    [products] 商品
    [events] イベント
   *[other] { $name }
}
cli-sync-list-reading = リクエスト { $requests } 件
cli-sync-list-done = リクエスト { $requests } 件、完了
cli-sync-retried-so-far = これまでに { $retries } 件のリクエストを再試行しました

## customers, show

cli-cache-empty = プロファイル { $profile } のキャッシュは空です。先に `portal-desk sync` を実行してください。
cli-customers-shown = 顧客 { $total } 件中 { $shown } 件
cli-not-a-customer-id = { $id } は Stripe の顧客 ID ではありません。顧客 ID は cus_ に英数字が続く形式です
cli-customer-not-cached = 顧客 { $id } はプロファイル { $profile } のキャッシュにありません。削除されたか、前回の同期より後に作成された可能性があります (`portal-desk sync` を実行してください)

cli-show-unnamed = 名前のない顧客
cli-show-email = メール:
cli-show-phone = 電話:
cli-show-address = 住所:
cli-show-renews = 更新日:
cli-show-canceled = キャンセル日:
cli-show-subscription = サブスクリプション
cli-show-none = なし
cli-show-per = { $interval ->
    [day] / 日
    [week] / 週
    [month] / 月
    [year] / 年
   *[other] / { $interval }
}
cli-show-every = { $interval ->
    [day] / { $count } 日
    [week] / { $count } 週
    [month] / { $count } か月
    [year] / { $count } 年
   *[other] / { $count } { $interval }
}
cli-show-cancels-at-period-end = 期間終了時にキャンセル: { $date }
cli-show-payment-failed = 支払い失敗: { $invoices ->
        [1] 請求書 { $invoice }
       *[other] 請求書 { $invoices } 件 (最新は { $invoice })
    } の { $amount } が未払い。{ $retry }
cli-show-retry-on = Stripe は { $date } に再試行します
cli-show-no-retry = 自動再試行はありません
cli-show-payment-methods = 支払い方法
cli-show-none-cached = キャッシュにありません
cli-show-expires = 有効期限 { $date }
cli-show-default = (デフォルト)
cli-show-expired = 期限切れ
cli-show-recent-invoices = 最近の請求書

## portal

cli-portal-opened = { $customer } のカスタマーポータルをブラウザーで開きました。
cli-portal-browser-failed = ブラウザーを開けませんでした ({ $error })。上のリンクは数分間有効です。
cli-flow-needs-price = --flow subscription_update_confirm には --price (新しい価格の ID) が必要です

## configs

cli-configs-none = ポータル設定はまだありません。`portal-desk configs create --recommended` で作成できます。
cli-configs-account-default = アカウントのデフォルト
cli-configs-used-here = このプロファイルで使用中
cli-configs-inactive = 無効
cli-configs-no-headline = (見出しなし)
cli-configs-login-page = ログインページ: { $url }
cli-configs-profile-uses = プロファイル { $profile } はポータル設定 { $id } を使用します。
cli-configs-created = ポータル設定 { $id } を作成しました。
cli-configs-now-used = プロファイル { $profile } は今後この設定でポータルを開きます。
cli-configs-now-uses = プロファイル { $profile } は今後ポータル設定 { $id } でポータルを開きます。

cli-config-headline = 見出し:
cli-config-privacy-policy = プライバシーポリシー:
cli-config-terms-of-service = 利用規約:
cli-config-return-url = 戻り先リンク:
cli-config-login-page = ログインページ:
cli-config-invoice-history = 請求書の履歴:
cli-config-payment-methods = 支払い方法:
cli-config-customer-updates = 顧客情報の変更:
cli-config-cancel = キャンセル:
cli-config-plan-switching = プラン変更:
cli-config-on = オン
cli-config-off = オフ
cli-config-products = (商品 { $count } 件)

## email

cli-email-to = 宛先:
cli-email-subject = 件名:
cli-email-not-sent = 送信していません (--dry-run)。
cli-email-sent = { $to } にメールを送信しました。
cli-email-no-smtp = SMTP サーバーが設定されていません (`portal-desk smtp set` を参照)。メールソフトでメールを開きます。
cli-email-mail-program-failed = メールソフトを開けませんでした ({ $error })。送信するリンク:
cli-campaign-will-send = 送信予定
cli-campaign-will-skip = スキップ: { $reason }
cli-campaign-would-email = キャンペーン { $campaign }: 顧客 { $total } 件中 { $sending } 件にメールを送信します。送信していません (--dry-run)。
cli-campaign-sent = 送信済み
cli-campaign-failed = 失敗: { $reason }
cli-campaign-skipped = スキップ: { $reason }
cli-campaign-summary = キャンペーン { $campaign }: 送信 { $sent } 件、失敗 { $failed } 件、スキップ { $skipped } 件。
cli-campaign-failures = { $failed } 件のメールを送信できませんでした。同じコマンドをもう一度実行すると再試行します (同じ顧客に二重に送信されることはありません)

## smtp

cli-smtp-prompt = SMTP パスワード (入力は表示されません):
cli-smtp-password-unreadable = 標準入力から SMTP パスワードを読み取れませんでした: { $error }
cli-smtp-saved = プロファイル { $profile } の SMTP サーバー { $server } を保存しました。
cli-smtp-none = プロファイル { $profile } には SMTP サーバーが設定されていません。メールはメールソフトで開きます。
cli-smtp-removed = プロファイル { $profile } の SMTP サーバーを削除しました。
cli-smtp-label-host = サーバー:
cli-smtp-label-security = セキュリティ:
cli-smtp-label-login = ログイン ID:
cli-smtp-label-password = パスワード:
cli-smtp-label-from = 差出人:
cli-smtp-none-value = なし
cli-smtp-password-kept = キーチェーンに保存済み

## export, invoice pdf

cli-export-pdf-needs-invoices = --pdf は請求書の PDF を保存します。`export invoices` と一緒に使ってください
cli-export-wrote = { $kind ->
        [invoices] 請求書
       *[customers] 顧客
    } { $count } 件を { $path } に書き出しました
cli-pdf-unwritable = { $path } に書き込めませんでした: { $error }
cli-pdfs-saved = 請求書の PDF { $saved } 件を { $dir } に保存しました (保存済み { $skipped } 件)。
cli-pdfs-failed = 請求書の PDF { $failed } 件を保存できませんでした (上記を参照)。
