"""Japanese for the web app's interface (helper tr)."""

LANG = "ja"

T = {
    'Circular Cities: secretariat administration': 'Circular Cities：事務局管理',
    'Circular Cities administration': 'Circular Cities 管理',
    'Secretariat administration': '事務局管理',
    'is not valid': 'は無効です',
    "Field '%(field)s': %(message)s.": '項目「%(field)s」：%(message)s。',
    'The body must be a JSON object (numbers finite, no NaN or Infinity, no NUL in text).': 'リクエスト本文は JSON オブジェクトである必要があります（数値は有限値、NaN や Infinity は不可、テキストに NUL を含めないでください）。',
    'Too many requests; try again shortly.': 'リクエストが多すぎます。しばらくしてから再度お試しください。',
    'You may not change this.': 'この項目を変更する権限がありません。',
    'Sign in or send a personal API token to change data.': 'データを変更するには、サインインするか個人用 API トークンを送信してください。',
    'Not found.': '見つかりません。',
    'Home': 'ホーム',
    'Cities': '都市',
    'Working groups': 'ワーキンググループ',
    'Cases': '事例',
    'Events': 'イベント',
    'Diagnosis': '診断',
    'Plans': '計画',
    'Marketplace': 'マーケットプレイス',
    'Logistics': '物流',
    'Not allowed': '許可されていません',
    'You may not do this': 'この操作は許可されていません',
    'Your account does not have the right to change this.': 'お使いのアカウントには、これを変更する権限がありません。',
    'Back to the home page': 'ホームページに戻る',
    'Not found': '見つかりません',
    'Page not found': 'ページが見つかりません',
    'Circular Cities Platform': 'Circular Cities プラットフォーム',
    'Circular Cities': 'Circular Cities',
    'Menu': 'メニュー',
    'Sign out': 'サインアウト',
    'Sign in': 'サインイン',
    'Demo installation: the data shown is demonstration data drawn from public case studies. Generated or estimated figures are labelled.': 'デモ環境：表示されているデータは、公開された事例研究から作成したデモデータです。生成値や推計値にはその旨を表示しています。',
    'Circular Cities Platform – open-source software for cities moving from waste management to resource management.': 'Circular Cities プラットフォーム – 廃棄物管理から資源管理へ移行する都市のためのオープンソースソフトウェア。',
    'API': 'API',
    'not yet translated': '未翻訳',
    'The upload is larger than %(mb)s MB, the most this platform accepts. Split the file into smaller ones and upload them one by one.': 'アップロードされたファイルが、このプラットフォームの上限である %(mb)s MB を超えています。ファイルを小さく分割し、1 つずつアップロードしてください。',
}

P = {
}
