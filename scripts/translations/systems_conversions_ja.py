"""Japanese for conversions between layers (systems app and core)."""

LANG = "ja"

T = {
    'Uses up': '消費するもの',
    'Yields': '生み出すもの',
    'Share used up of what the process receives': 'プロセスが受け取る量のうち消費される割合',
    'Yield per unit used up': '消費1単位あたりの産出',
    "e.g. 0.5 MWh per t; a number or a parameter's name": '例：1 t あたり 0.5 MWh。数値またはパラメーター名',
    'Conversions between layers': 'レイヤー間の変換',
    'Where one layer becomes another: the share of what the process receives in one layer that is used up, and what each unit used up yields in another layer. Both sides count in the balance.': 'あるレイヤーが別のレイヤーに変わる箇所です。プロセスがあるレイヤーで受け取る量のうち消費される割合と、消費1単位が別のレイヤーで生み出す量を示します。両側とも収支に含まれます。',
    'Share used up': '消費割合',
    'Yield per unit': '単位あたり産出',
    'In %(year)s': '%(year)s 年',
    'Actions': '操作',
    'No conversion.': '変換はありません。',
    'Add or change a conversion': '変換を追加・変更',
    'Save the conversion': '変換を保存',
    'Conversion at %(process)s saved.': '%(process)s の変換を保存しました。',
    'Conversion removed.': '変換を削除しました。',
    'Converted from %(layer)s': '%(layer)sから変換',
    'Converted into %(layer)s': '%(layer)sへ変換',
    'Expected a layer other than the one converted from (%(value)s).': '変換元（%(value)s）とは別のレイヤーを指定してください。',
}
