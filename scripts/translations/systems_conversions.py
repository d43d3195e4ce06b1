"""Chinese for conversions between layers (systems app and core)."""

T = {
    'Uses up': '消耗',
    'Yields': '产出',
    'Share used up of what the process receives': '消耗占该过程所接收量的比例',
    'Yield per unit used up': '每消耗一单位的产出',
    "e.g. 0.5 MWh per t; a number or a parameter's name": '例如每吨 0.5 MWh；填数字或参数名',
    'Conversions between layers': '层间转换',
    'Where one layer becomes another: the share of what the process receives in one layer that is used up, and what each unit used up yields in another layer. Both sides count in the balance.': '一层在此转为另一层：过程在某一层所接收量中被消耗的比例，以及每消耗一单位在另一层的产出。两侧都计入平衡核算。',
    'Share used up': '消耗比例',
    'Yield per unit': '单位产出',
    'In %(year)s': '%(year)s 年',
    'Actions': '操作',
    'No conversion.': '没有转换。',
    'Add or change a conversion': '添加或修改转换',
    'Save the conversion': '保存转换',
    'Conversion at %(process)s saved.': '已保存 %(process)s 的转换。',
    'Conversion removed.': '已删除转换。',
    'Converted from %(layer)s': '由%(layer)s转换而来',
    'Converted into %(layer)s': '转换为%(layer)s',
    'Expected a layer other than the one converted from (%(value)s).': '目标层应不同于被转换的层（%(value)s）。',
}
