"""Chinese for the API's error answers (web app)."""

T = {
    "Sign in or send a personal API token to change data.": "请登录或发送个人 API 令牌后再修改数据。",
    "Not found.": "未找到。",
    "is not valid": "无效",
    "Field '%(field)s': %(message)s.": "字段“%(field)s”：%(message)s。",
    "You may not change this.": "您无权修改此项。",
}

T.update({
    "Only the secretariat can do this.": "只有秘书处可以执行此操作。",
    "Only the secretariat can add events.": "只有秘书处可以添加活动。",
    "A project's owners may change only its description (description_en, description_zh), not %(fields)s.":
        "项目负责人只能修改项目说明（description_en、description_zh），不能修改 %(fields)s。",
    "Queued": "排队中",
    "Running": "运行中",
    "Done": "已完成",
    "Failed": "失败",
    "This job belongs to someone else.": "此任务属于其他用户。",
    "See the result": "查看结果",
})

T.update({
    "The body must be a JSON object (numbers finite, no NaN or Infinity, no NUL in text).":
        "请求体必须是 JSON 对象（数字为有限值，不含 NaN 或 Infinity，文本中不含 NUL 字符）。",
    "Too many requests; try again shortly.": "请求过多，请稍后再试。",
    "City profile": "城市概况",
})

T.update({
    "not yet translated": "尚未翻译",
})
T.update({"Skip to the content": "跳到正文"})
T.update({"Coalition": "联盟", "Diagnose and plan": "诊断与规划", "Materials": "物料"})
