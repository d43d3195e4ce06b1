"""Chinese for the reuse rules in core (core catalogue)."""

T = {
    'The due date is before the start of the loan.': '归还日期早于借出日期。',
    'A loan lasts at most %(days)s days.': '借用期最长 %(days)s 天。',
    'The return date is before the start of the loan (%(start)s).': '归还日期早于借出日期（%(start)s）。',
    'An item that is %(state)s cannot be %(action)s; next: %(allowed)s.': '处于“%(state)s”状态的物品不能执行“%(action)s”；可执行：%(allowed)s。',
    'The assessment decided to %(decision)s this item.': '评估决定对该物品执行“%(decision)s”。',
    'Expected a date on or after the previous step (%(previous)s); got %(value)s.': '日期不能早于上一步（%(previous)s）；收到 %(value)s。',
    'Name who receives the donation.': '请填写受赠方。',
    'Name who did this step.': '请填写执行此步骤的人员。',
}
T.update({
    'The record has no id.': '记录缺少编号（id）。',
    "Unknown repair status '%(value)s'; expected Fixed, Repairable, End of life or Unknown.": '未知的维修状态“%(value)s”；应为 Fixed、Repairable、End of life 或 Unknown。',
    "Impossible date '%(value)s'; expected a real date such as 2024-03-31.": '日期“%(value)s”不存在；应为真实日期，例如 2024-03-31。',
})
