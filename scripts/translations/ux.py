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
    'Column': '列',
    'Import finished.': '导入完成。',
    'Only the first 200 problems are listed.': '仅列出前 200 个问题。',
    'Problem': '问题',
    'Record progress': '记录进展',
    'Row': '行',
    'Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · errors: 0': '读取行数：%(read)s · 写入：%(written)s · 跳过（已与文件一致）：%(skipped)s · 错误：0',
    'Save progress': '保存进展',
    'Sheet': '工作表',
    'The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.': '文件较大，正在后台检查并导入。任何一行有误则不导入任何内容；本页显示进度。',
    "A quarterly entry of %(indicator)s for one of the programme's projects; the target's yearly value is the sum of the projects' entries.": '为项目计划中的某个项目填写一条“%(indicator)s”季度记录；目标的年度值为各项目记录之和。',
}
P = {
    'The file has %(n)s problem; nothing was imported.': '文件有 %(n)s 个问题，未导入任何内容。',
}
