"""Korean for issue #13 page fixes (helper ux)."""

LANG = "ko"

T = {
    "Sankey diagram of flows": "흐름 생키 다이어그램",
    "Values in the diagram": "다이어그램의 수치",
    "Amount entering and leaving each node": "각 노드의 유입량과 유출량",
    "Node": "노드",
    "In": "유입",
    "Out": "유출",
    "Flows in the diagram, largest first": "다이어그램의 흐름(큰 순서)",
    "From": "출발",
    "To": "도착",
    "What": "내용",
    "Amount": "양",
    "%(n)s flows, in %(unit)s. Each node shows its amount; the table under the diagram gives every flow.":
        "흐름 %(n)s개, 단위 %(unit)s. 각 노드에 양을 표시하고 다이어그램 아래 표에 모든 흐름을 보여 줍니다.",
    'Column': '열',
    'Import finished.': '가져오기가 끝났습니다.',
    'Only the first 200 problems are listed.': '처음 200개의 문제만 표시합니다.',
    'Problem': '문제',
    'Record progress': '진행 기록',
    'Row': '행',
    'Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · errors: 0': '읽은 행: %(read)s · 기록: %(written)s · 건너뜀(파일과 동일): %(skipped)s · 오류: 0',
    'Save progress': '진행 저장',
    'Sheet': '시트',
    'The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.': '파일이 커서 백그라운드에서 확인하고 가져오는 중입니다. 잘못된 행이 하나라도 있으면 아무것도 가져오지 않습니다. 이 페이지에 진행 상황이 표시됩니다.',
    "A quarterly entry of %(indicator)s for one of the programme's projects; the target's yearly value is the sum of the projects' entries.": "프로그램의 한 프로젝트에 대한 '%(indicator)s' 분기 기록입니다. 목표의 연간 값은 프로젝트 기록의 합계입니다.",
}
P = {
    'The file has %(n)s problem; nothing was imported.': '파일에 문제가 %(n)s개 있어 아무것도 가져오지 않았습니다.',
}
