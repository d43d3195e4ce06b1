"""Japanese for the buildings app (materials passports, material bank)."""

LANG = "ja"

T = {'Publish the selected passports': '選択したパスポートを公開',
 'Withdraw the selected passports': '選択したパスポートを非公開にする',
 'The building has no location; give its coordinates before offering its components.': '建物の位置がありません。部材を出品する前に座標を入力してください。',
 'no planned end of use': '使用終了予定日なし',
 'reusable share missing': '再使用可能率が未入力',
 'nothing reusable': '再使用できる部分なし',
 'mass of %(m)s missing': '%(m)s の質量が未入力',
 'no EU List of Waste code for %(m)s': '%(m)s の EU 廃棄物リストコードなし',
 'less than 1 kg reusable': '再使用可能量が 1 kg 未満',
 "From the materials passport of %(b)s (component %(ref)s); available when the building's use ends on %(date)s.": '%(b)s '
                                                                                                                  'のマテリアルパスポートより（部材 '
                                                                                                                  '%(ref)s）。建物の使用が '
                                                                                                                  '%(date)s '
                                                                                                                  'に終了した時点で入手可能。',
 'Name': '名称',
 'Description': '説明',
 'Address': '住所',
 'Latitude': '緯度',
 'Longitude': '経度',
 'Use': '用途',
 'Floor area (m²)': '延床面積（m²）',
 'Year built': '竣工年',
 'Design life (years)': '設計耐用年数（年）',
 'Planned end of use': '使用終了予定日',
 'Source of the figures': '数値の出典',
 'Publish the passport': 'パスポートを公開',
 'File (Excel .xlsx, CSV or IFC model)': 'ファイル（Excel .xlsx、CSV または IFC モデル）',
 'Components whose use ends within (years)': '使用終了までの年数（この年数以内の部材）',
 'Horizon (years)': '期間（年）',
 'Reading and checking every component.': 'すべての部材を読み込み、確認しています。',
 'A reference is required.': '参照番号が必要です。',
 'Expected at least one component row.': '部材の行が少なくとも 1 行必要です。',
 'dry connection (click, loose laid)': '乾式接合（クリック、置き敷き）',
 'added fixings (bolts, screws)': '付加留め具（ボルト、ねじ）',
 'direct integral connection': '直接一体接合',
 'soft chemical (sealant, foam)': '軟質化学接合（シーリング材、発泡材）',
 'hard chemical (glue, mortar, weld)': '硬質化学接合（接着剤、モルタル、溶接）',
 'freely accessible': '自由にアクセス可能',
 'extra actions, no damage': '追加作業が必要、損傷なし',
 'extra actions, repairable damage': '追加作業が必要、修復可能な損傷',
 'only with irreparable damage': '修復不能な損傷を伴う',
 'mass': '質量',
 'origin': '由来',
 'reusable share': '再使用可能率',
 'recyclable share': 'リサイクル可能率',
 'lifetime': '耐用年数',
 'detachability': '分解容易性',
 'residual value': '残存価値',
 'take-back': '引き取り',
 'civic / town hall': '公共施設 / 庁舎',
 'office': 'オフィス',
 'residential': '住宅',
 'education': '教育',
 'health care': '医療',
 'industrial': '工業',
 'other': 'その他',
 'virgin': 'バージン材',
 'recycled': 'リサイクル材',
 'reused': '再使用材',
 'sustained biological': '持続可能な生物由来',
 'reusable': '再使用可能',
 'recyclable': 'リサイクル可能',
 'lost': '損失',
 'end of use unknown': '使用終了後の行き先不明',
 'Only the editors of the city that owns this building, or the secretariat, can change it.': 'この建物を所有する都市の編集者、または事務局のみが変更できます。',
 "Only a city's editors, or the secretariat, can register a building for that city.": '都市の編集者または事務局のみが、その都市の建物を登録できます。',
 'This passport is not published yet.': 'このパスポートはまだ公開されていません。',
 'Owner city': '所有都市',
 'Source': '出典',
 'Known mass (t)': '既知の質量（t）',
 'Reusable': '再使用可能',
 'Recyclable': 'リサイクル可能',
 'Lost': '損失',
 'End of use unknown': '使用終了後の行き先不明',
 'Detachability': '分解容易性',
 'Under a take-back agreement': '引き取り契約あり',
 'Residual value': '残存価値',
 'Material Circularity Indicator (mass-weighted)': 'マテリアル循環性指標（質量加重）',
 'Components without the figures the MCI needs': 'MCI に必要な数値がない部材',
 'Reference': '参照番号',
 'Component': '部材',
 'Classification': '分類',
 'Materials': '材料',
 'Origin': '由来',
 'Components': '部材',
 'Figure': '項目',
 'measured': '実測',
 'estimated': '推定',
 'missing': '欠落',
 'Data quality per figure': '項目ごとのデータ品質',
 'Material': '材料',
 'Mass (t)': '質量（t）',
 'Materials by mass': '質量別の材料',
 'Materials passport: %(name)s': 'マテリアルパスポート：%(name)s',
 'Material Circularity Indicator after the Ellen MacArthur Foundation (2019 method)': 'エレン・マッカーサー財団のマテリアル循環性指標（2019 '
                                                                                      '年版手法）',
 'Building': '建物',
 'Passport': 'パスポート',
 'Data quality': 'データ品質',
 'Give both latitude and longitude, or neither.': '緯度と経度を両方入力するか、どちらも空欄にしてください。',
 'The reusable and recyclable shares add up to more than 1; a kilogram goes to one route.': '再使用可能率とリサイクル可能率の合計が '
                                                                                            '1 '
                                                                                            'を超えています。1 '
                                                                                            'kg '
                                                                                            'の行き先は一つです。',
 'A recycled feedstock cannot be made with zero efficiency.': '効率ゼロではリサイクル原料を製造できません。',
 'Name the supplier that takes the component back.': '部材を引き取る供給者名を入力してください。',
 'Expected the data quality per figure.': '項目ごとのデータ品質を入力してください。',
 'Expected a list of at most %(n)d materials.': '材料は最大 %(n)d 件です。',
 'Expected each material with its name and mass.': '各材料に名称と質量が必要です。',
 'Expected a 6-digit EU List of Waste code such as 17 02 01.': '17 02 01 のような 6 桁の EU '
                                                               '廃棄物リストコードを入力してください。',
 'This component belongs to another building.': 'この部材は別の建物に属しています。',
 'Another component of this building has this reference.': 'この建物の別の部材がこの参照番号を使っています。',
 'Buildings': '建物',
 'Material bank of %(city)s': '%(city)s のマテリアルバンク',
 "Draft: only the city's members see this passport.": '下書き：この都市のメンバーだけがこのパスポートを見られます。',
 'Floor area': '延床面積',
 'Design life': '設計耐用年数',
 'Edit building': '建物を編集',
 'Import components': '部材を取り込む',
 'Passport (PDF)': 'パスポート（PDF）',
 'Passport (Excel)': 'パスポート（Excel）',
 'Material Circularity Indicator': 'マテリアル循環性指標',
 'Mass-weighted over the components that have the figures it needs; 0.1 is a fully linear building of average life, 1 a fully restorative one.': '必要な数値がそろった部材について質量で加重。0.1 '
                                                                                                                                                 'は平均寿命の完全に線形な建物、1 '
                                                                                                                                                 'は完全に再生的な建物です。',
 'Virgin feedstock V': 'バージン原料 V',
 'Unrecoverable waste W': '回収不能な廃棄物 W',
 'Linear flow index (mass-weighted)': '線形フロー指数（質量加重）',
 'Mass scored': '評価対象の質量',
 'Not computed: no component has its mass, origin and end-of-use shares yet.': '未計算：質量・由来・使用終了後の割合がそろった部材がまだありません。',
 'Left out, figures missing:': '数値が欠けているため除外：',
 'How it is computed': '計算方法',
 'Where the materials go at the end of use': '使用終了後の材料の行き先',
 'Known mass: %(t)s t': '既知の質量：%(t)s t',
 'Share reusable, recyclable and lost': '再使用可能・リサイクル可能・損失の割合',
 'Detachability (mass-weighted)': '分解容易性（質量加重）',
 'No component with a known mass yet.': '質量が分かっている部材はまだありません。',
 'Share of the components whose figure was measured, estimated, or is missing.': '各項目が実測・推定・欠落である部材の割合。',
 'Offer reusable components on the marketplace': '再使用可能な部材をマーケットプレイスに出品',
 "Every component whose use ends within the horizon becomes an offer of its reusable mass, at the building's location, available from its end-of-use date; the marketplace's matcher then suggests partners.": '期間内に使用を終える部材は、再使用可能な質量を建物の所在地で、使用終了日から入手可能な出品になります。その後、マーケットプレイスのマッチングが相手を提案します。',
 'Offer on the marketplace': 'マーケットプレイスに出品',
 'Connection': '接合方法',
 'Take-back': '引き取り',
 'mass missing': '質量なし',
 'until': 'まで',
 'figures missing': '数値が欠落',
 'On the marketplace:': 'マーケットプレイスに出品中：',
 'No component yet: import them from the template or an IFC model.': '部材はまだありません。テンプレートか IFC '
                                                                     'モデルから取り込んでください。',
 'How the score is computed': 'スコアの計算方法',
 'Material Circularity Indicator of the Ellen MacArthur Foundation (methodology 2015, revised 2019), per component:': 'エレン・マッカーサー財団のマテリアル循環性指標（2015 '
                                                                                                                      '年の手法、2019 '
                                                                                                                      '年改訂）、部材ごと：',
 "In the passport the origin sets the feedstock (recycled: F_R = 1, reused: F_U = 1, sustained biological: F_S = 1, virgin: none), the reusable share is C_U and the recyclable share C_R; X is the expected lifetime over the reference lifetime when both are known, otherwise 1. The building's score is the mass-weighted mean of its components' scores.": 'パスポートでは由来が原料を決めます（リサイクル材：F_R '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1、再使用材：F_U '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1、持続可能な生物由来：F_S '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1、バージン材：なし）。再使用可能率が '
                                                                                                                                                                                                                                                                                                                                                                'C_U、リサイクル可能率が '
                                                                                                                                                                                                                                                                                                                                                                'C_R '
                                                                                                                                                                                                                                                                                                                                                                'です。X '
                                                                                                                                                                                                                                                                                                                                                                'は想定耐用年数と基準耐用年数が両方分かれば両者の比、そうでなければ '
                                                                                                                                                                                                                                                                                                                                                                '1 '
                                                                                                                                                                                                                                                                                                                                                                'です。建物のスコアは部材スコアの質量加重平均です。',
 'Detachability = 2 / (1 / connection factor + 1 / accessibility factor), after Durmisevic (2006) with the factor values of the Building Circularity Indicator (Verberne 2016; van Vliet 2018).': '分解容易性 '
                                                                                                                                                                                                  '= '
                                                                                                                                                                                                  '2 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '(1 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '接合係数 '
                                                                                                                                                                                                  '+ '
                                                                                                                                                                                                  '1 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  'アクセス係数)。Durmisevic（2006）に基づき、係数は '
                                                                                                                                                                                                  'Building '
                                                                                                                                                                                                  'Circularity '
                                                                                                                                                                                                  'Indicator（Verberne '
                                                                                                                                                                                                  '2016、van '
                                                                                                                                                                                                  'Vliet '
                                                                                                                                                                                                  '2018）の値を使用。',
 'Register a building': '建物を登録',
 'Register a building of %(city)s': '%(city)s の建物を登録',
 'Save': '保存',
 "From the platform's Excel template (one row per material of a component; rows with the same reference are one component) or from an IFC model. Every row is checked first: nothing is imported unless every row is right. A component whose reference is already in the building is updated.": 'プラットフォームの '
                                                                                                                                                                                                                                                                                                 'Excel '
                                                                                                                                                                                                                                                                                                 'テンプレート（部材の材料ごとに '
                                                                                                                                                                                                                                                                                                 '1 '
                                                                                                                                                                                                                                                                                                 '行。参照番号が同じ行は同じ部材）または '
                                                                                                                                                                                                                                                                                                 'IFC '
                                                                                                                                                                                                                                                                                                 'モデルから取り込みます。まずすべての行を確認し、すべて正しい場合にのみ取り込みます。建物に同じ参照番号の部材があれば更新されます。',
 'Components template (Excel)': '部材テンプレート（Excel）',
 "From an IFC model the platform takes each element, its materials and quantities. Mass comes from the model's weight, or from its volume and the material's density; what the model lacks (mass, origin, end-of-use shares, connections) is listed as missing, never guessed.": 'IFC '
                                                                                                                                                                                                                                                                                 'モデルからは各要素とその材料・数量を取り込みます。質量はモデルの重量、または体積と材料密度から求めます。モデルにないもの（質量、由来、使用終了後の割合、接合）は欠落として示し、推測はしません。',
 'The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.': 'ファイルが大きいため、バックグラウンドで確認・取り込みを行っています。1 '
                                                                                                                                                   '行でも誤りがあれば何も取り込まれません。このページに進捗が表示されます。',
 'Nothing was imported. Please correct these rows:': '何も取り込まれませんでした。次の行を修正してください：',
 'What the model does not give': 'モデルにない情報',
 'See the passport': 'パスポートを見る',
 'Import': '取り込む',
 'Buildings as material banks': 'マテリアルバンクとしての建物',
 'What is in a building, how it is fixed and what it will be worth decide whether its materials can be used again. A materials passport records it per component; the circularity score is computed with a published method you can check.': '建物に何があり、どう固定され、将来どれほどの価値があるかで、材料を再び使えるかが決まります。マテリアルパスポートは部材ごとにそれを記録し、循環性スコアは検証できる公開手法で計算します。',
 'City': '都市',
 'map': '地図',
 'published': '公開',
 'draft': '下書き',
 'No building yet.': '建物はまだありません。',
 'Where reusable material becomes available, and when: the reusable mass of every component whose use ends within the horizon, by material, in tonnes per year.': '再使用可能な材料がいつどこで手に入るか：期間内に使用を終える各部材の再使用可能な質量を、材料別・年別にトンで示します。',
 'Show': '表示',
 'Map of buildings with reusable material': '再使用可能な材料のある建物の地図',
 'Reusable material by year (tonnes)': '年別の再使用可能な材料（t）',
 'Offered on the marketplace': 'マーケットプレイスに出品済み',
 'New offers': '新しい出品',
 'available from': '入手可能日',
 "Open an offer to see the partners the marketplace's matcher suggests.": '出品を開くと、マーケットプレイスのマッチングが提案する相手が表示されます。',
 'Already offered': '出品済み',
 'Not offered': '出品なし',
 'No component of this building comes free within this horizon.': 'この期間内に使用を終える部材はこの建物にありません。',
 'Building saved.': '建物を保存しました。',
 'Importing components of %(b)s': '%(b)s の部材を取り込み中',
 '%(rows)d components read: %(created)d new, %(updated)d updated.': '%(rows)d 件の部材を読み込みました：新規 '
                                                                    '%(created)d 件、更新 %(updated)d '
                                                                    '件。',
 'composted or energy': '堆肥化・エネルギー回収',
 'Composted or energy recovery': '堆肥化またはエネルギー回収',
 'The reusable, recyclable, composted and energy recovery shares add up to more than 1; a kilogram goes to one route.': '再使用・リサイクル・堆肥化・エネルギー回収の割合の合計が '
                                                                                                                        '1 '
                                                                                                                        'を超えています。1 '
                                                                                                                        'kg '
                                                                                                                        'の行き先は一つです。',
 'To offer components on the marketplace, your account needs the organisation that lists for the city (for example its public works department); the secretariat links accounts to organisations.': '部材をマーケットプレイスに出品するには、都市を代表して出品する組織（例：公共事業部門）にアカウントが属している必要があります。アカウントと組織の紐付けは事務局が行います。',
 'Count': '個数',
 'One per line: name; mass in kg (blank when unknown); EU List of Waste code, e.g. timber; 1200; 17 02 01': '1 '
                                                                                                            '行に '
                                                                                                            '1 '
                                                                                                            '件：名称; '
                                                                                                            '質量 '
                                                                                                            'kg（不明なら空欄）; '
                                                                                                            'EU '
                                                                                                            '廃棄物リストコード。例：timber; '
                                                                                                            '1200; '
                                                                                                            '17 '
                                                                                                            '02 '
                                                                                                            '01',
 'Accessibility': 'アクセス性',
 'Reusable share (0 to 1)': '再使用可能率（0～1）',
 'Recyclable share (0 to 1)': 'リサイクル可能率（0～1）',
 'Composted share (0 to 1)': '堆肥化の割合（0～1）',
 'Energy recovery share (0 to 1)': 'エネルギー回収の割合（0～1）',
 'Expected lifetime (years)': '想定耐用年数（年）',
 'Industry-average lifetime (years)': '業界平均の耐用年数（年）',
 'Take-back supplier': '引き取りを行う供給者',
 'Take-back terms': '引き取り条件',
 'Take-back until': '引き取り期限',
 'Currency (ISO 4217)': '通貨（ISO 4217）',
 'Residual value estimated on': '残存価値の算定日',
 "Planned end of use (blank: the building's)": '使用終了予定日（空欄なら建物の日付）',
 'Data quality: %(figure)s': 'データ品質：%(figure)s',
 'Edit component': '部材を編集',
 'Add a component': '部材を追加',
 'Leave a figure blank when it is not known: it is shown as missing, never filled in.': '分からない数値は空欄のままにしてください。欠落として表示され、補完はしません。',
 'Delete this component': 'この部材を削除',
 'Component saved.': '部材を保存しました。',
 'Component deleted.': '部材を削除しました。',
 'Give a horizon of 1 to 50 years.': '1～50 年の期間を入力してください。'}

P = {'%(n)s year': '%(n)s 年',
 '%(n)s component without a mass': '質量のない部材 %(n)s 件',
 '%(n)s component lacks figures; add them in the spreadsheet or in the model.': '%(n)s '
                                                                                '件の部材に数値が欠けています。表計算シートかモデルで追加してください。',
 'No reusable material becomes available within %(n)s year.': '%(n)s 年以内に入手できる再使用可能な材料はありません。',
 'Components whose use ends within %(n)s year.': '%(n)s 年以内に使用を終える部材。'}
