"""Korean for the reuse app's own field rules."""

LANG = "ko"
T = {
    "Expected an e-mail address such as name@example.org.": "name@example.org와 같은 이메일 주소를 입력하십시오.",
    "Expected an address starting with https://.": "https://로 시작하는 주소를 입력하십시오.",
    "This place's repair log already has a record '%(id)s'.": "이 장소의 수리 기록에 이미 '%(id)s' 레코드가 있습니다.",
    "The centre already has an item '%(ref)s'.": "센터에 이미 '%(ref)s' 물품이 있습니다.",
    "Parts are offered on the marketplace in the name of the centre's organisation; only its people (or the secretariat) can do this.": "부품은 센터 소속 조직의 이름으로 마켓플레이스에 등록됩니다. 해당 조직 담당자(또는 사무국)만 할 수 있습니다.",
    "The library already has an item '%(code)s'.": "이 물품 도서관에 이미 '%(code)s' 물품이 있습니다.",
}
