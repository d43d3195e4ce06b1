"""Chinese for the lead's strings of session 22 (Sankey on a phone)."""

T = {
    'On a narrow screen the nodes carry numbers; the first table below gives their names.':
        '在窄屏上，节点以编号显示；下方第一个表格列出其名称。',
    'biogas': '沼气',
    'construction minerals': '建筑矿物材料',
    'conversion losses': '转换损失',
    'electricity and heat from waste': '垃圾发电和供热',
    'energy content of waste': '废弃物所含能量',
    'glass and metals': '玻璃和金属',
    'organics': '有机物',
    'organics (compost)': '有机物（堆肥）',
    'other materials': '其他材料',
    'paper': '纸张',
    'phosphorus': '磷',
    'plastics': '塑料',
    'Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · left out with a problem: %(left_out)s':
        '读取行数：%(read)s · 写入：%(written)s · 跳过（已与文件一致）：%(skipped)s · 因有问题而略去：%(left_out)s',
}
P: dict = {}
