"""Chinese for the API's error answers (web app)."""

T = {
    "Sign in or send a personal API token to change data.": "请登录或发送个人 API 令牌后再修改数据。",
    "Not found.": "未找到。",
    "is not valid": "无效",
    "Field '%(field)s': %(message)s.": "字段“%(field)s”：%(message)s。",
    "You may not change this.": "您无权修改此项。",
}
