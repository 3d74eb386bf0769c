-customer-portal = カスタマーポータル
-dashboard = Stripe ダッシュボード

common-customers = { $count } 件の顧客
