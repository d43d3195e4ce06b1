"""Japanese for the reuse rules in core (core catalogue)."""

LANG = "ja"
T = {
    "The due date is before the start of the loan.": "返却期限が貸出開始日より前です。",
    "A loan lasts at most %(days)s days.": "貸出期間は最長 %(days)s 日です。",
    "The return date is before the start of the loan (%(start)s).": "返却日が貸出開始日（%(start)s）より前です。",
    "An item that is %(state)s cannot be %(action)s; next: %(allowed)s.": "「%(state)s」の品目は「%(action)s」できません。次に可能な操作：%(allowed)s。",
    "The assessment decided to %(decision)s this item.": "査定ではこの品目を「%(decision)s」と決定しました。",
    "Expected a date on or after the previous step (%(previous)s); got %(value)s.": "前の段階（%(previous)s）以降の日付を入力してください。入力値：%(value)s。",
    "Name who receives the donation.": "寄贈先を入力してください。",
    "Name who did this step.": "この段階の担当者を入力してください。",
}
T.update({
    "The record has no id.": "レコードに id がありません。",
    "Unknown repair status '%(value)s'; expected Fixed, Repairable, End of life or Unknown.": "修理状況「%(value)s」は不明です。Fixed、Repairable、End of life、Unknown のいずれかにしてください。",
    "Impossible date '%(value)s'; expected a real date such as 2024-03-31.": "日付「%(value)s」は存在しません。2024-03-31 のような実在する日付にしてください。",
})
