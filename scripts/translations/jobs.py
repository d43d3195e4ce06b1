"""Chinese for the job queue's strings (status page, cancel button)."""

T = {
    "Queued": "排队中",
    "Running": "运行中",
    "Done": "已完成",
    "Failed": "失败",
    "Cancelled": "已取消",
    "attempt %(n)s of %(m)s": "第 %(n)s 次尝试，共 %(m)s 次",
    "See the result": "查看结果",
    "Cancel this job": "取消此任务",
    "Cancelling: the job stops at its next step.": "正在取消：任务将在下一步停止。",
    "This job belongs to someone else.": "此任务属于其他用户。",
    "Only the person who started this job or the secretariat may change it.":
        "只有启动此任务的人或秘书处可以更改它。",
}
