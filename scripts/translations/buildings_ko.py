"""Korean for the buildings app (materials passports, material bank)."""

LANG = "ko"

T = {'Publish the selected passports': '선택한 여권 공개',
 'Withdraw the selected passports': '선택한 여권 공개 취소',
 'The building has no location; give its coordinates before offering its components.': '건물 위치가 '
                                                                                       '없습니다. 부재를 '
                                                                                       '내놓기 전에 좌표를 '
                                                                                       '입력하세요.',
 'no planned end of use': '사용 종료 예정일 없음',
 'reusable share missing': '재사용 가능 비율 누락',
 'nothing reusable': '재사용 가능한 부분 없음',
 'mass of %(m)s missing': '%(m)s 질량 누락',
 'no EU List of Waste code for %(m)s': '%(m)s 의 EU 폐기물 목록 코드 없음',
 'less than 1 kg reusable': '재사용 가능량 1 kg 미만',
 "From the materials passport of %(b)s (component %(ref)s); available when the building's use ends on %(date)s.": '%(b)s '
                                                                                                                  '의 '
                                                                                                                  '자재 '
                                                                                                                  '여권에서 '
                                                                                                                  '(부재 '
                                                                                                                  '%(ref)s). '
                                                                                                                  '건물 '
                                                                                                                  '사용이 '
                                                                                                                  '%(date)s '
                                                                                                                  '에 '
                                                                                                                  '끝나면 '
                                                                                                                  '이용 '
                                                                                                                  '가능.',
 'Name': '이름',
 'Description': '설명',
 'Address': '주소',
 'Latitude': '위도',
 'Longitude': '경도',
 'Use': '용도',
 'Floor area (m²)': '연면적 (m²)',
 'Year built': '준공 연도',
 'Design life (years)': '설계 수명 (년)',
 'Planned end of use': '사용 종료 예정일',
 'Source of the figures': '수치 출처',
 'Publish the passport': '여권 공개',
 'File (Excel .xlsx, CSV or IFC model)': '파일 (Excel .xlsx, CSV 또는 IFC 모델)',
 'Components whose use ends within (years)': '사용 종료까지 남은 기간 (년 이내의 부재)',
 'Horizon (years)': '기간 (년)',
 'Reading and checking every component.': '모든 부재를 읽고 확인하는 중입니다.',
 'A reference is required.': '참조 번호가 필요합니다.',
 'Expected at least one component row.': '부재 행이 최소 한 줄 필요합니다.',
 'dry connection (click, loose laid)': '건식 접합 (클릭, 깔기)',
 'added fixings (bolts, screws)': '부가 고정재 (볼트, 나사)',
 'direct integral connection': '직접 일체형 접합',
 'soft chemical (sealant, foam)': '연질 화학 접합 (실런트, 폼)',
 'hard chemical (glue, mortar, weld)': '경질 화학 접합 (접착제, 모르타르, 용접)',
 'freely accessible': '자유롭게 접근 가능',
 'extra actions, no damage': '추가 작업 필요, 손상 없음',
 'extra actions, repairable damage': '추가 작업 필요, 수리 가능한 손상',
 'only with irreparable damage': '수리 불가능한 손상이 따름',
 'mass': '질량',
 'origin': '출처',
 'reusable share': '재사용 가능 비율',
 'recyclable share': '재활용 가능 비율',
 'lifetime': '수명',
 'detachability': '분리 용이성',
 'residual value': '잔존 가치',
 'take-back': '회수',
 'civic / town hall': '공공시설 / 청사',
 'office': '사무',
 'residential': '주거',
 'education': '교육',
 'health care': '의료',
 'industrial': '산업',
 'other': '기타',
 'virgin': '신재',
 'recycled': '재활용재',
 'reused': '재사용재',
 'sustained biological': '지속 가능한 생물 유래',
 'reusable': '재사용 가능',
 'recyclable': '재활용 가능',
 'lost': '손실',
 'end of use unknown': '사용 후 행방 불명',
 'Only the editors of the city that owns this building, or the secretariat, can change it.': '이 '
                                                                                             '건물을 '
                                                                                             '소유한 '
                                                                                             '도시의 '
                                                                                             '편집자 '
                                                                                             '또는 '
                                                                                             '사무국만 '
                                                                                             '변경할 '
                                                                                             '수 '
                                                                                             '있습니다.',
 "Only a city's editors, or the secretariat, can register a building for that city.": '도시의 편집자 또는 '
                                                                                      '사무국만 그 도시의 '
                                                                                      '건물을 등록할 수 '
                                                                                      '있습니다.',
 'This passport is not published yet.': '이 여권은 아직 공개되지 않았습니다.',
 'Owner city': '소유 도시',
 'Source': '출처',
 'Known mass (t)': '알려진 질량 (t)',
 'Reusable': '재사용 가능',
 'Recyclable': '재활용 가능',
 'Lost': '손실',
 'End of use unknown': '사용 후 행방 불명',
 'Detachability': '분리 용이성',
 'Under a take-back agreement': '회수 계약 적용',
 'Residual value': '잔존 가치',
 'Material Circularity Indicator (mass-weighted)': '물질 순환성 지표 (질량 가중)',
 'Components without the figures the MCI needs': 'MCI 에 필요한 수치가 없는 부재',
 'Reference': '참조 번호',
 'Component': '부재',
 'Classification': '분류',
 'Materials': '자재',
 'Origin': '출처',
 'Components': '부재',
 'Figure': '항목',
 'measured': '실측',
 'estimated': '추정',
 'missing': '누락',
 'Data quality per figure': '항목별 데이터 품질',
 'Material': '자재',
 'Mass (t)': '질량 (t)',
 'Materials by mass': '질량별 자재',
 'Materials passport: %(name)s': '자재 여권: %(name)s',
 'Material Circularity Indicator after the Ellen MacArthur Foundation (2019 method)': '엘렌 맥아더 재단의 '
                                                                                      '물질 순환성 지표 '
                                                                                      '(2019년 방법)',
 'Building': '건물',
 'Passport': '여권',
 'Data quality': '데이터 품질',
 'Give both latitude and longitude, or neither.': '위도와 경도를 모두 입력하거나 둘 다 비워 두세요.',
 'The reusable and recyclable shares add up to more than 1; a kilogram goes to one route.': '재사용 '
                                                                                            '가능 '
                                                                                            '비율과 '
                                                                                            '재활용 '
                                                                                            '가능 '
                                                                                            '비율의 '
                                                                                            '합이 1을 '
                                                                                            '넘습니다. '
                                                                                            '1 kg은 '
                                                                                            '한 '
                                                                                            '경로로만 '
                                                                                            '갑니다.',
 'A recycled feedstock cannot be made with zero efficiency.': '효율이 0이면 재활용 원료를 만들 수 없습니다.',
 'Name the supplier that takes the component back.': '부재를 회수하는 공급자를 입력하세요.',
 'Expected the data quality per figure.': '항목별 데이터 품질을 입력해야 합니다.',
 'Expected a list of at most %(n)d materials.': '자재는 최대 %(n)d 개입니다.',
 'Expected each material with its name and mass.': '각 자재에 이름과 질량이 필요합니다.',
 'Expected a 6-digit EU List of Waste code such as 17 02 01.': '17 02 01 과 같은 6자리 EU 폐기물 목록 코드를 '
                                                               '입력하세요.',
 'This component belongs to another building.': '이 부재는 다른 건물에 속합니다.',
 'Another component of this building has this reference.': '이 건물의 다른 부재가 이 참조 번호를 사용합니다.',
 'Buildings': '건물',
 'Material bank of %(city)s': '%(city)s 의 자재 은행',
 "Draft: only the city's members see this passport.": '초안: 이 도시의 구성원만 이 여권을 볼 수 있습니다.',
 'Floor area': '연면적',
 'Design life': '설계 수명',
 'Edit building': '건물 편집',
 'Import components': '부재 가져오기',
 'Passport (PDF)': '여권 (PDF)',
 'Passport (Excel)': '여권 (Excel)',
 'Material Circularity Indicator': '물질 순환성 지표',
 'Mass-weighted over the components that have the figures it needs; 0.1 is a fully linear building of average life, 1 a fully restorative one.': '필요한 '
                                                                                                                                                 '수치가 '
                                                                                                                                                 '있는 '
                                                                                                                                                 '부재에 '
                                                                                                                                                 '대해 '
                                                                                                                                                 '질량 '
                                                                                                                                                 '가중. '
                                                                                                                                                 '0.1은 '
                                                                                                                                                 '평균 '
                                                                                                                                                 '수명의 '
                                                                                                                                                 '완전 '
                                                                                                                                                 '선형 '
                                                                                                                                                 '건물, '
                                                                                                                                                 '1은 '
                                                                                                                                                 '완전 '
                                                                                                                                                 '재생형 '
                                                                                                                                                 '건물입니다.',
 'Virgin feedstock V': '신규 원료 V',
 'Unrecoverable waste W': '회수 불가 폐기물 W',
 'Linear flow index (mass-weighted)': '선형 흐름 지수 (질량 가중)',
 'Mass scored': '평가 대상 질량',
 'Not computed: no component has its mass, origin and end-of-use shares yet.': '계산 안 됨: 질량, 출처, 사용 '
                                                                               '후 비율을 모두 갖춘 부재가 아직 '
                                                                               '없습니다.',
 'Left out, figures missing:': '수치 누락으로 제외:',
 'How it is computed': '계산 방법',
 'Where the materials go at the end of use': '사용 후 자재의 행방',
 'Known mass: %(t)s t': '알려진 질량: %(t)s t',
 'Share reusable, recyclable and lost': '재사용·재활용·손실 비율',
 'Detachability (mass-weighted)': '분리 용이성 (질량 가중)',
 'No component with a known mass yet.': '질량을 아는 부재가 아직 없습니다.',
 'Share of the components whose figure was measured, estimated, or is missing.': '각 항목이 실측·추정·누락인 '
                                                                                 '부재의 비율.',
 'Offer reusable components on the marketplace': '재사용 가능한 부재를 마켓플레이스에 내놓기',
 "Every component whose use ends within the horizon becomes an offer of its reusable mass, at the building's location, available from its end-of-use date; the marketplace's matcher then suggests partners.": '기간 '
                                                                                                                                                                                                               '안에 '
                                                                                                                                                                                                               '사용이 '
                                                                                                                                                                                                               '끝나는 '
                                                                                                                                                                                                               '부재는 '
                                                                                                                                                                                                               '재사용 '
                                                                                                                                                                                                               '가능 '
                                                                                                                                                                                                               '질량이 '
                                                                                                                                                                                                               '건물 '
                                                                                                                                                                                                               '위치에서 '
                                                                                                                                                                                                               '사용 '
                                                                                                                                                                                                               '종료일부터 '
                                                                                                                                                                                                               '제공되는 '
                                                                                                                                                                                                               '매물이 '
                                                                                                                                                                                                               '됩니다. '
                                                                                                                                                                                                               '이후 '
                                                                                                                                                                                                               '마켓플레이스의 '
                                                                                                                                                                                                               '매칭이 '
                                                                                                                                                                                                               '파트너를 '
                                                                                                                                                                                                               '제안합니다.',
 'Offer on the marketplace': '마켓플레이스에 내놓기',
 'Connection': '접합 방식',
 'Take-back': '회수',
 'mass missing': '질량 누락',
 'until': '까지',
 'figures missing': '수치 누락',
 'On the marketplace:': '마켓플레이스 매물:',
 'No component yet: import them from the template or an IFC model.': '부재가 아직 없습니다. 템플릿이나 IFC 모델에서 '
                                                                     '가져오세요.',
 'How the score is computed': '점수 계산 방법',
 'Material Circularity Indicator of the Ellen MacArthur Foundation (methodology 2015, revised 2019), per component:': '엘렌 '
                                                                                                                      '맥아더 '
                                                                                                                      '재단의 '
                                                                                                                      '물질 '
                                                                                                                      '순환성 '
                                                                                                                      '지표 '
                                                                                                                      '(2015년 '
                                                                                                                      '방법, '
                                                                                                                      '2019년 '
                                                                                                                      '개정), '
                                                                                                                      '부재별:',
 "In the passport the origin sets the feedstock (recycled: F_R = 1, reused: F_U = 1, sustained biological: F_S = 1, virgin: none), the reusable share is C_U and the recyclable share C_R; X is the expected lifetime over the reference lifetime when both are known, otherwise 1. The building's score is the mass-weighted mean of its components' scores.": '여권에서 '
                                                                                                                                                                                                                                                                                                                                                                '출처가 '
                                                                                                                                                                                                                                                                                                                                                                '원료를 '
                                                                                                                                                                                                                                                                                                                                                                '정합니다 '
                                                                                                                                                                                                                                                                                                                                                                '(재활용재: '
                                                                                                                                                                                                                                                                                                                                                                'F_R '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1, '
                                                                                                                                                                                                                                                                                                                                                                '재사용재: '
                                                                                                                                                                                                                                                                                                                                                                'F_U '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1, '
                                                                                                                                                                                                                                                                                                                                                                '지속 '
                                                                                                                                                                                                                                                                                                                                                                '가능한 '
                                                                                                                                                                                                                                                                                                                                                                '생물 '
                                                                                                                                                                                                                                                                                                                                                                '유래: '
                                                                                                                                                                                                                                                                                                                                                                'F_S '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1, '
                                                                                                                                                                                                                                                                                                                                                                '신재: '
                                                                                                                                                                                                                                                                                                                                                                '없음). '
                                                                                                                                                                                                                                                                                                                                                                '재사용 '
                                                                                                                                                                                                                                                                                                                                                                '가능 '
                                                                                                                                                                                                                                                                                                                                                                '비율이 '
                                                                                                                                                                                                                                                                                                                                                                'C_U, '
                                                                                                                                                                                                                                                                                                                                                                '재활용 '
                                                                                                                                                                                                                                                                                                                                                                '가능 '
                                                                                                                                                                                                                                                                                                                                                                '비율이 '
                                                                                                                                                                                                                                                                                                                                                                'C_R '
                                                                                                                                                                                                                                                                                                                                                                '입니다. '
                                                                                                                                                                                                                                                                                                                                                                'X는 '
                                                                                                                                                                                                                                                                                                                                                                '예상 '
                                                                                                                                                                                                                                                                                                                                                                '수명과 '
                                                                                                                                                                                                                                                                                                                                                                '기준 '
                                                                                                                                                                                                                                                                                                                                                                '수명을 '
                                                                                                                                                                                                                                                                                                                                                                '모두 '
                                                                                                                                                                                                                                                                                                                                                                '알면 '
                                                                                                                                                                                                                                                                                                                                                                '그 '
                                                                                                                                                                                                                                                                                                                                                                '비율, '
                                                                                                                                                                                                                                                                                                                                                                '아니면 '
                                                                                                                                                                                                                                                                                                                                                                '1입니다. '
                                                                                                                                                                                                                                                                                                                                                                '건물 '
                                                                                                                                                                                                                                                                                                                                                                '점수는 '
                                                                                                                                                                                                                                                                                                                                                                '부재 '
                                                                                                                                                                                                                                                                                                                                                                '점수의 '
                                                                                                                                                                                                                                                                                                                                                                '질량 '
                                                                                                                                                                                                                                                                                                                                                                '가중 '
                                                                                                                                                                                                                                                                                                                                                                '평균입니다.',
 'Detachability = 2 / (1 / connection factor + 1 / accessibility factor), after Durmisevic (2006) with the factor values of the Building Circularity Indicator (Verberne 2016; van Vliet 2018).': '분리 '
                                                                                                                                                                                                  '용이성 '
                                                                                                                                                                                                  '= '
                                                                                                                                                                                                  '2 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '(1 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '접합 '
                                                                                                                                                                                                  '계수 '
                                                                                                                                                                                                  '+ '
                                                                                                                                                                                                  '1 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '접근성 '
                                                                                                                                                                                                  '계수). '
                                                                                                                                                                                                  'Durmisevic '
                                                                                                                                                                                                  '(2006) '
                                                                                                                                                                                                  '에 '
                                                                                                                                                                                                  '따르며 '
                                                                                                                                                                                                  '계수는 '
                                                                                                                                                                                                  'Building '
                                                                                                                                                                                                  'Circularity '
                                                                                                                                                                                                  'Indicator '
                                                                                                                                                                                                  '(Verberne '
                                                                                                                                                                                                  '2016; '
                                                                                                                                                                                                  'van '
                                                                                                                                                                                                  'Vliet '
                                                                                                                                                                                                  '2018) '
                                                                                                                                                                                                  '값을 '
                                                                                                                                                                                                  '사용.',
 'Register a building': '건물 등록',
 'Register a building of %(city)s': '%(city)s 의 건물 등록',
 'Save': '저장',
 "From the platform's Excel template (one row per material of a component; rows with the same reference are one component) or from an IFC model. Every row is checked first: nothing is imported unless every row is right. A component whose reference is already in the building is updated.": '플랫폼의 '
                                                                                                                                                                                                                                                                                                 'Excel '
                                                                                                                                                                                                                                                                                                 '템플릿 '
                                                                                                                                                                                                                                                                                                 '(부재의 '
                                                                                                                                                                                                                                                                                                 '자재마다 '
                                                                                                                                                                                                                                                                                                 '한 '
                                                                                                                                                                                                                                                                                                 '행, '
                                                                                                                                                                                                                                                                                                 '참조 '
                                                                                                                                                                                                                                                                                                 '번호가 '
                                                                                                                                                                                                                                                                                                 '같은 '
                                                                                                                                                                                                                                                                                                 '행은 '
                                                                                                                                                                                                                                                                                                 '한 '
                                                                                                                                                                                                                                                                                                 '부재) '
                                                                                                                                                                                                                                                                                                 '또는 '
                                                                                                                                                                                                                                                                                                 'IFC '
                                                                                                                                                                                                                                                                                                 '모델에서 '
                                                                                                                                                                                                                                                                                                 '가져옵니다. '
                                                                                                                                                                                                                                                                                                 '모든 '
                                                                                                                                                                                                                                                                                                 '행을 '
                                                                                                                                                                                                                                                                                                 '먼저 '
                                                                                                                                                                                                                                                                                                 '확인하며, '
                                                                                                                                                                                                                                                                                                 '모두 '
                                                                                                                                                                                                                                                                                                 '맞아야만 '
                                                                                                                                                                                                                                                                                                 '가져옵니다. '
                                                                                                                                                                                                                                                                                                 '건물에 '
                                                                                                                                                                                                                                                                                                 '같은 '
                                                                                                                                                                                                                                                                                                 '참조 '
                                                                                                                                                                                                                                                                                                 '번호의 '
                                                                                                                                                                                                                                                                                                 '부재가 '
                                                                                                                                                                                                                                                                                                 '있으면 '
                                                                                                                                                                                                                                                                                                 '갱신됩니다.',
 'Components template (Excel)': '부재 템플릿 (Excel)',
 "From an IFC model the platform takes each element, its materials and quantities. Mass comes from the model's weight, or from its volume and the material's density; what the model lacks (mass, origin, end-of-use shares, connections) is listed as missing, never guessed.": 'IFC '
                                                                                                                                                                                                                                                                                 '모델에서 '
                                                                                                                                                                                                                                                                                 '각 '
                                                                                                                                                                                                                                                                                 '요소와 '
                                                                                                                                                                                                                                                                                 '그 '
                                                                                                                                                                                                                                                                                 '자재, '
                                                                                                                                                                                                                                                                                 '물량을 '
                                                                                                                                                                                                                                                                                 '가져옵니다. '
                                                                                                                                                                                                                                                                                 '질량은 '
                                                                                                                                                                                                                                                                                 '모델의 '
                                                                                                                                                                                                                                                                                 '무게 '
                                                                                                                                                                                                                                                                                 '또는 '
                                                                                                                                                                                                                                                                                 '부피와 '
                                                                                                                                                                                                                                                                                 '자재 '
                                                                                                                                                                                                                                                                                 '밀도로 '
                                                                                                                                                                                                                                                                                 '구합니다. '
                                                                                                                                                                                                                                                                                 '모델에 '
                                                                                                                                                                                                                                                                                 '없는 '
                                                                                                                                                                                                                                                                                 '것 '
                                                                                                                                                                                                                                                                                 '(질량, '
                                                                                                                                                                                                                                                                                 '출처, '
                                                                                                                                                                                                                                                                                 '사용 '
                                                                                                                                                                                                                                                                                 '후 '
                                                                                                                                                                                                                                                                                 '비율, '
                                                                                                                                                                                                                                                                                 '접합) '
                                                                                                                                                                                                                                                                                 '은 '
                                                                                                                                                                                                                                                                                 '누락으로 '
                                                                                                                                                                                                                                                                                 '표시하며 '
                                                                                                                                                                                                                                                                                 '추측하지 '
                                                                                                                                                                                                                                                                                 '않습니다.',
 'The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.': '파일이 '
                                                                                                                                                   '커서 '
                                                                                                                                                   '백그라운드에서 '
                                                                                                                                                   '확인하고 '
                                                                                                                                                   '가져오는 '
                                                                                                                                                   '중입니다. '
                                                                                                                                                   '한 '
                                                                                                                                                   '행이라도 '
                                                                                                                                                   '잘못되면 '
                                                                                                                                                   '아무것도 '
                                                                                                                                                   '가져오지 '
                                                                                                                                                   '않습니다. '
                                                                                                                                                   '이 '
                                                                                                                                                   '페이지에서 '
                                                                                                                                                   '진행 '
                                                                                                                                                   '상황을 '
                                                                                                                                                   '볼 '
                                                                                                                                                   '수 '
                                                                                                                                                   '있습니다.',
 'Nothing was imported. Please correct these rows:': '아무것도 가져오지 않았습니다. 다음 행을 고치세요:',
 'What the model does not give': '모델에 없는 정보',
 'See the passport': '여권 보기',
 'Import': '가져오기',
 'Buildings as material banks': '자재 은행으로서의 건물',
 'What is in a building, how it is fixed and what it will be worth decide whether its materials can be used again. A materials passport records it per component; the circularity score is computed with a published method you can check.': '건물에 '
                                                                                                                                                                                                                                             '무엇이 '
                                                                                                                                                                                                                                             '있고, '
                                                                                                                                                                                                                                             '어떻게 '
                                                                                                                                                                                                                                             '고정되었으며, '
                                                                                                                                                                                                                                             '앞으로 '
                                                                                                                                                                                                                                             '얼마의 '
                                                                                                                                                                                                                                             '가치가 '
                                                                                                                                                                                                                                             '있는지가 '
                                                                                                                                                                                                                                             '자재의 '
                                                                                                                                                                                                                                             '재사용 '
                                                                                                                                                                                                                                             '여부를 '
                                                                                                                                                                                                                                             '결정합니다. '
                                                                                                                                                                                                                                             '자재 '
                                                                                                                                                                                                                                             '여권은 '
                                                                                                                                                                                                                                             '이를 '
                                                                                                                                                                                                                                             '부재별로 '
                                                                                                                                                                                                                                             '기록하고, '
                                                                                                                                                                                                                                             '순환성 '
                                                                                                                                                                                                                                             '점수는 '
                                                                                                                                                                                                                                             '확인할 '
                                                                                                                                                                                                                                             '수 '
                                                                                                                                                                                                                                             '있는 '
                                                                                                                                                                                                                                             '공개 '
                                                                                                                                                                                                                                             '방법으로 '
                                                                                                                                                                                                                                             '계산합니다.',
 'City': '도시',
 'map': '지도',
 'published': '공개',
 'draft': '초안',
 'No building yet.': '건물이 아직 없습니다.',
 'Where reusable material becomes available, and when: the reusable mass of every component whose use ends within the horizon, by material, in tonnes per year.': '재사용 '
                                                                                                                                                                  '가능한 '
                                                                                                                                                                  '자재가 '
                                                                                                                                                                  '언제 '
                                                                                                                                                                  '어디서 '
                                                                                                                                                                  '나오는지: '
                                                                                                                                                                  '기간 '
                                                                                                                                                                  '안에 '
                                                                                                                                                                  '사용이 '
                                                                                                                                                                  '끝나는 '
                                                                                                                                                                  '부재의 '
                                                                                                                                                                  '재사용 '
                                                                                                                                                                  '가능 '
                                                                                                                                                                  '질량을 '
                                                                                                                                                                  '자재별, '
                                                                                                                                                                  '연도별 '
                                                                                                                                                                  '톤으로 '
                                                                                                                                                                  '보여 '
                                                                                                                                                                  '줍니다.',
 'Show': '보기',
 'Map of buildings with reusable material': '재사용 가능한 자재가 있는 건물 지도',
 'Reusable material by year (tonnes)': '연도별 재사용 가능 자재 (t)',
 'Offered on the marketplace': '마켓플레이스에 내놓음',
 'New offers': '새 매물',
 'available from': '이용 가능일',
 "Open an offer to see the partners the marketplace's matcher suggests.": '매물을 열면 마켓플레이스 매칭이 제안하는 '
                                                                          '파트너를 볼 수 있습니다.',
 'Already offered': '이미 내놓음',
 'Not offered': '내놓지 않음',
 'No component of this building comes free within this horizon.': '이 기간 안에 나오는 부재가 이 건물에 없습니다.',
 'Building saved.': '건물을 저장했습니다.',
 'Importing components of %(b)s': '%(b)s 의 부재를 가져오는 중',
 '%(rows)d components read: %(created)d new, %(updated)d updated.': '부재 %(rows)d 개를 읽었습니다: 새로 '
                                                                    '%(created)d 개, 갱신 %(updated)d '
                                                                    '개.',
 'composted or energy': '퇴비화·에너지 회수',
 'Composted or energy recovery': '퇴비화 또는 에너지 회수',
 'The reusable, recyclable, composted and energy recovery shares add up to more than 1; a kilogram goes to one route.': '재사용·재활용·퇴비화·에너지 '
                                                                                                                        '회수 '
                                                                                                                        '비율의 '
                                                                                                                        '합이 '
                                                                                                                        '1을 '
                                                                                                                        '넘습니다. '
                                                                                                                        '1 '
                                                                                                                        'kg은 '
                                                                                                                        '한 '
                                                                                                                        '경로로만 '
                                                                                                                        '갑니다.',
 'To offer components on the marketplace, your account needs the organisation that lists for the city (for example its public works department); the secretariat links accounts to organisations.': '부재를 '
                                                                                                                                                                                                    '마켓플레이스에 '
                                                                                                                                                                                                    '내놓으려면 '
                                                                                                                                                                                                    '계정이 '
                                                                                                                                                                                                    '도시를 '
                                                                                                                                                                                                    '대표해 '
                                                                                                                                                                                                    '등록하는 '
                                                                                                                                                                                                    '조직 '
                                                                                                                                                                                                    '(예: '
                                                                                                                                                                                                    '공공사업 '
                                                                                                                                                                                                    '부서) '
                                                                                                                                                                                                    '에 '
                                                                                                                                                                                                    '연결되어 '
                                                                                                                                                                                                    '있어야 '
                                                                                                                                                                                                    '합니다. '
                                                                                                                                                                                                    '계정과 '
                                                                                                                                                                                                    '조직의 '
                                                                                                                                                                                                    '연결은 '
                                                                                                                                                                                                    '사무국이 '
                                                                                                                                                                                                    '합니다.',
 'Count': '개수',
 'One per line: name; mass in kg (blank when unknown); EU List of Waste code, e.g. timber; 1200; 17 02 01': '한 '
                                                                                                            '줄에 '
                                                                                                            '하나: '
                                                                                                            '이름; '
                                                                                                            '질량 '
                                                                                                            'kg '
                                                                                                            '(모르면 '
                                                                                                            '비움); '
                                                                                                            'EU '
                                                                                                            '폐기물 '
                                                                                                            '목록 '
                                                                                                            '코드. '
                                                                                                            '예: '
                                                                                                            'timber; '
                                                                                                            '1200; '
                                                                                                            '17 '
                                                                                                            '02 '
                                                                                                            '01',
 'Accessibility': '접근성',
 'Reusable share (0 to 1)': '재사용 가능 비율 (0~1)',
 'Recyclable share (0 to 1)': '재활용 가능 비율 (0~1)',
 'Composted share (0 to 1)': '퇴비화 비율 (0~1)',
 'Energy recovery share (0 to 1)': '에너지 회수 비율 (0~1)',
 'Expected lifetime (years)': '예상 수명 (년)',
 'Industry-average lifetime (years)': '업계 평균 수명 (년)',
 'Take-back supplier': '회수 공급자',
 'Take-back terms': '회수 조건',
 'Take-back until': '회수 기한',
 'Currency (ISO 4217)': '통화 (ISO 4217)',
 'Residual value estimated on': '잔존 가치 산정일',
 "Planned end of use (blank: the building's)": '사용 종료 예정일 (비우면 건물의 날짜)',
 'Data quality: %(figure)s': '데이터 품질: %(figure)s',
 'Edit component': '부재 편집',
 'Add a component': '부재 추가',
 'Leave a figure blank when it is not known: it is shown as missing, never filled in.': '모르는 수치는 '
                                                                                        '비워 두세요. '
                                                                                        '누락으로 표시되며 '
                                                                                        '채워 넣지 '
                                                                                        '않습니다.',
 'Delete this component': '이 부재 삭제',
 'Component saved.': '부재를 저장했습니다.',
 'Component deleted.': '부재를 삭제했습니다.',
 'Give a horizon of 1 to 50 years.': '1~50년의 기간을 입력하세요.'}

P = {'%(n)s year': '%(n)s년',
 '%(n)s component without a mass': '질량이 없는 부재 %(n)s 개',
 '%(n)s component lacks figures; add them in the spreadsheet or in the model.': '부재 %(n)s 개에 수치가 '
                                                                                '없습니다. 스프레드시트나 '
                                                                                '모델에서 추가하세요.',
 'No reusable material becomes available within %(n)s year.': '%(n)s년 안에 나오는 재사용 가능 자재가 없습니다.',
 'Components whose use ends within %(n)s year.': '%(n)s년 안에 사용이 끝나는 부재.'}
