"""Japanese and Korean text of the marketplace demo content, keyed by its English text
(listing titles, park flows and the bases of their values, programme figures, material
weight notes). Written for the demo; the English and Chinese stay in ``demo.py``."""

from __future__ import annotations

JA_KO: dict[str, tuple[str, str]] = {
    # listing titles
    "Crushed concrete from a demolition": ("解体で出たコンクリート殻", "철거에서 나온 파쇄 콘크리트"),
    "Clean timber offcuts": ("きれいな木材の端材", "깨끗한 목재 자투리"),
    "Plasterboard from an office refit": ("オフィス改装で出た石膏ボード", "사무실 리모델링에서 나온 석고보드"),
    "Office desks and chairs": ("オフィスの机と椅子", "사무용 책상과 의자"),
    "Baled cardboard, monthly": ("梱包済みの段ボール（毎月）", "압축 포장한 골판지(매월)"),
    "Spent grain": ("ビール粕", "맥주박"),
    "Broken pallets for repair": ("修理用の破損パレット", "수리할 파손 팔레트"),
    "Aggregate for paths": ("小道用の骨材", "산책로용 골재"),
    "Wood for workshop projects": ("工房の制作に使う木材", "공방 작업용 목재"),
    "Desks for a co-working space": ("コワーキングスペース用の机", "공유 오피스용 책상"),
    "Organic feedstock for compost": ("堆肥用の有機原料", "퇴비용 유기 원료"),
    "Gypsum for new board": ("新しいボード用の石膏", "새 보드용 석고"),
    "Paper and cardboard": ("紙・段ボール", "종이 및 골판지"),
    "Cordless drill to lend": ("貸し出し用のコードレスドリル", "대여용 무선 드릴"),
    "Step ladder to lend": ("貸し出し用の脚立", "대여용 접사다리"),
    "Pram to give away": ("譲ります：ベビーカー", "나눔: 유모차"),
    "Children's clothes": ("子ども服", "아동복"),
    "Incinerator bottom ash (illustrative quantity)": ("焼却主灰（数量は例示）", "소각 바닥재(예시 수량)"),
    "Bottom ash as aggregate for blocks (illustrative)": ("ブロック用骨材としての焼却主灰（例示）",
                                                          "블록 골재로 쓸 소각 바닥재(예시)"),
    # park flows
    "Municipal waste": ("一般廃棄物", "생활폐기물"),
    "Electricity": ("電力", "전력"),
    "Electricity to the grid": ("系統への送電", "전력망 송전"),
    "Bottom ash, remanufactured as construction materials": ("焼却主灰（建設資材に再加工）",
                                                             "소각 바닥재(건설 자재로 재가공)"),
    "Bio-residues": ("バイオ残渣", "바이오 잔재물"),
    "Waste heat for heating and hot water": ("暖房・給湯用の排熱", "난방·온수용 폐열"),
    "End-of-life vehicles": ("使用済み自動車", "폐자동차"),
    "Recovered metals and parts": ("回収した金属・部品", "회수한 금속 및 부품"),
    "Residues not recovered": ("回収できない残渣", "회수되지 않는 잔재물"),
    "Treated medical waste": ("処理済みの医療廃棄物", "처리된 의료폐기물"),
    "Heat from incineration": ("焼却熱", "소각열"),
    "Coal by-products used as fuel": ("燃料に使う石炭副産物", "연료로 쓰는 석탄 부산물"),
    "Coal and by-products as feedstock": ("原料としての石炭・副産物", "원료로 쓰는 석탄 및 부산물"),
    "Waste gas and heat": ("排ガス・排熱", "폐가스 및 폐열"),
    # bases of the flows' values
    "Monetary benefit of the electricity from combustion": ("焼却発電による経済効果", "소각 발전의 경제적 효과"),
    "Saving from reusing waste heat": ("排熱の再利用による節約額", "폐열 재이용에 따른 절감액"),
    "Electricity cost saved by reusing waste heat": ("排熱の再利用で節約した電気代", "폐열 재이용으로 절감한 전기 요금"),
    # material weight notes
    "Demo weight: crushed concrete has a ready local market (estimate)": (
        "デモ用の重み：コンクリート殻には地元に買い手がいる（推計）",
        "데모 가중치: 파쇄 콘크리트는 지역 수요처가 있음(추정)"),
    "Demo weight: gypsum gets a higher weight, as in Austin (limited market, gas when landfilled)": (
        "デモ用の重み：オースティンと同じく石膏は重みを高くする（市場が小さく、埋め立てるとガスが出る）",
        "데모 가중치: 오스틴처럼 석고에 더 높은 가중치(시장이 작고 매립하면 가스 발생)"),
    "Demo weight (estimate)": ("デモ用の重み（推計）", "데모 가중치(추정)"),
    "Demo weight: reuse of whole products (estimate)": ("デモ用の重み：製品をそのまま再使用（推計）",
                                                        "데모 가중치: 제품을 그대로 재사용(추정)"),
    # programme figures: labels
    "Participants by the end of 2018": ("2018 年末までの参加者", "2018년 말까지의 참여자"),
    "Businesses, institutions and non-profits signed up": ("登録した企業・機関・非営利団体", "가입한 기업·기관·비영리단체"),
    "Exchanges per month, October 2017 to September 2018": ("月あたりの取引件数（2017 年 10 月～2018 年 9 月）",
                                                            "월평균 거래 건수(2017년 10월~2018년 9월)"),
    "Value created by the first 593 exchanges (price, disposal savings, purchase savings)": (
        "最初の 593 件の取引が生んだ価値（取引額、処分費と購入費の節約）",
        "첫 593건의 거래가 만든 가치(거래 금액, 처리비·구매비 절감)"),
    "Material kept from landfill": ("埋め立てを免れた資材", "매립을 피한 자재"),
    "CO2 emissions avoided, as printed": ("回避した CO2 排出量（原文のまま）", "회피한 CO2 배출량(원문 그대로)"),
    "City funding in each of the first two years": ("最初の 2 年間の市の年間拠出額", "처음 2년간 시의 연간 지원금"),
    "Users registered on Share Peterborough since mid-2017": ("2017 年半ば以降に Share Peterborough に登録した利用者",
                                                              "2017년 중반 이후 Share Peterborough에 등록한 이용자"),
    "Products or services shared": ("共有された製品・サービス", "공유된 제품 또는 서비스"),
    "Purchase and landfill costs saved": ("節約した購入費・埋立費", "절감한 구매비 및 매립비"),
    "Waste kept from disposal": ("処分を免れた廃棄物", "처분을 피한 폐기물"),
    "Organisations that signed the Circular Peterborough commitment": (
        "Circular Peterborough の誓約に署名した組織", "Circular Peterborough 서약에 서명한 기관"),
    # programme figures: units
    "per month": ("件/月", "건/월"),
    "USD": ("米ドル", "미국 달러"),
    "t": ("トン", "톤"),
    "USD per year": ("米ドル/年", "미국 달러/년"),
    "GBP": ("英ポンド", "영국 파운드"),
    "kg": ("kg", "kg"),
    # programme figures: notes
    "As printed in the Chinese text of the source. It cannot be right for 400 t of material (it would be over "
    "two million tonnes of CO2 per tonne diverted); probably a unit or translation error. Shown as reported "
    "and used in no calculation.": (
        "出典の中国語版に印刷された数値。400 t の資材では成り立たない（転用した資材 1 t あたり CO2 を 200 万 t 以上"
        "削減したことになる）ため、単位か翻訳の誤りと考えられる。報告どおりに示し、計算には使わない。",
        "출처의 중국어판에 인쇄된 수치입니다. 자재 400 t으로는 성립할 수 없습니다(전환한 자재 1 t당 CO2를 200만 t "
        "넘게 줄였다는 뜻). 단위나 번역 오류로 보입니다. 보고된 그대로 보여 주며 어떤 계산에도 쓰지 않습니다."),
}


def ja_ko(field: str, english: str) -> dict[str, str]:
    """``{"<field>_ja": ..., "<field>_ko": ...}`` for an English demo text (empty when
    the text has none)."""
    ja, ko = JA_KO.get(english, ("", "")) if english else ("", "")
    return {f"{field}_ja": ja, f"{field}_ko": ko}
