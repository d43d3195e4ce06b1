"""Korean for the reuse rules in core (core catalogue)."""

LANG = "ko"
T = {
    "The due date is before the start of the loan.": "반납 기한이 대여 시작일보다 이릅니다.",
    "A loan lasts at most %(days)s days.": "대여 기간은 최대 %(days)s일입니다.",
    "The return date is before the start of the loan (%(start)s).": "반납일이 대여 시작일(%(start)s)보다 이릅니다.",
    "An item that is %(state)s cannot be %(action)s; next: %(allowed)s.": "'%(state)s' 상태의 물품은 '%(action)s'할 수 없습니다. 다음 단계: %(allowed)s.",
    "The assessment decided to %(decision)s this item.": "평가 결과 이 물품은 '%(decision)s'(으)로 결정되었습니다.",
    "Expected a date on or after the previous step (%(previous)s); got %(value)s.": "이전 단계(%(previous)s) 이후의 날짜를 입력하십시오. 입력값: %(value)s.",
    "Name who receives the donation.": "기증받는 곳을 입력하십시오.",
    "Name who did this step.": "이 단계를 수행한 사람을 입력하십시오.",
}
T.update({
    "The record has no id.": "레코드에 id가 없습니다.",
    "Unknown repair status '%(value)s'; expected Fixed, Repairable, End of life or Unknown.": "알 수 없는 수리 상태 '%(value)s'입니다. Fixed, Repairable, End of life, Unknown 중 하나여야 합니다.",
    "Impossible date '%(value)s'; expected a real date such as 2024-03-31.": "존재하지 않는 날짜 '%(value)s'입니다. 2024-03-31과 같은 실제 날짜를 입력하십시오.",
})
