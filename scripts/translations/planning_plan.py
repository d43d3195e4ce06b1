"""Chinese for the planning app's one write path and per-language text (helper plan)."""

T = {
    "No city %(slug)s.": "没有城市 %(slug)s。",
    "Title": "标题",
    "Description": "说明",
    "Milestone": "里程碑",
    "Name": "名称",
    "A project's owners may change only its description (%(allowed)s), not %(fields)s.":
        "项目负责人只能修改项目说明（%(allowed)s），不能修改 %(fields)s。",
    "No user named %(names)s.": "没有名为 %(names)s 的用户。",
    "Nothing named %(slug)s.": "没有名为 %(slug)s 的条目。",
    "Expected targets of this city.": "应为本城市的目标。",
    "The programme does not track %(indicator)s; add it to its indicators.":
        "该计划未跟踪 %(indicator)s；请先将其加入计划的指标。",
    "An indicator and year are given twice.": "同一指标和年份填写了两次。",
    "A programme with this short name exists already.": "已有使用此简称的计划。",
    "A project with this code exists already.": "已有使用此代码的项目。",
}
