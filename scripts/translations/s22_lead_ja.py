"""Japanese for the lead's strings of session 22 (Sankey on a phone)."""

LANG = "ja"

T = {
    'On a narrow screen the nodes carry numbers; the first table below gives their names.':
        '画面が狭いときはノードを番号で示します。名前は下の最初の表にあります。',
    'biogas': 'バイオガス',
    'construction minerals': '建設用鉱物資材',
    'conversion losses': '変換損失',
    'electricity and heat from waste': '廃棄物からの電力・熱',
    'energy content of waste': '廃棄物のエネルギー量',
    'glass and metals': 'ガラス・金属',
    'organics': '有機物',
    'organics (compost)': '有機物（堆肥）',
    'other materials': 'その他の素材',
    'paper': '紙',
    'phosphorus': 'リン',
    'plastics': 'プラスチック',
    'Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · left out with a problem: %(left_out)s':
        '読み込み行数：%(read)s · 書き込み：%(written)s · スキップ（ファイルと同一）：%(skipped)s · 問題があり除外：%(left_out)s',
}
P: dict = {}
