"""Chinese for the buildings app (materials passports, material bank)."""

T = {'Publish the selected passports': '发布所选护照',
 'Withdraw the selected passports': '撤回所选护照',
 'The building has no location; give its coordinates before offering its components.': '该建筑没有位置信息；请先填写坐标，再发布其构件。',
 'no planned end of use': '无计划停用日期',
 'reusable share missing': '缺少可再利用比例',
 'nothing reusable': '无可再利用部分',
 'mass of %(m)s missing': '缺少 %(m)s 的质量',
 'no EU List of Waste code for %(m)s': '%(m)s 没有欧盟废物名录代码',
 'less than 1 kg reusable': '可再利用部分不足 1 千克',
 "From the materials passport of %(b)s (component %(ref)s); available when the building's use ends on %(date)s.": '来自 '
                                                                                                                  '%(b)s '
                                                                                                                  '的材料护照（构件 '
                                                                                                                  '%(ref)s）；建筑于 '
                                                                                                                  '%(date)s '
                                                                                                                  '停用后可提供。',
 'Name': '名称',
 'Description': '描述',
 'Address': '地址',
 'Latitude': '纬度',
 'Longitude': '经度',
 'Use': '用途',
 'Floor area (m²)': '建筑面积（平方米）',
 'Year built': '建成年份',
 'Design life (years)': '设计使用年限（年）',
 'Planned end of use': '计划停用日期',
 'Source of the figures': '数据来源',
 'Publish the passport': '发布护照',
 'File (Excel .xlsx, CSV or IFC model)': '文件（Excel .xlsx、CSV 或 IFC 模型）',
 'Components whose use ends within (years)': '使用期将在以下年限内结束的构件（年）',
 'Horizon (years)': '时间范围（年）',
 'Reading and checking every component.': '正在读取并检查每个构件。',
 'A reference is required.': '必须填写编号。',
 'Expected at least one component row.': '至少需要一行构件数据。',
 'dry connection (click, loose laid)': '干式连接（卡扣、松铺）',
 'added fixings (bolts, screws)': '附加紧固件（螺栓、螺钉）',
 'direct integral connection': '直接一体连接',
 'soft chemical (sealant, foam)': '软性化学连接（密封胶、发泡胶）',
 'hard chemical (glue, mortar, weld)': '硬性化学连接（胶、砂浆、焊接）',
 'freely accessible': '可自由接近',
 'extra actions, no damage': '需额外操作，无损坏',
 'extra actions, repairable damage': '需额外操作，损坏可修复',
 'only with irreparable damage': '只能以不可修复的损坏拆除',
 'mass': '质量',
 'origin': '来源',
 'reusable share': '可再利用比例',
 'recyclable share': '可回收比例',
 'lifetime': '使用寿命',
 'detachability': '可拆卸性',
 'residual value': '残值',
 'take-back': '回收协议',
 'civic / town hall': '公共建筑 / 市政厅',
 'office': '办公',
 'residential': '住宅',
 'education': '教育',
 'health care': '医疗',
 'industrial': '工业',
 'other': '其他',
 'virgin': '原生',
 'recycled': '再生',
 'reused': '再利用',
 'sustained biological': '可持续生物质',
 'reusable': '可再利用',
 'recyclable': '可回收',
 'lost': '损失',
 'end of use unknown': '去向未知',
 'Only the editors of the city that owns this building, or the secretariat, can change it.': '只有拥有该建筑的城市的编辑者或秘书处可以修改。',
 "Only a city's editors, or the secretariat, can register a building for that city.": '只有城市的编辑者或秘书处可以为该城市登记建筑。',
 'This passport is not published yet.': '该护照尚未发布。',
 'Owner city': '所属城市',
 'Source': '来源',
 'Known mass (t)': '已知质量（吨）',
 'Reusable': '可再利用',
 'Recyclable': '可回收',
 'Lost': '损失',
 'End of use unknown': '去向未知',
 'Detachability': '可拆卸性',
 'Under a take-back agreement': '有回收协议',
 'Residual value': '残值',
 'Material Circularity Indicator (mass-weighted)': '材料循环指标（按质量加权）',
 'Components without the figures the MCI needs': '缺少 MCI 所需数据的构件',
 'Reference': '编号',
 'Component': '构件',
 'Classification': '分类',
 'Materials': '材料',
 'Origin': '来源',
 'Components': '构件',
 'Figure': '数据项',
 'measured': '实测',
 'estimated': '估算',
 'missing': '缺失',
 'Data quality per figure': '各数据项的数据质量',
 'Material': '材料',
 'Mass (t)': '质量（吨）',
 'Materials by mass': '按质量列出的材料',
 'Materials passport: %(name)s': '材料护照：%(name)s',
 'Material Circularity Indicator after the Ellen MacArthur Foundation (2019 method)': '材料循环指标，依据艾伦·麦克阿瑟基金会方法（2019 '
                                                                                      '版）',
 'Building': '建筑',
 'Passport': '护照',
 'Data quality': '数据质量',
 'Give both latitude and longitude, or neither.': '请同时填写纬度和经度，或都不填。',
 'The reusable and recyclable shares add up to more than 1; a kilogram goes to one route.': '可再利用与可回收比例之和超过 '
                                                                                            '1；每千克只能有一种去向。',
 'A recycled feedstock cannot be made with zero efficiency.': '效率为零时无法生产再生原料。',
 'Name the supplier that takes the component back.': '请写明回收该构件的供应商。',
 'Expected the data quality per figure.': '应按数据项填写数据质量。',
 'Expected a list of at most %(n)d materials.': '材料最多 %(n)d 种。',
 'Expected each material with its name and mass.': '每种材料需填写名称和质量。',
 'Expected a 6-digit EU List of Waste code such as 17 02 01.': '应为 6 位欧盟废物名录代码，例如 17 02 01。',
 'This component belongs to another building.': '该构件属于另一栋建筑。',
 'Another component of this building has this reference.': '该建筑的另一个构件已使用此编号。',
 'Buildings': '建筑',
 'Material bank of %(city)s': '%(city)s 的材料银行',
 "Draft: only the city's members see this passport.": '草稿：只有该城市的成员能看到此护照。',
 'Floor area': '建筑面积',
 'Design life': '设计使用年限',
 'Edit building': '编辑建筑',
 'Import components': '导入构件',
 'Passport (PDF)': '护照（PDF）',
 'Passport (Excel)': '护照（Excel）',
 'Material Circularity Indicator': '材料循环指标',
 'Mass-weighted over the components that have the figures it needs; 0.1 is a fully linear building of average life, 1 a fully restorative one.': '按质量加权，仅计入数据齐全的构件；0.1 '
                                                                                                                                                 '表示平均寿命的完全线性建筑，1 '
                                                                                                                                                 '表示完全可恢复的建筑。',
 'Virgin feedstock V': '原生原料 V',
 'Unrecoverable waste W': '不可回收废物 W',
 'Linear flow index (mass-weighted)': '线性流动指数（按质量加权）',
 'Mass scored': '计分质量',
 'Not computed: no component has its mass, origin and end-of-use shares yet.': '未计算：尚无构件同时具备质量、来源和使用结束后的去向比例。',
 'Left out, figures missing:': '因数据缺失未计入：',
 'How it is computed': '计算方法',
 'Where the materials go at the end of use': '使用结束后材料的去向',
 'Known mass: %(t)s t': '已知质量：%(t)s 吨',
 'Share reusable, recyclable and lost': '可再利用、可回收和损失的比例',
 'Detachability (mass-weighted)': '可拆卸性（按质量加权）',
 'No component with a known mass yet.': '尚无已知质量的构件。',
 'Share of the components whose figure was measured, estimated, or is missing.': '各数据项为实测、估算或缺失的构件所占比例。',
 'Offer reusable components on the marketplace': '在交易市场发布可再利用构件',
 "Every component whose use ends within the horizon becomes an offer of its reusable mass, at the building's location, available from its end-of-use date; the marketplace's matcher then suggests partners.": '在时间范围内停止使用的每个构件，都会以其可再利用质量作为供应信息发布，位置为建筑所在地，自停用日期起可提供；随后交易市场的匹配功能会推荐合作方。',
 'Offer on the marketplace': '发布到交易市场',
 'Connection': '连接方式',
 'Take-back': '回收协议',
 'mass missing': '缺少质量',
 'until': '至',
 'figures missing': '数据缺失',
 'On the marketplace:': '已在交易市场：',
 'No component yet: import them from the template or an IFC model.': '尚无构件：请通过模板或 IFC 模型导入。',
 'How the score is computed': '评分的计算方法',
 'Material Circularity Indicator of the Ellen MacArthur Foundation (methodology 2015, revised 2019), per component:': '艾伦·麦克阿瑟基金会的材料循环指标（2015 '
                                                                                                                      '年方法，2019 '
                                                                                                                      '年修订），按构件计算：',
 "In the passport the origin sets the feedstock (recycled: F_R = 1, reused: F_U = 1, sustained biological: F_S = 1, virgin: none), the reusable share is C_U and the recyclable share C_R; X is the expected lifetime over the reference lifetime when both are known, otherwise 1. The building's score is the mass-weighted mean of its components' scores.": '在护照中，来源决定原料（再生：F_R '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1，再利用：F_U '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1，可持续生物质：F_S '
                                                                                                                                                                                                                                                                                                                                                                '= '
                                                                                                                                                                                                                                                                                                                                                                '1，原生：均为 '
                                                                                                                                                                                                                                                                                                                                                                '0），可再利用比例为 '
                                                                                                                                                                                                                                                                                                                                                                'C_U，可回收比例为 '
                                                                                                                                                                                                                                                                                                                                                                'C_R；若预期寿命和参考寿命均已知，X '
                                                                                                                                                                                                                                                                                                                                                                '为二者之比，否则为 '
                                                                                                                                                                                                                                                                                                                                                                '1。建筑的评分为各构件评分的质量加权平均值。',
 'Detachability = 2 / (1 / connection factor + 1 / accessibility factor), after Durmisevic (2006) with the factor values of the Building Circularity Indicator (Verberne 2016; van Vliet 2018).': '可拆卸性 '
                                                                                                                                                                                                  '= '
                                                                                                                                                                                                  '2 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '(1 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '连接系数 '
                                                                                                                                                                                                  '+ '
                                                                                                                                                                                                  '1 '
                                                                                                                                                                                                  '/ '
                                                                                                                                                                                                  '可接近性系数)，依据 '
                                                                                                                                                                                                  'Durmisevic（2006），系数取建筑循环指标（Verberne '
                                                                                                                                                                                                  '2016；van '
                                                                                                                                                                                                  'Vliet '
                                                                                                                                                                                                  '2018）的数值。',
 'Register a building': '登记建筑',
 'Register a building of %(city)s': '登记 %(city)s 的建筑',
 'Save': '保存',
 "From the platform's Excel template (one row per material of a component; rows with the same reference are one component) or from an IFC model. Every row is checked first: nothing is imported unless every row is right. A component whose reference is already in the building is updated.": '可使用平台的 '
                                                                                                                                                                                                                                                                                                 'Excel '
                                                                                                                                                                                                                                                                                                 '模板（每种构件材料一行；编号相同的行属于同一构件）或 '
                                                                                                                                                                                                                                                                                                 'IFC '
                                                                                                                                                                                                                                                                                                 '模型。系统先检查每一行：只有全部正确才会导入。建筑中已有相同编号的构件将被更新。',
 'Components template (Excel)': '构件模板（Excel）',
 "From an IFC model the platform takes each element, its materials and quantities. Mass comes from the model's weight, or from its volume and the material's density; what the model lacks (mass, origin, end-of-use shares, connections) is listed as missing, never guessed.": '平台从 '
                                                                                                                                                                                                                                                                                 'IFC '
                                                                                                                                                                                                                                                                                 '模型中读取每个构件及其材料和工程量。质量取自模型中的重量，或由体积和材料密度计算；模型中没有的数据（质量、来源、使用结束后的比例、连接方式）会列为缺失，绝不猜测。',
 'The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.': '文件较大：正在后台检查并导入。只要有一行有误，就不会导入任何内容；本页显示进度。',
 'Nothing was imported. Please correct these rows:': '未导入任何内容。请更正以下各行：',
 'What the model does not give': '模型未提供的数据',
 'See the passport': '查看护照',
 'Import': '导入',
 'Buildings as material banks': '建筑即材料银行',
 'What is in a building, how it is fixed and what it will be worth decide whether its materials can be used again. A materials passport records it per component; the circularity score is computed with a published method you can check.': '建筑里有什么、如何固定、将来价值几何，决定了其材料能否再次使用。材料护照按构件记录这些信息；循环性评分采用公开方法计算，可供核查。',
 'City': '城市',
 'map': '地图',
 'published': '已发布',
 'draft': '草稿',
 'No building yet.': '尚无建筑。',
 'Where reusable material becomes available, and when: the reusable mass of every component whose use ends within the horizon, by material, in tonnes per year.': '可再利用材料将在何处、何时可用：在时间范围内停用的每个构件的可再利用质量，按材料和年份列出（吨）。',
 'Show': '显示',
 'Map of buildings with reusable material': '含可再利用材料的建筑地图',
 'Reusable material by year (tonnes)': '按年份列出的可再利用材料（吨）',
 'Offered on the marketplace': '已发布到交易市场',
 'New offers': '新的供应信息',
 'available from': '可提供日期',
 "Open an offer to see the partners the marketplace's matcher suggests.": '打开供应信息，查看交易市场匹配功能推荐的合作方。',
 'Already offered': '已发布',
 'Not offered': '未发布',
 'No component of this building comes free within this horizon.': '该建筑在此时间范围内没有构件可释放。',
 'Building saved.': '建筑已保存。',
 'Importing components of %(b)s': '正在导入 %(b)s 的构件',
 '%(rows)d components read: %(created)d new, %(updated)d updated.': '已读取 %(rows)d 个构件：新增 '
                                                                    '%(created)d 个，更新 %(updated)d '
                                                                    '个。',
 'composted or energy': '堆肥或能源回收',
 'Composted or energy recovery': '堆肥或能源回收',
 'The reusable, recyclable, composted and energy recovery shares add up to more than 1; a kilogram goes to one route.': '可再利用、可回收、堆肥和能源回收比例之和超过 '
                                                                                                                        '1；每千克只能有一种去向。',
 'To offer components on the marketplace, your account needs the organisation that lists for the city (for example its public works department); the secretariat links accounts to organisations.': '要在交易市场发布构件，您的账户需要关联代表该城市发布信息的组织（例如其市政工程部门）；账户与组织的关联由秘书处设置。',
 'Count': '数量',
 'One per line: name; mass in kg (blank when unknown); EU List of Waste code, e.g. timber; 1200; 17 02 01': '每行一种：名称; '
                                                                                                            '质量（千克，未知则留空）; '
                                                                                                            '欧盟废物名录代码，例如 '
                                                                                                            'timber; '
                                                                                                            '1200; '
                                                                                                            '17 '
                                                                                                            '02 '
                                                                                                            '01',
 'Accessibility': '可接近性',
 'Reusable share (0 to 1)': '可再利用比例（0 到 1）',
 'Recyclable share (0 to 1)': '可回收比例（0 到 1）',
 'Composted share (0 to 1)': '堆肥比例（0 到 1）',
 'Energy recovery share (0 to 1)': '能源回收比例（0 到 1）',
 'Expected lifetime (years)': '预期使用寿命（年）',
 'Industry-average lifetime (years)': '行业平均使用寿命（年）',
 'Take-back supplier': '回收供应商',
 'Take-back terms': '回收条款',
 'Take-back until': '回收协议有效期至',
 'Currency (ISO 4217)': '货币（ISO 4217）',
 'Residual value estimated on': '残值估算日期',
 "Planned end of use (blank: the building's)": '计划停用日期（留空则采用建筑的日期）',
 'Data quality: %(figure)s': '数据质量：%(figure)s',
 'Edit component': '编辑构件',
 'Add a component': '添加构件',
 'Leave a figure blank when it is not known: it is shown as missing, never filled in.': '未知的数据请留空：系统会显示为缺失，绝不自动填充。',
 'Delete this component': '删除此构件',
 'Component saved.': '构件已保存。',
 'Component deleted.': '构件已删除。',
 'Give a horizon of 1 to 50 years.': '请填写 1 到 50 年的时间范围。'}

P = {'%(n)s year': '%(n)s 年',
 '%(n)s component without a mass': '%(n)s 个构件缺少质量',
 '%(n)s component lacks figures; add them in the spreadsheet or in the model.': '%(n)s '
                                                                                '个构件缺少数据；请在表格或模型中补充。',
 'No reusable material becomes available within %(n)s year.': '%(n)s 年内没有可再利用材料可用。',
 'Components whose use ends within %(n)s year.': '使用期将在 %(n)s 年内结束的构件。'}
