error-key-format = 使用できる Stripe のシークレットキーではありません。Stripe ダッシュボードの「開発者」→「API キー」からコピーしてください。キーは sk_test_、sk_live_、rk_test_、rk_live_ のいずれかで始まります。
error-key-rejected = Stripe がこのキーを拒否しました（無効か、取り消されています）。Stripe ダッシュボードの「開発者」→「API キー」から最新のキーをコピーしてください。
error-missing-permissions = この制限付きキーには、Portal Desk に必要な権限がありません: { $permissions }。Stripe ダッシュボード（「開発者」→「API キー」）でキーを編集し、許可してください。
error-rate-limited = Stripe がこのアカウントのリクエストを制限しています。{ $expected } 件中 { $read } 件を読み込みました。次回の同期で続きを読み込みます。
error-stripe-said = Stripe がリクエストを拒否しました: { $message }
error-no-key = プロファイル { $profile } には Stripe キーが保存されていません。先に Stripe アカウントを接続してください。
error-keychain-unavailable = システムのキーチェーンにアクセスできません。Portal Desk は Stripe キーをキーチェーンにのみ保存します。起動していてロックが解除されていることを確認してください。
error-invalid-customer-id = { $id } は Stripe の顧客 ID ではありません。顧客 ID は cus_ に英数字が続く形式です。
error-unknown-customer = Stripe に顧客 { $id } は存在しません。ID を確認するか、同期して一覧を更新してください。
error-deleted-customer = 顧客 { $id } は Stripe で削除されているため、開けるポータルはありません。
error-no-subscription = { $customer } には有効なサブスクリプションがありません。
error-several-items = サブスクリプション { $subscription } には複数の品目があります。ポータルで変更を確定できるのは品目が 1 つのサブスクリプションだけです。代わりにプラン変更のリンクを使ってください。
error-invalid-url = { $url } は使用できません。https:// で始まるアドレスを入力してください。
error-not-configured = Stripe のカスタマーポータルは、まだ{ $mode ->
    [live] 本番環境
   *[test] テスト環境
}で設定されていません。Stripe ダッシュボードでポータルの設定を保存するか、Portal Desk に適切な設定で作成させてください。
error-login-page-off = ポータル設定 { $configuration } のログインページがオフになっています。期限のないリンクをメールで送るにはオンにしてください。数分で期限切れになるセッションリンクを送ることもできます。
error-no-email = { $customer } には Stripe にメールアドレスが登録されていません。Stripe ダッシュボードで追加するか、代わりにリンクをコピーしてください。
error-bad-address = { $address } は使用できるメールアドレスではありません。
error-bad-smtp-settings = SMTP 設定を使用できません。設定でサーバー、ポート、送信者を確認してください。
error-send-failed = メールを送信できませんでした: { $reason }。
error-unknown-placeholder = メールのテンプレートに Portal Desk が知らない { $placeholder } が含まれています。{"{"}customer_name{"}"}、{"{"}business_name{"}"}、{"{"}portal_link{"}"} を使ってください。
error-invalid-key = この Stripe キーは使用できません。Stripe ダッシュボードの「開発者」→「API キー」から最新のキーをコピーしてください。
error-invalid-profile = このプロファイル名は使用できません。1〜40 文字の英数字、- または _ を使ってください。
error-offline = Stripe に接続できません。インターネット接続を確認して、もう一度お試しください。
error-no-key-saved = このプロファイルには Stripe キーが保存されていません。先に Stripe アカウントを接続してください。
error-invalid-input = 入力された値を使用できません。確認して、もう一度お試しください。
error-not-found = Stripe にそのオブジェクトが存在しないか、削除されています。同期して一覧を更新してください。
error-portal-not-set-up = Stripe のカスタマーポータルは、このモードではまだ設定されていません。Stripe ダッシュボードでポータルの設定を保存してください。
error-login-page-is-off = ポータルのログインページがオフになっています。期限のないリンクをメールで送るにはオンにしてください。
error-stripe-refused = Stripe がリクエストを拒否しました。しばらくしてからもう一度お試しください。
error-mail-failed = メールを送信できませんでした。SMTP 設定を確認してください。
error-bridge = Portal Desk のウィンドウが本体と通信できません。アプリを再起動してください。
error-internal = Portal Desk で問題が発生しました。もう一度お試しください。繰り返し起きる場合は、アプリを再起動してください。
