"""Korean for the knowledge app's interface (helper tr)."""

LANG = "ko"

T = {
    'No case matches. Try fewer words or another language.': '일치하는 사례가 없습니다. 검색어를 줄이거나 다른 언어로 검색해 보십시오.',
    'Best-practice library': '모범 사례 라이브러리',
    'demo': '데모',
    'Keywords': '키워드',
    'Source': '출처',
    'Key figures': '주요 수치',
    'Figure': '지표',
    'Value': '값',
    'Year': '연도',
    'Related cases': '관련 사례',
    'Similar cases': '유사 사례',
    'Cases from coalition cities and beyond, written in English and Chinese. Search in either language.': '연합 도시와 그 밖의 지역 사례로, 영어와 중국어로 작성되어 있습니다. 어느 언어로든 검색할 수 있습니다.',
    'e.g. food waste, 食物垃圾, bricks, 产业共生': '예: 음식물 쓰레기, 벽돌, 산업 공생',
    'Search cases': '사례 검색',
    'Thematic area': '주제 분야',
    'All areas': '모든 분야',
    'R-strategy': 'R 전략',
    'All R-strategies': '모든 R 전략',
    'Country': '국가',
    'All countries': '모든 국가',
    'Search': '검색',
}

P = {
    '%(n)s case': '사례 %(n)s건',
}
