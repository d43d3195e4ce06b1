"""Chinese for issue #13 page fixes (helper ux): Sankey values, templates, import summary, progress."""

T = {
    "Sankey diagram of flows": "物质流桑基图",
    "Values in the diagram": "图中数值",
    "Amount entering and leaving each node": "各节点的流入量和流出量",
    "Node": "节点",
    "In": "流入",
    "Out": "流出",
    "Flows in the diagram, largest first": "图中各流量，从大到小",
    "From": "来源",
    "To": "去向",
    "What": "内容",
    "Amount": "数量",
    "%(n)s flows, in %(unit)s. Each node shows its amount; the table under the diagram gives every flow.":
        "共 %(n)s 条流量，单位：%(unit)s。各节点标出其数量，图下表格列出每条流量。",
}
P = {}
