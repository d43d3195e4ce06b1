"""Korean for the lead's strings of session 22 (Sankey on a phone)."""

LANG = "ko"

T = {
    'On a narrow screen the nodes carry numbers; the first table below gives their names.':
        '좁은 화면에서는 노드를 번호로 표시합니다. 이름은 아래 첫 번째 표에 있습니다.',
    'biogas': '바이오가스',
    'construction minerals': '건설 광물 자재',
    'conversion losses': '변환 손실',
    'electricity and heat from waste': '폐기물 발전·열',
    'energy content of waste': '폐기물의 에너지 함량',
    'glass and metals': '유리 및 금속',
    'organics': '유기물',
    'organics (compost)': '유기물(퇴비)',
    'other materials': '기타 재료',
    'paper': '종이',
    'phosphorus': '인',
    'plastics': '플라스틱',
    'Rows read: %(read)s · written: %(written)s · skipped (already as in the file): %(skipped)s · left out with a problem: %(left_out)s':
        '읽은 행: %(read)s · 기록: %(written)s · 건너뜀(파일과 동일): %(skipped)s · 문제로 제외: %(left_out)s',
}
P: dict = {}
