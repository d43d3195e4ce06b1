"""Japanese for issue #13 page fixes (helper ux)."""

LANG = "ja"

T = {
    "Sankey diagram of flows": "フローのサンキー図",
    "Values in the diagram": "図の数値",
    "Amount entering and leaving each node": "各ノードへの流入量と流出量",
    "Node": "ノード",
    "In": "流入",
    "Out": "流出",
    "Flows in the diagram, largest first": "図のフロー（大きい順）",
    "From": "出発元",
    "To": "行き先",
    "What": "内容",
    "Amount": "量",
    "%(n)s flows, in %(unit)s. Each node shows its amount; the table under the diagram gives every flow.":
        "フロー %(n)s 件、単位 %(unit)s。各ノードに量を表示し、図の下の表にすべてのフローを示します。",
    'Column': '列',
    'Import finished.': 'インポートが完了しました。',
    'Only the first 200 problems are listed.': '最初の 200 件の問題のみ表示しています。',
    'Problem': '問題',
    'Record progress': '進捗を記録',
    'Row': '行',
    'Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · errors: 0': '読み込み行数：%(read)s · 書き込み：%(written)s · スキップ（ファイルと同一）：%(skipped)s · エラー：0',
    'Save progress': '進捗を保存',
    'Sheet': 'シート',
    'The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.': 'ファイルが大きいため、バックグラウンドで確認・インポートしています。誤りのある行が一つでもあれば何もインポートされません。このページに進捗を表示します。',
    "A quarterly entry of %(indicator)s for one of the programme's projects; the target's yearly value is the sum of the projects' entries.": 'プログラムのいずれかのプロジェクトについて「%(indicator)s」の四半期記録を入力します。目標の年間値は各プロジェクトの記録の合計です。',
}
P = {
    'The file has %(n)s problem; nothing was imported.': 'ファイルに %(n)s 件の問題があり、何もインポートされませんでした。',
}
