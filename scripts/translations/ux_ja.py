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
}
P = {}
