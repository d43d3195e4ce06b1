"""Japanese for the knowledge app's interface (helper tr)."""

LANG = "ja"

T = {
    'No case matches. Try fewer words or another language.': '該当する事例はありません。キーワードを減らすか、別の言語でお試しください。',
    'Best-practice library': '優良事例ライブラリ',
    'demo': 'デモ',
    'Keywords': 'キーワード',
    'Source': '出典',
    'Key figures': '主要な数値',
    'Figure': '指標',
    'Value': '値',
    'Year': '年',
    'Related cases': '関連事例',
    'Similar cases': '類似事例',
    'Cases from coalition cities and beyond, written in English and Chinese. Search in either language.': '連合都市とその他の地域の事例で、英語と中国語で書かれています。どちらの言語でも検索できます。',
    'e.g. food waste, 食物垃圾, bricks, 产业共生': '例：食品廃棄物、れんが、産業共生',
    'Search cases': '事例を検索',
    'Thematic area': 'テーマ分野',
    'All areas': 'すべての分野',
    'R-strategy': 'R 戦略',
    'All R-strategies': 'すべての R 戦略',
    'Country': '国',
    'All countries': 'すべての国',
    'Search': '検索',
}

P = {
    '%(n)s case': '%(n)s 件の事例',
}
