"""Korean for session 23's item, alternative and waste-stream names per language (issue #12)."""

LANG = "ko"

T = {
    'name': '이름',
    'This item has an alternative with this name already.': '이 품목에 같은 이름의 대안이 이미 있습니다.',
    'A CSV file or the Excel template, one row per stream and year (or month). Every row is checked first: nothing is imported unless every row is right, and each problem names its row and column. Streams are matched on area, English name, year and month, so importing the same file again changes nothing.': 'CSV 파일 또는 Excel 템플릿으로, 흐름과 연도(또는 월)마다 한 행입니다. 먼저 모든 행을 확인하며 모두 올바를 때만 가져옵니다. 문제마다 행과 열을 알려 줍니다. 흐름은 분야·영어 이름·연도·월로 대조하므로 같은 파일을 다시 가져와도 바뀌는 것이 없습니다.',
}
