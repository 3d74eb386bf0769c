-customer-portal = カスタマーポータル
-dashboard = Stripe ダッシュボード

common-customers = { $count } 件の顧客

common-age-just-now = たった今
common-age-minutes = { $count } 分前
common-age-hours = { $count } 時間前
common-age-yesterday = 昨日
common-age-days = { $count } 日前
common-size-bytes = { $count } バイト
common-size-kb = { $size } KB
common-size-mb = { $size } MB
common-size-gb = { $size } GB

common-language-name = { $tag ->
    [de] ドイツ語
    [fr] フランス語
    [es] スペイン語
    [ja] 日本語
   *[en] 英語
}
