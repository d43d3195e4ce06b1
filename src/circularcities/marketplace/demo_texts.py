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
    # parks and facilities
    "Beijing Chaoyang Circular Economy Industrial Park": ("北京市朝陽循環経済産業園", "베이징 차오양 순환경제 산업단지"),
    "One of Beijing's first pilot circular-economy sites, built around waste treatment: a waste-to-energy plant, "
    "a construction-waste treatment centre, a food-waste processing centre, a sanitary landfill and office buildings.": (
        "北京市で最初に選ばれた循環経済モデル拠点の一つで、廃棄物処理を核とする：ごみ焼却発電所、建設廃棄物処理センター、"
        "食品廃棄物処理センター、衛生埋立処分場、オフィスビル。",
        "베이징 최초의 순환경제 시범 단지 중 하나로, 폐기물 처리를 중심으로 조성되었습니다: 폐기물 소각 발전소, "
        "건설폐기물 처리센터, 음식물 쓰레기 처리센터, 위생 매립장, 사무동."),
    "Approximate coordinates (estimate): the source gives no location.": (
        "座標は概略値（推計）：出典に位置の記載はない。", "좌표는 근삿값(추정): 출처에 위치가 나와 있지 않습니다."),
    "Approximate coordinates (estimate): the source gives no location; the city centre is used.": (
        "座標は概略値（推計）：出典に位置の記載がないため、市の中心を用いる。",
        "좌표는 근삿값(추정): 출처에 위치가 나와 있지 않아 도심 좌표를 사용합니다."),
    "Municipal waste (dust carts)": ("一般廃棄物（ごみ収集車）", "생활폐기물(청소차)"),
    "Waste-to-energy plant": ("ごみ焼却発電所", "폐기물 소각 발전소"),
    "Electric vehicle charging stations": ("電気自動車の充電ステーション", "전기차 충전소"),
    "Power grid": ("電力系統", "전력망"),
    "Construction-waste treatment centre (building materials)": ("建設廃棄物処理センター（建設資材）",
                                                                 "건설폐기물 처리센터(건설 자재)"),
    "Food-waste processing centre": ("食品廃棄物処理センター", "음식물 쓰레기 처리센터"),
    "Organic farming": ("有機農業", "유기농업"),
    "Other plants in the park (waste heat)": ("園内のその他の工場（排熱）", "단지 내 기타 공장(폐열)"),
    "Park facilities and office buildings": ("園内施設・オフィスビル", "단지 시설 및 사무동"),
    "Sanitary landfill": ("衛生埋立処分場", "위생 매립장"),
    "Changchun Circular Economy Industrial Park": ("長春循環経済産業園", "창춘 순환경제 산업단지"),
    "A 10 km² park the city designated to raise its circularity. Car making is the city's main industry, so the "
    "park aims to keep the materials of end-of-life vehicles in use. It is to hold incineration, food-waste and "
    "medical-waste treatment and car dismantling; the city has invested to move a thermal power station here from "
    "another site so that material streams and resources are used to the full.": (
        "市が循環性を高めるために指定した 10 km² の産業園。自動車製造が市の主要産業であるため、使用済み自動車の素材を"
        "使い続けることを目指す。焼却、食品廃棄物・医療廃棄物の処理、自動車解体の施設を置く計画で、物質の流れと資源を"
        "最大限に活用するため、市は火力発電所を別の場所からここへ移す費用を投じている。",
        "시가 순환성을 높이기 위해 지정한 10 km² 규모의 단지입니다. 자동차 제조가 시의 주력 산업이어서, 단지는 "
        "폐자동차의 소재를 계속 활용하는 것을 목표로 합니다. 소각, 음식물 쓰레기·의료폐기물 처리, 자동차 해체 시설이 "
        "들어설 예정이며, 시는 물질 흐름과 자원을 최대한 활용하도록 화력발전소를 다른 곳에서 이곳으로 옮기는 데 "
        "투자했습니다."),
    "Area 10 km² (source). Planned facilities, not yet reported as running. Radius on the map: 1.8 km, the radius "
    "of a 10 km² circle (estimate).": (
        "面積 10 km²（出典）。施設は計画段階で、稼働の報告はまだない。地図上の半径は 1.8 km で、面積 10 km² の円の"
        "半径（推計）。",
        "면적 10 km²(출처). 계획 중인 시설로, 아직 가동 보고는 없습니다. 지도상 반경 1.8 km는 면적 10 km²인 원의 "
        "반경입니다(추정)."),
    "End-of-life vehicles (city)": ("使用済み自動車（市内）", "폐자동차(시내)"),
    "Car dismantling": ("自動車解体", "자동차 해체"),
    "Incineration plant": ("焼却施設", "소각시설"),
    "Food-waste treatment": ("食品廃棄物処理", "음식물 쓰레기 처리"),
    "Medical-waste treatment": ("医療廃棄物処理", "의료폐기물 처리"),
    "Thermal power station (relocated)": ("火力発電所（移転）", "화력발전소(이전)"),
    "Users of recovered materials (outside the park)": ("再生資源の利用者（園外）", "재생 자원 이용자(단지 외부)"),
    "Datong Bulk Solid Waste Base": ("大同大宗固体廃棄物基地", "다퉁 대량 고형폐기물 기지"),
    "Datong is a coal-centric city. Its government promotes the reuse of industrial waste through Bulk Solid Waste "
    "Base projects, in which the coal industry works with the chemical, power and steel industries through "
    "industrial symbiosis. The city looks for innovative technical solutions beyond conventional end-of-life "
    "approaches; it joined the coalition in 2019.": (
        "大同は石炭を中心とする都市である。市政府は大宗固体廃棄物基地の事業を通じて産業廃棄物の再利用を進めており、"
        "石炭産業が産業共生によって化学・電力・鉄鋼産業と連携する。市は従来の最終処理にとどまらない革新的な技術的"
        "解決策を求めており、2019 年に連合に加盟した。",
        "다퉁은 석탄 중심 도시입니다. 시 정부는 대량 고형폐기물 기지 사업을 통해 산업폐기물 재이용을 추진하며, "
        "석탄 산업이 산업 공생을 통해 화학·전력·철강 산업과 협력합니다. 시는 기존의 최종 처리 방식을 넘어서는 혁신적인 "
        "기술 해법을 찾고 있으며, 2019년에 연합에 가입했습니다."),
    "The source gives no quantities; the flows shown are illustrative estimates of the coal-chemical-power-steel "
    "cooperation it describes.": (
        "出典に数量の記載はない。表示したフローは、出典が述べる石炭・化学・電力・鉄鋼の連携を例示的に推計したものである。",
        "출처에 수량이 나와 있지 않습니다. 표시된 흐름은 출처가 설명하는 석탄·화학·전력·철강 협력을 예시로 추정한 "
        "것입니다."),
    "Coal mining and washing": ("石炭の採掘・選炭", "석탄 채굴 및 선탄"),
    "Power plants": ("発電所", "발전소"),
    "Chemical plants": ("化学工場", "화학 공장"),
    "Steel plant": ("製鉄所", "제철소"),
}


def ja_ko(field: str, english: str) -> dict[str, str]:
    """``{"<field>_ja": ..., "<field>_ko": ...}`` for an English demo text (empty when
    the text has none)."""
    ja, ko = JA_KO.get(english, ("", "")) if english else ("", "")
    return {f"{field}_ja": ja, f"{field}_ko": ko}
