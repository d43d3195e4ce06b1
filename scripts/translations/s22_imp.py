"""Chinese for the one import summary in reuse, logistics and systems (issue #13, helper s22_imp)."""

T = {
    "%(new)d new, %(upd)d updated": "新增 %(new)d 个，更新 %(upd)d 个",
    "Scenario “%(name)s”": "情景“%(name)s”",
    "Correct these rows, or import the file again with the box ticked to import only the valid rows.":
        "请更正这些行，或勾选该选项后重新导入文件，只导入有效的行。",
    "Rows left out": "未导入的行",
    "Row": "行",
    "Column": "列",
    "Back to the system": "返回系统",
}
