"""Japanese for the waste-stream rules in core (core catalogue)."""

LANG = "ja"
T = {
    'The treatment routes add up to %(routes)s t, more than the %(generated)s t generated.': '処理ルートの合計 %(routes)s t が発生量 %(generated)s t を超えています。',
    'Collected (%(collected)s t) is more than generated (%(generated)s t).': '収集量（%(collected)s t）が発生量（%(generated)s t）を超えています。',
    'Uncontrolled disposal (%(value)s t) is more than landfill, incineration and other together (%(limit)s t).': '管理されていない処分量（%(value)s t）が埋立・焼却・その他の合計（%(limit)s t）を超えています。',
    'Waste utilised from storage is recorded for industrial solid waste only.': '保管分からの利用量は産業固形廃棄物についてのみ記録できます。',
    'Expected a month from 1 to 12; got %(value)s.': '月は 1 から 12 で指定してください。入力値：%(value)s。',
    "'%(value)s' is not a code of the EU List of Waste (six digits such as 20 01 08).": '「%(value)s」は欧州廃棄物リストのコードではありません（20 01 08 のような6桁）。',
}
