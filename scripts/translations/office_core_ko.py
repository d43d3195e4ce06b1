"""Korean for the back office's rules in core (core catalogue)."""

LANG = "ko"
T = {
    "Use lower-case letters, digits and hyphens (e.g. 'new-city'); got '%(value)s'.": "소문자, 숫자, 하이픈을 사용하십시오(예: 'new-city'). 입력값: '%(value)s'.",
    "Expected a two-letter ISO 3166 country code such as NL or CN; got '%(value)s'.": "NL, CN과 같은 두 글자 ISO 3166 국가 코드를 입력하십시오. 입력값: '%(value)s'.",
    "Expected an e-mail address such as name@example.org; got '%(value)s'.": "name@example.org와 같은 이메일 주소를 입력하십시오. 입력값: '%(value)s'.",
}
