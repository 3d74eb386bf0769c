## 起動と上部バー

desk-loading = 読み込み中…
desk-sandbox-title = デモ: このアプリは Stripe ではなく、ローカルの Stripe サンドボックスと通信しています
desk-sandbox-chip = サンドボックス · { $url }
desk-back-to-profile = { $profile } に戻る
desk-profile-name = プロファイル { $profile }
desk-activity = アクティビティ

## セクション

desk-sections = セクション
desk-view-customers = 顧客
desk-view-portal-settings = ポータル設定
desk-view-bulk-email = 一括メール
desk-view-settings = 設定

## バナー

desk-test-mode = テスト環境
desk-test-mode-note = テストデータを表示しています。ここでの操作で実際の顧客に請求されることはありません。
desk-offline = オフライン
desk-offline-note = Stripe に接続できません。キャッシュ済みのデータはそのまま使えます。ポータルを開く、リンクをメールで送る、同期するといった操作は、ネットワークが戻るまで待機します。

## 右側のパネル

desk-customer-pane = 顧客
desk-choose-customer = 顧客を選ぶと、請求情報を確認したりポータルを開いたりできます。
desk-shortcuts = Ctrl+K または / で検索 · ↑ ↓ で移動 · Enter で開く · Ctrl+Enter でポータルを開く
desk-portal-not-opened = ポータルのリンクは作成されましたが、ブラウザーが開きませんでした。代わりに「リンクをコピー」を使ってください。

## 同期

desk-syncing-of = 同期中: { $what } · { $done } / { $total }
desk-syncing-count = 同期中: { $what } · { $done }
desk-syncing = 同期中…
desk-sync-what-customers = 顧客
desk-sync-what-subscriptions = サブスクリプション
desk-sync-what-invoices = 請求書
desk-sync-what-prices = 価格
desk-sync-what-products = 商品
desk-sync-what-payment-methods = 支払い方法
desk-sync-what-billing-data = 請求データ
desk-sync-what-changes = 変更内容
desk-sync-what-connecting = 接続
desk-sync-what-finishing = 最終処理
desk-sync-progress = 同期の進行状況
desk-sync-paused-offline = 同期を一時停止中: オフライン
desk-sync-failed = 同期に失敗しました: { $error }
desk-retry = 再試行
desk-synced = 最終同期: { $age }
desk-not-synced = 未同期
desk-sync-now = 今すぐ同期

## ポータル設定がまだない場合

desk-setup-portal-title = 先にカスタマーポータルを設定してください
desk-setup-portal-body = ポータルを開くには、Stripe のポータル設定 (顧客が変更できる内容) が必要です。Portal Desk で推奨設定を作成できます。顧客はカード、メールアドレス、住所の更新、請求書の確認、期間終了時のキャンセルができるようになります。設定は後から Stripe で変更できます。
desk-cancel = キャンセル
desk-open-stripe-settings = Stripe の設定を開く
desk-creating = 作成中…
desk-create-settings = 推奨設定を作成

## ポータルへの直接リンク

desk-flow-update-card = カードを更新
desk-flow-cancel-subscription = サブスクリプションをキャンセル
desk-flow-change-plan = プランを変更

## アクティビティ

desk-activity-help = Stripe のイベントとの同期で見つかった、ポータルでの変更です。
desk-activity-empty = まだ何もありません。顧客がポータルでカードの更新、プランの変更、キャンセルを行うと、次回の同期後にここに表示されます。

## アカウントの接続

desk-connect-title = Stripe アカウントを接続
desk-connect-lead = Portal Desk なら、顧客の Stripe カスタマーポータルをワンクリックで開けます。請求履歴もオフラインでいつでも確認できます。
desk-key-existing = プロファイル { $profile } には、末尾が ...{ $last4 } の{ $mode ->
        [live] 本番環境
       *[test] テスト環境
    }のキーがすでに保存されています。新しいキーを保存すると置き換えられます。
desk-key-existing-named = プロファイル { $profile } ({ $business }) には、末尾が ...{ $last4 } の{ $mode ->
        [live] 本番環境
       *[test] テスト環境
    }のキーがすでに保存されています。新しいキーを保存すると置き換えられます。
desk-secret-key = シークレットキー
desk-key-placeholder = sk_test_… または sk_live_…
desk-key-hide = 非表示
desk-key-show = 表示
desk-key-help-start = シークレットキー (sk_…) または制限付きキー (rk_…) を使用してください。キーは{" "}
desk-key-help-link = Stripe ダッシュボード → 開発者 → API キー
desk-key-help-end = {" "}で取得できます。キーはこのコンピューターのキーチェーンにのみ保存され、再び表示されることはありません。
desk-save-unchecked = 確認せずに保存
desk-key-saved = プロファイル { $profile } にキーを保存しました ({ $mode ->
        [live] 本番環境
       *[test] テスト環境
    }、末尾 ...{ $last4 })
desk-key-verified-name-account = Stripe で確認済み: { $name } ({ $account })
desk-key-verified-name = Stripe で確認済み: { $name }
desk-key-verified-account = Stripe で確認済み: アカウント { $account }
desk-key-verified = Stripe で確認済みです (このキーではアカウント名を読み取れない場合があります)。
desk-key-unchecked = Stripe ではまだ確認されていません。オンラインになったら、もう一度保存して確認してください。
desk-continue = 顧客一覧へ進む
desk-checking-key = Stripe で確認中…
desk-saving = 保存中…
desk-save-key = キーを保存
desk-demo-summary = Stripe アカウントをお持ちでない場合は、デモをお試しください
desk-demo-before = Portal Desk のソースフォルダーで{" "}
desk-demo-after = {" "}を実行してください。架空の顧客を含むローカルの Stripe サンドボックスが起動し、デモ用のテストキーをキーチェーンに保存して、このウィンドウで開きます。データがコンピューターの外に送信されることはありません。
