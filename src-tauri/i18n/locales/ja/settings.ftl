# 設定: プロファイルと Stripe キー、ポータルリンクと同期、メール（SMTP）、
# CSV エクスポート、ローカルキャッシュ。

settings-loading = 読み込み中…
settings-title = 設定

## 操作後のお知らせ

settings-saved = 保存しました。
settings-cleared = キャッシュを削除しました。次回の同期で Stripe からすべて読み込み直します。
settings-password-removed = { $notice }SMTP サーバーが変更されたため、以前のサーバー用に保存したパスワードは削除されました。新しいサーバーのパスワードを入力してください。
settings-exported-customers = { $count } 件の顧客を { $path } に保存しました。
settings-exported-invoices = { $count } 件の請求書を { $path } に保存しました。

## プロファイル

settings-profile-title = プロファイル
settings-profile-intro = プロファイルごとに 1 つの Stripe アカウント（またはそのテスト環境）を扱い、キー、キャッシュ、設定もそれぞれ別に保存されます。
settings-open-profile = プロファイルを開く
settings-add-profile = プロファイルを追加
settings-new-profile-placeholder = 例: live、acme-eu
settings-add = 追加
settings-profile-name-rule = 英数字、- と _ のみ（40 文字以内）
settings-forget-key = このプロファイルのキーを削除…
settings-forget-confirm = 「{ $profile }」の Stripe キーをこのコンピューターのキーチェーンから削除しますか？キャッシュは残りますが、同期やポータルを開くには再びキーが必要になります。
settings-forget-yes = キーを削除
settings-keep-it = 削除しない

## ポータルリンクと同期

settings-preferences-title = ポータルリンクと同期
settings-return-url-label = ポータルからの戻り先リンク
settings-return-url-placeholder = https://your-site.example/account
settings-return-url-help = ポータルの「… に戻る」で顧客が移動する先です。空欄の場合はポータル設定の戻り先リンクを使います。
settings-sync-interval-label = 同期間隔（分）
settings-sync-interval-help = ウィンドウを開いている間のみ。0 でオフになります
settings-sync-rate-label = 同期速度
settings-sync-rate-help = 1 秒あたりのリクエスト数。空欄の場合は Stripe の標準割り当て（本番環境 50、テスト環境 23）です。Stripe でアカウントの上限が引き上げられた場合にのみ増やしてください。

## メール

settings-email-title = メール
settings-sign-emails-as = メールの署名
settings-business-name-placeholder = ビジネス名
settings-sign-emails-as-help-account = 空欄の場合は Stripe アカウントのビジネス名を使います。
settings-sign-emails-as-help-no-account = このキーでは Stripe アカウントの名前を読み取れません。顧客に知られている名前を入力してください。
settings-smtp-on = 自分の SMTP サーバーでメールを送信（オフの場合はメールアプリで開きます）
settings-smtp-host = サーバー
settings-smtp-host-placeholder = smtp.example.com
settings-smtp-port = ポート
settings-smtp-security = セキュリティ
settings-smtp-starttls = STARTTLS（ポート 587）
settings-smtp-tls = TLS（ポート 465）
settings-smtp-no-tls = なし（このコンピューター上のサーバー）
settings-smtp-from = 差出人
settings-smtp-from-placeholder = ショップ名 <billing@example.com>
settings-smtp-username = ログイン ID
settings-smtp-password = パスワード
settings-password-hint-new-server = 新しいサーバーのパスワードを入力してください
settings-password-hint-saved = キーチェーンに保存済み
settings-password-hint-optional = サーバーでログインが必要な場合のみ
settings-smtp-password-changed = サーバーが変更されました。パスワードを入力してください
settings-save = 保存

## 入力欄の下に表示する問題

settings-problem-return-url = https:// で始まる安全なリンクを使用してください
settings-problem-interval = 0（オフ）～ 1440（1 日 1 回）の分数で入力してください
settings-problem-rate = 1 ～ 1000 の整数を入力してください。空欄の場合は Stripe の標準割り当てです
settings-problem-business-name-long = 100 文字以内で入力してください
settings-problem-business-name-line = 顧客に表示されるとおり、1 行で入力してください
settings-problem-host = サーバー名を入力してください（例: smtp.example.com）
settings-problem-port = 1 ～ 65535 のポート番号を入力してください（通常は 587）
settings-problem-from = billing@example.com や 名前 <billing@example.com> の形式で入力してください

## CSV エクスポート

settings-export-title = エクスポート
settings-export-intro = キャッシュ内の顧客または請求書を CSV ファイルに保存し、表計算ソフトで開いたり会計担当者に渡したりできます。オフラインでも使えます。最新の内容にするには先に同期してください。
settings-export-customers = 顧客をエクスポート…
settings-export-invoices = 請求書をエクスポート…

## ローカルキャッシュ

settings-cache-title = キャッシュ
settings-cache-intro = 顧客とその請求情報はこのコンピューターに保存されるため、すぐに、オフラインでも開けます。
settings-data-folder = データフォルダー
settings-cache-file = キャッシュファイル
settings-size = サイズ
settings-cache-size = { $cache } · 保存済みの請求書 PDF { $pdfs }
settings-clear-cache = キャッシュを削除…
settings-clear-confirm = キャッシュと保存済みの PDF を削除しますか？Stripe 上のデータは変わりません。次回の同期ですべて読み込み直します。
settings-clear-yes = キャッシュを削除

settings-language-title = 言語
settings-language-label = Portal Desk の表示言語
settings-language-system = システムの言語
settings-language-hint = このコンピューターのすべてのプロファイルに適用され、日付と金額の表示も合わせて変わります。顧客へのメールは、Stripe に登録された顧客の言語で送られます。
