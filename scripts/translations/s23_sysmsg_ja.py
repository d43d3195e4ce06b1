"""Japanese for the messages that refuse an urban-metabolism system definition (issues #12, #13)."""

LANG = "ja"

T = {
    # lifetimes
    "Expected a lifetime dict with a 'distribution' key, got %(value)s.":
        "寿命は 'distribution' キーを持つ辞書で指定してください。入力値：%(value)s。",
    "Expected distribution one of %(kinds)s, got %(value)s.":
        "分布は %(kinds)s のいずれかにしてください。入力値：%(value)s。",
    "; missing %(keys)s": "（不足：%(keys)s）",
    "; unexpected %(keys)s": "（不要：%(keys)s）",
    "Expected keys %(keys)s for a %(kind)s lifetime%(missing)s%(extra)s.":
        "%(kind)s 寿命にはキー %(keys)s が必要です%(missing)s%(extra)s。",
    "Expected %(name)s to be a finite number, got %(value)s.":
        "%(name)s は有限の数値にしてください。入力値：%(value)s。",
    "Expected %(name)s >= 0, got %(value)s.": "%(name)s は 0 以上にしてください。入力値：%(value)s。",
    "Expected %(name)s > 0, got %(value)s.": "%(name)s は 0 より大きくしてください。入力値：%(value)s。",
    # definition parts
    "Expected a dimension letter (one letter), got %(value)s.":
        "次元の記号は英字 1 文字にしてください。入力値：%(value)s。",
    "Expected dimension %(name)s to have at least one item.": "次元 %(name)s には項目が 1 つ以上必要です。",
    "Expected the items of dimension %(name)s to differ from each other.":
        "次元 %(name)s の項目が重複しています。",
    "Expected parameter %(name)s to have a value for %(year)s.":
        "パラメータ %(name)s に %(year)s 年の値がありません。",
    "Unknown layer %(code)s.": "不明なレイヤー %(code)s です。",
    "Unknown process %(code)s.": "不明なプロセス %(code)s です。",
    "Expected conversions between layers without a loop; these layers convert into each other: %(layers)s.":
        "レイヤー間の変換がループになっています。互いに変換し合うレイヤー：%(layers)s。",
    "Expected at least one year.": "年が 1 つ以上必要です。",
    "Expected at most %(n)d years.": "年は %(n)d 個までにしてください。",
    "Expected consecutive years without gaps.": "年は抜けのない連続した年にしてください。",
    "Expected every process code once.": "プロセスコードが重複しています。各コードは 1 回だけにしてください。",
    "Expected the boundary process %(code)s.": "システム境界のプロセス %(code)s が必要です。",
    "Expected at most %(processes)d processes and %(flows)d flows.":
        "プロセスは %(processes)d 個、フローは %(flows)d 本までにしてください。",
    "Expected at least one layer, each code once.":
        "レイヤーが 1 つ以上必要です。各レイヤーコードは 1 回だけにしてください。",
    "Expected every parameter name once.": "パラメータ名が重複しています。各名前は 1 回だけにしてください。",
    "flow %(origin)s → %(destination)s (%(layer)s)": "フロー %(origin)s → %(destination)s（%(layer)s）",
    "%(where)s: unknown process %(code)s.": "%(where)s：不明なプロセス %(code)s です。",
    "%(where)s: unknown layer %(code)s.": "%(where)s：不明なレイヤー %(code)s です。",
    "%(where)s: given twice; one flow per origin, destination and layer.":
        "%(where)s：重複しています。起点・終点・レイヤーの組み合わせごとにフローは 1 本です。",
    "%(where)s: year %(year)s is not one of the system's years.":
        "%(where)s：%(year)s 年はシステムの対象年に含まれていません。",
    "%(where)s: %(item)s is not an item of the second dimension.":
        "%(where)s：%(item)s は第 2 次元の項目ではありません。",
    "%(where)s: a flow from the boundary needs amounts, not a share.":
        "%(where)s：システム境界からのフローには配分率ではなく量を指定してください。",
    "%(where)s: what leaves an inflow-driven stock is computed by its lifetime; give no share.":
        "%(where)s：流入駆動型ストックからの流出は寿命から計算されます。配分率は指定しないでください。",
    "%(where)s: unknown parameter %(name)s.": "%(where)s：不明なパラメータ %(name)s です。",
    "stock at %(process)s (%(layer)s)": "%(process)s のストック（%(layer)s）",
    "%(where)s: expected a process of the system other than the boundary.":
        "%(where)s：システム境界以外のシステム内のプロセスを指定してください。",
    "%(where)s: given twice.": "%(where)s：重複しています。",
    "%(where)s: expected the outflow to go to another process of the system.":
        "%(where)s：流出先はシステム内の別のプロセスにしてください。",
    "%(where)s: a dynamic stock model needs at least three years.":
        "%(where)s：動的ストックモデルには 3 年以上が必要です。",
    "conversion at %(process)s (%(from_layer)s → %(to_layer)s)":
        "%(process)s での変換（%(from_layer)s → %(to_layer)s）",
    "indicator %(code)s: unknown layer %(layer)s.": "指標 %(code)s：不明なレイヤー %(layer)s です。",
    "indicator %(code)s: unknown process in %(origin)s → %(destination)s.":
        "指標 %(code)s：%(origin)s → %(destination)s に不明なプロセスがあります。",
    "Expected one of the system's years, got %(year)s.": "システムの対象年を指定してください。入力値：%(year)s。",
    "Expected parameter %(name)s, used as %(what)s, to lie in 0..1 every year.":
        "%(what)s として使うパラメータ %(name)s は、毎年 0～1 の範囲にしてください。",
    "Expected parameter %(name)s, used as %(what)s, not to be negative.":
        "%(what)s として使うパラメータ %(name)s は、負の値にしないでください。",
    "a share of %(origin)s → %(destination)s": "%(origin)s → %(destination)s の配分率",
    "Expected the shares in layer %(layer)s to leave every loop; a closed loop of shares adding to 1 cannot be solved.":
        "レイヤー %(layer)s の配分率は、どのループからも流出するようにしてください。配分率の合計が 1 の閉じたループは解けません。",
    "Expected the shares to leave every loop; a closed loop of shares adding to 1 cannot be solved.":
        "配分率は、どのループからも流出するようにしてください。配分率の合計が 1 の閉じたループは解けません。",
    "Expected the shares leaving %(process)s (%(layer)s, %(year)s) to add up to at most 1, got %(total)s.":
        "%(process)s から出る配分率（%(layer)s、%(year)s 年）の合計は 1 以下にしてください。合計：%(total)s。",
    "used up at %(process)s": "%(process)s での消費率",
    "the conversion factor at %(process)s": "%(process)s での変換係数",
    "Unknown parameter %(name)s.": "不明なパラメータ %(name)s です。",
    "No flow %(origin)s → %(destination)s in layer %(layer)s to remove.":
        "レイヤー %(layer)s に削除するフロー %(origin)s → %(destination)s はありません。",
    "Expected the two systems to share at least one year.": "2 つのシステムに共通の年が 1 つ以上必要です。",
    # reading a workbook or JSON
    "Expected an origin listed on the sheet 'processes', got %(value)s.":
        "起点はシート「processes」にあるプロセスにしてください。入力値：%(value)s。",
    "Expected a destination listed on the sheet 'processes', got %(value)s.":
        "終点はシート「processes」にあるプロセスにしてください。入力値：%(value)s。",
    "Expected a layer listed on the sheet 'layers', got %(value)s.":
        "レイヤーはシート「layers」にあるレイヤーにしてください。入力値：%(value)s。",
    "%(where)s: expected an object of year: value.": "%(where)s：「年: 値」のオブジェクトにしてください。",
    "%(where)s: expected a year as key, got %(key)s.": "%(where)s：キーは年にしてください。入力値：%(key)s。",
    "Expected key %(key)s in the definition.": "定義にキー %(key)s がありません。",
    "Expected the shape of a system definition: %(error)s.": "システム定義の形式になっていません：%(error)s。",
    "Expected a JSON object with dimensions, processes, layers and flows.":
        "dimensions、processes、layers、flows を持つ JSON オブジェクトにしてください。",
    "Expected a time dimension with letter 't' and its years as items.":
        "記号 't' の時間次元が必要です（項目は年）。",
    "Expected at most one dimension besides time.": "時間以外の次元は 1 つまでです。",
    "Expected origin>destination, got %(value)s.": "「起点>終点」の形式にしてください。入力値：%(value)s。",
    # dynamic stock models (core/mfa/stock.py)
    "inflow": "流入量",
    "stock": "ストック",
    "Expected %(name)s to be a list of numbers.": "%(name)sは数値のリストにしてください。",
    "Expected %(name)s to have one value per year (%(n)s), got %(got)s.":
        "%(name)sは各年 1 つずつ（%(n)s 個）の値にしてください。入力：%(got)s 個。",
    "Expected every %(name)s value to be a finite number.": "%(name)sの値はすべて有限の数値にしてください。",
    "Expected %(name)s >= 0 in every year.": "%(name)sは毎年 0 以上にしてください。",
    "Expected at least three years.": "年が 3 つ以上必要です。",
    "Expected whole years, got %(value)s.": "年は整数にしてください。入力値：%(value)s。",
    "Expected years strictly increasing and consecutive (step 1).": "年は 1 年刻みで連続して増えるようにしてください。",
    "Expected exactly one of inflow and stock.": "流入量とストックのどちらか一方だけを指定してください。",
    "Expected a lifetime.": "寿命を指定してください。",
    "Expected a lifetime under which products survive their first year; a stock-driven model cannot be solved otherwise.":
        "製品が 1 年目を越えて残る寿命にしてください。そうでないとストック駆動型モデルは解けません。",
    # systems/services.py (Django catalogue of the systems app)
    "This change leaves an imbalance that is not accepted, and balance is blocking for this system: accept the imbalance with a reason, or unpublish first.":
        "この変更では承認されていない不均衡が残ります。このシステムでは収支の不均衡が公開を妨げます。理由を添えて不均衡を承認するか、先に公開を取り消してください。",
    "Unknown fields: %(fields)s.": "不明な項目：%(fields)s。",
    "No flow %(origin)s → %(destination)s in layer %(layer)s.":
        "レイヤー %(layer)s にフロー %(origin)s → %(destination)s はありません。",
    "No conversion of %(from_layer)s into %(to_layer)s at %(process)s.":
        "%(process)s に %(from_layer)s から %(to_layer)s への変換はありません。",
}
P: dict = {}
