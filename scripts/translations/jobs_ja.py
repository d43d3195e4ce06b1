"""Japanese for the jobs app's interface (helper tr)."""

LANG = "ja"

T = {
    'Queued': '待機中',
    'Running': '実行中',
    'Done': '完了',
    'Failed': '失敗',
    'Cancelled': '取り消し済み',
    'This job belongs to someone else.': 'このジョブは他のユーザーのものです。',
    'Only the person who started this job or the secretariat may change it.': 'このジョブを変更できるのは、ジョブを開始した本人または事務局のみです。',
    'attempt %(n)s of %(m)s': '%(m)s 回中 %(n)s 回目の試行',
    'See the result': '結果を見る',
    'Cancel this job': 'このジョブを取り消す',
    'Cancelling: the job stops at its next step.': '取り消し中：ジョブは次のステップで停止します。',
}

P = {
}
