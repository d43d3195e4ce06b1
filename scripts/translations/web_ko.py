"""Korean for the web app's interface (helper tr)."""

LANG = "ko"

T = {
    'Circular Cities: secretariat administration': 'Circular Cities: 사무국 관리',
    'Circular Cities administration': 'Circular Cities 관리',
    'Secretariat administration': '사무국 관리',
    'is not valid': '유효하지 않습니다',
    "Field '%(field)s': %(message)s.": "항목 '%(field)s': %(message)s.",
    'The body must be a JSON object (numbers finite, no NaN or Infinity, no NUL in text).': '요청 본문은 JSON 객체여야 합니다(숫자는 유한값, NaN 또는 Infinity 불가, 텍스트에 NUL 포함 불가).',
    'Too many requests; try again shortly.': '요청이 너무 많습니다. 잠시 후 다시 시도하십시오.',
    'You may not change this.': '이 항목을 변경할 권한이 없습니다.',
    'Sign in or send a personal API token to change data.': '데이터를 변경하려면 로그인하거나 개인 API 토큰을 보내십시오.',
    'Not found.': '찾을 수 없습니다.',
    'Home': '홈',
    'Cities': '도시',
    'Working groups': '실무 그룹',
    'Cases': '사례',
    'Events': '행사',
    'Diagnosis': '진단',
    'Plans': '계획',
    'Marketplace': '자원 거래',
    'Logistics': '물류',
    'Not allowed': '허용되지 않음',
    'You may not do this': '이 작업을 수행할 권한이 없습니다',
    'Your account does not have the right to change this.': '사용자 계정에 이 항목을 변경할 권한이 없습니다.',
    'Back to the home page': '홈페이지로 돌아가기',
    'Not found': '찾을 수 없음',
    'Page not found': '페이지를 찾을 수 없음',
    'Circular Cities Platform': 'Circular Cities 플랫폼',
    'Circular Cities': 'Circular Cities',
    'Menu': '메뉴',
    'Sign out': '로그아웃',
    'Sign in': '로그인',
    'Demo installation: the data shown is demonstration data drawn from public case studies. Generated or estimated figures are labelled.': '데모 환경: 표시된 데이터는 공개된 사례 연구를 바탕으로 한 데모 데이터입니다. 생성되거나 추정된 수치에는 그 사실을 표시합니다.',
    'Circular Cities Platform – open-source software for cities moving from waste management to resource management.': 'Circular Cities 플랫폼 – 폐기물 관리에서 자원 관리로 전환하는 도시를 위한 오픈 소스 소프트웨어.',
    'API': 'API',
    'not yet translated': '아직 번역되지 않음',
    'The upload is larger than %(mb)s MB, the most this platform accepts. Split the file into smaller ones and upload them one by one.': '업로드한 파일이 이 플랫폼의 최대 허용 크기인 %(mb)s MB를 초과합니다. 파일을 더 작게 나누어 하나씩 업로드하십시오.',
}

P = {
}
