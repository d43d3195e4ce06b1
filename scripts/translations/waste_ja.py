"""Japanese for the waste app's strings."""

LANG = "ja"

T = {
    "File (CSV or Excel .xlsx)":
        "ファイル（CSV または Excel .xlsx）",
    "Area":
        "分野",
    "Quality":
        "データ品質",
    "Stream":
        "廃棄物の流れ",
    "EU List of Waste code":
        "EU廃棄物リストのコード",
    "Year":
        "年",
    "Month (0 = whole year)":
        "月（0 = 通年）",
    "Generated (t)":
        "発生量（t）",
    "Collected (t)":
        "収集量（t）",
    "Of which to uncontrolled sites (t)":
        "うち管理されていない処分先（t）",
    "Utilised from storage (t)":
        "過年度保管分の利用量（t）",
    "Source":
        "出典",
    "Reading and checking every row.":
        "すべての行を読み込んで確認しています。",
    "Recycling rate":
        "リサイクル率",
    "Energy-recovery rate":
        "エネルギー回収率",
    "Incineration rate (without energy recovery)":
        "焼却率（エネルギー回収なし）",
    "Landfill rate":
        "埋立率",
    "Other routes":
        "その他の処理",
    "Comprehensive utilisation rate":
        "総合利用率",
    "SDG 11.6.1: collected and managed in controlled facilities":
        "SDG 11.6.1：収集され管理された施設で処理された割合",
    "Industrial solid waste":
        "産業固形廃棄物",
    "Agricultural waste":
        "農業廃棄物",
    "Household (municipal solid) waste":
        "家庭ごみ（一般廃棄物）",
    "Construction and demolition waste":
        "建設解体廃棄物",
    "Hazardous waste":
        "有害廃棄物",
    "Preparing for reuse":
        "再使用の準備",
    "Recycling":
        "リサイクル",
    "Composting / anaerobic digestion":
        "堆肥化／嫌気性消化",
    "Incineration with energy recovery":
        "エネルギー回収を伴う焼却",
    "Incineration without energy recovery":
        "エネルギー回収なしの焼却",
    "Landfill":
        "埋立",
    "Other":
        "その他",
    "measured":
        "実測",
    "estimated":
        "推計",
    "proxy":
        "代替値",
    "computed":
        "計算値",
    "Only the editors of %(city)s or the secretariat can change its waste streams.":
        "%(city)sの編集者または事務局のみが廃棄物の流れを変更できます。",
    "axis from 0":
        "軸は0から",
    "Waste streams of %(city)s":
        "%(city)sの廃棄物の流れ",
    "Waste streams":
        "廃棄物の流れ",
    "Action plan":
        "行動計画",
    "Every rate is computed from the tonnes recorded below; its formula is shown with it. Routes never add up to more than what was generated, so no rate exceeds 100 %%.":
        "各比率は下に記録されたトン数から計算され、式を併記しています。処理量の合計は発生量を超えないため、比率が100 %%を超えることはありません。",
    "Import streams":
        "流れをインポート",
    "Add a stream":
        "流れを追加",
    "Adopt the zero-waste pilot indicators":
        "「無廃都市」パイロット指標を採用",
    "This city has adopted the zero-waste pilot indicators: their yearly values are computed from these streams and appear in its diagnosis; targets on them are set in the action plan.":
        "この都市は「無廃都市」パイロット指標を採用しています。年間値はこれらの流れから計算されて診断に表示され、目標は行動計画で設定します。",
    "Generated per year":
        "年間発生量",
    "No rate: no tonnes generated, or no treatment route recorded (treatment unknown).":
        "比率なし：発生量がないか、処理方法が記録されていません（処理は不明）。",
    "Indicator":
        "指標",
    "target":
        "目標",
    "by":
        "期限",
    "details":
        "詳細",
    "no target in the action plan":
        "行動計画に目標なし",
    "set a target":
        "目標を設定",
    "Stream figures (tonnes)":
        "流れの数値（t）",
    "EWC":
        "EWC",
    "Generated":
        "発生量",
    "Collected":
        "収集量",
    "Reuse":
        "再使用",
    "Composting / AD":
        "堆肥化／嫌気性消化",
    "Energy recovery":
        "エネルギー回収",
    "Incineration":
        "焼却",
    "edit":
        "編集",
    "No waste streams recorded for this city yet.":
        "この都市の廃棄物の流れはまだ記録されていません。",
    "Import waste streams":
        "廃棄物の流れをインポート",
    "Import waste streams of %(city)s":
        "%(city)sの廃棄物の流れをインポート",
    "A CSV file or the Excel template, one row per stream and year (or month). Every row is checked first: nothing is imported unless every row is right, and each problem names its row and column. Streams are matched on area, name, year and month, so importing the same file again changes nothing.":
        "CSVファイルまたはExcelテンプレートで、流れと年（または月）ごとに1行です。まず全行を確認し、すべて正しい場合のみインポートします。問題ごとに行と列を示します。流れは分野・名称・年・月で照合するため、同じファイルを再度インポートしても何も変わりません。",
    "Columns":
        "列",
    "optional":
        "任意",
    "Template (Excel)":
        "テンプレート（Excel）",
    "Template (CSV)":
        "テンプレート（CSV）",
    "The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.":
        "ファイルが大きいため、バックグラウンドで確認とインポートを行っています。誤った行があれば何もインポートされません。このページに進捗が表示されます。",
    "Nothing was imported. Please correct these rows:":
        "何もインポートされませんでした。次の行を修正してください：",
    "Import":
        "インポート",
    "Each city's waste from generation to treatment, in the five areas of China's zero-waste pilot cities: industrial solid waste, agricultural waste, household waste, construction and demolition waste, hazardous waste. Rates are computed from the tonnes, never typed.":
        "各都市の廃棄物を発生から処理まで、中国の「無廃都市」パイロットの5分野（産業固形廃棄物、農業廃棄物、家庭ごみ、建設解体廃棄物、有害廃棄物）で示します。比率はトン数から計算され、手入力しません。",
    "City":
        "都市",
    "Stream figures":
        "流れの数値",
    "Years":
        "年",
    "Zero-waste indicators":
        "「無廃都市」指標",
    "adopted":
        "採用済み",
    "No city has recorded waste streams yet.":
        "廃棄物の流れを記録した都市はまだありません。",
    "Any city's waste page:":
        "各都市の廃棄物ページ：",
    "all cities":
        "すべての都市",
    "Import template (Excel)":
        "インポート用テンプレート（Excel）",
    "Zero-waste city pilot indicators":
        "「無廃都市」パイロット指標",
    "Code":
        "コード",
    "Formula":
        "式",
    "Waste stream":
        "廃棄物の流れ",
    "Change a stream":
        "流れを変更",
    "All figures in tonnes. The routes together may not exceed what was generated.":
        "数値はすべてトン単位です。処理量の合計は発生量を超えてはなりません。",
    "Save":
        "保存",
    "Delete this stream":
        "この流れを削除",
    "Stream saved.":
        "流れを保存しました。",
    "Stream deleted.":
        "流れを削除しました。",
    "Zero-waste indicators adopted: their values are computed from the streams, and targets can be set on them in the action plan.":
        "「無廃都市」指標を採用しました。値は流れから計算され、行動計画で目標を設定できます。",
    "Importing waste streams for %(city)s":
        "%(city)sの廃棄物の流れをインポート中",
    "%(rows)d rows read, %(changed)d created or changed.":
        "%(rows)d 行を読み込み、%(changed)d 行を作成または変更しました。",
    "No treatment route is recorded for this area: its rates are unknown, not zero.":
        "この分野には処理方法が記録されていません。比率はゼロではなく不明です。",
    "Report (Excel)":
        "レポート（Excel）",
    "Report (PDF)":
        "レポート（PDF）",
    "Treated (t)":
        "処理量（t）",
    "Untreated (t)":
        "未処理量（t）",
    "Month":
        "月",
    "rates":
        "比率",
    "streams":
        "流れ",
    "Rates computed from the tonnes recorded; a year with no treatment route recorded has no rate.":
        "比率は記録されたトン数から計算しています。処理方法が記録されていない年には比率がありません。",
    "Six digits, spaces and the hazardous asterisk allowed: 20 01 02":
        "6桁の数字。空白と有害を示すアスタリスクも可：20 01 02",
    "upper bound":
        "上限値",
    "Some streams do not record the tonnes collected: their treated tonnes are counted as collected, so this share may be too high.":
        "一部の流れには収集量が記録されていません。処理量を収集済みとして数えるため、この割合は高すぎる可能性があります。",
    "Household waste recycling rate (latest year)":
        "家庭ごみのリサイクル率（最新年）",
}
