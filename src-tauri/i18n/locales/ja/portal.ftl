## メールのダイアログ

portal-email-title = ポータルのリンクをメールで送信
portal-email-card-title = カードの更新を依頼
portal-which-link = 送信するリンク
portal-email-login-link = ログインページ（推奨）: 有効期限はありません。顧客がメールアドレスを確認します
portal-email-direct-link = 直接リンク: ポータルがすぐに開きますが、数分で期限切れになります
portal-email-card-direct-link = 直接リンク: ポータルのカードページがすぐに開きますが、数分で期限切れになります
portal-email-to = 宛先:
portal-email-subject = 件名:
portal-email-body = メール本文
portal-email-custom-domain = リンクは Stripe のカスタムドメイン { $domain } で開きます。
portal-email-preparing = プレビューを準備しています…
portal-email-login-page-off = ポータルのログインページがオフになっています。有効期限のないリンクを送るにはオンにしてください（顧客はメールアドレスでログインします）。または、直接リンクを選択してください。
portal-turn-on-login-page = ログインページをオンにする
portal-email-done = 完了
portal-email-cancel = キャンセル
portal-email-sending = 送信中…
portal-email-send = 送信
portal-email-sent = 送信しました。まもなく顧客にメールが届きます。
portal-email-mail-app = メールアプリで送信準備ができたメールを開きました（ここから直接送信するには、設定で SMTP を設定してください）。

## 一括メール

portal-bulk-title = 複数の顧客にポータルのリンクを送信
portal-bulk-example = たとえば、期日超過の顧客全員にカードの更新を依頼できます。
portal-bulk-customers = 顧客
portal-bulk-everyone = すべて
portal-bulk-everyone-count = すべて（{ $count }）
portal-bulk-status-count = { $status }（{ $count }）
portal-bulk-status-active = 有効
portal-bulk-status-trialing = トライアル中
portal-bulk-status-past-due = 期日超過
portal-bulk-status-unpaid = 未払い
portal-bulk-status-incomplete = 未完了
portal-bulk-status-paused = 一時停止中
portal-bulk-status-canceled = キャンセル済み
portal-bulk-status-none = サブスクリプションなし
portal-bulk-status-needs-attention = 要対応
portal-bulk-search = 絞り込み（任意）
portal-bulk-search-placeholder = 名前、メール、ID、電話番号
portal-bulk-campaign = キャンペーン名（任意）
portal-bulk-campaign-placeholder = フィルターと今日の日付
portal-bulk-campaign-help = キャンペーンを再送しても、同じ顧客に 2 回送られることはありません。失敗した分は再試行されます。
portal-bulk-login-link = ログインページ（推奨）: 有効期限はありません。各顧客がメールアドレスを確認します
portal-bulk-direct-links = 直接リンク: ポータルがすぐに開きますが、数分で期限切れになります
portal-bulk-preview = 受信者をプレビュー
portal-bulk-recipients = 受信者
portal-bulk-login-page-off = ポータルのログインページがオフになっています。有効期限のないリンクを送るにはオンにするか、直接リンクを選択してください。
portal-bulk-offline = オフライン: メールには Stripe が作成するポータルのリンクが含まれます
portal-bulk-finding = 受信者を検索しています…
portal-bulk-nobody = このフィルターに一致する顧客はいません。
portal-bulk-recipients-table = 受信者の一覧
portal-bulk-column-customer = 顧客
portal-bulk-column-email = メール
portal-bulk-column-result = 結果
portal-bulk-outcome-sent = 送信済み
portal-bulk-outcome-failed = 失敗
portal-bulk-outcome-skipped = スキップ
portal-bulk-outcome-ready = 送信予定
portal-bulk-start = 送信先を選び、送信する前にリストをプレビューしてください。
portal-bulk-report = 送信 { $sent } 件 · 失敗 { $failed } 件 · スキップ { $skipped } 件
portal-bulk-campaign-done = キャンペーン「{ $campaign }」
portal-bulk-campaign-retry = キャンペーン「{ $campaign }」。同じキャンペーン名で再送すると、失敗した分を再試行できます。同じ顧客に 2 回届くことはありません。
portal-bulk-start-another = 新しく送信
portal-bulk-will-get = { $count } 件の顧客にメールが届きます
portal-bulk-skipped = · { $count } 件スキップ
portal-bulk-sending = { $count } 件を送信中…
portal-bulk-send-to = { $count } 件の顧客に送信

portal-email-language-customer = { $language } で作成: Stripe に登録された顧客の希望言語（{ $locale }）です。ポータルもこの言語で開きます。
portal-email-language-fallback = Portal Desk の言語（{ $language }）で作成: この顧客には、Portal Desk が対応する希望言語が Stripe に登録されていません。

portal-bulk-skip-already-emailed = このキャンペーンで送信済み
portal-bulk-skip-no-email = Stripe にメールアドレスがありません
portal-bulk-skip-unusable-address = メールアドレスを使用できません
