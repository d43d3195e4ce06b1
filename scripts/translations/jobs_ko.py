"""Korean for the jobs app's interface (helper tr)."""

LANG = "ko"

T = {
    'Queued': '대기 중',
    'Running': '실행 중',
    'Done': '완료',
    'Failed': '실패',
    'Cancelled': '취소됨',
    'This job belongs to someone else.': '이 작업은 다른 사용자의 작업입니다.',
    'Only the person who started this job or the secretariat may change it.': '이 작업은 작업을 시작한 사람 또는 사무국만 변경할 수 있습니다.',
    'attempt %(n)s of %(m)s': '%(m)s회 중 %(n)s번째 시도',
    'See the result': '결과 보기',
    'Cancel this job': '이 작업 취소',
    'Cancelling: the job stops at its next step.': '취소 중: 작업이 다음 단계에서 중지됩니다.',
}

P = {
}
