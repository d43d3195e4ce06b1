"""Chinese translations for the table reader and large imports (engineer: tables)."""

T = {
    "Checked %(n)s of %(total)s rows.": "已检查 %(n)s / %(total)s 行。",
    "Saved %(n)s of %(total)s rows.": "已保存 %(n)s / %(total)s 行。",
    "Importing %(n)s listings": "正在导入 %(n)s 条信息",
    "The file is large: it is being imported in the background. If any row is wrong, nothing is saved; "
    "this page shows the progress.":
        "文件较大，正在后台导入。只要有一行有误，就不会保存任何内容；本页显示进度。",
    "The upload is larger than %(mb)s MB, the most this platform accepts. Split the file into smaller ones "
    "and upload them one by one.":
        "上传的文件超过 %(mb)s MB，即本平台可接受的上限。请将文件拆分为较小的文件，逐个上传。",
    "Reading and checking every row.": "正在读取并检查每一行。",
    "Writing.": "正在写入。",
    "The file is large: it is being checked and imported in the background. If any row is wrong, nothing is "
    "imported; this page shows the progress.":
        "文件较大，正在后台检查并导入。只要有一行有误，就不会导入任何内容；本页显示进度。",
    "Importing diagnosis data for %(city)s": "正在导入%(city)s的诊断数据",
    "Importing targets for %(city)s": "正在导入%(city)s的目标",
    "Importing measures for %(city)s": "正在导入%(city)s的措施",
    "Importing progress entries": "正在导入进展记录",
}
