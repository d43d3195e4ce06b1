"""Chinese for the waste app's strings."""

T = {
    "File (CSV or Excel .xlsx)":
        "文件（CSV 或 Excel .xlsx）",
    "Area":
        "领域",
    "Quality":
        "数据质量",
    "Stream":
        "废物流",
    "EU List of Waste code":
        "欧盟废物目录代码",
    "Year":
        "年份",
    "Month (0 = whole year)":
        "月份（0 = 全年）",
    "Generated (t)":
        "产生量（吨）",
    "Collected (t)":
        "收集量（吨）",
    "Of which to uncontrolled sites (t)":
        "其中进入非受控场所（吨）",
    "Utilised from storage (t)":
        "综合利用往年贮存量（吨）",
    "Source":
        "来源",
    "Reading and checking every row.":
        "正在读取并检查每一行。",
    "Recycling rate":
        "回收利用率",
    "Energy-recovery rate":
        "能量回收率",
    "Incineration rate (without energy recovery)":
        "焚烧率（无能量回收）",
    "Landfill rate":
        "填埋率",
    "Other routes":
        "其他途径",
    "Comprehensive utilisation rate":
        "综合利用率",
    "SDG 11.6.1: collected and managed in controlled facilities":
        "SDG 11.6.1：收集并在受控设施中管理的比例",
    "Industrial solid waste":
        "工业固体废物",
    "Agricultural waste":
        "农业废弃物",
    "Household (municipal solid) waste":
        "生活垃圾（城市固体废物）",
    "Construction and demolition waste":
        "建筑垃圾",
    "Hazardous waste":
        "危险废物",
    "Preparing for reuse":
        "再使用准备",
    "Recycling":
        "再生利用",
    "Composting / anaerobic digestion":
        "堆肥/厌氧消化",
    "Incineration with energy recovery":
        "焚烧（能量回收）",
    "Incineration without energy recovery":
        "焚烧（无能量回收）",
    "Landfill":
        "填埋",
    "Other":
        "其他",
    "measured":
        "实测",
    "estimated":
        "估算",
    "proxy":
        "代理数据",
    "computed":
        "计算值",
    "Only the editors of %(city)s or the secretariat can change its waste streams.":
        "只有%(city)s的编辑或秘书处可以更改其废物流。",
    "axis from 0":
        "坐标轴从 0 开始",
    "Waste streams of %(city)s":
        "%(city)s的废物流",
    "Waste streams":
        "废物流",
    "Action plan":
        "行动计划",
    "Every rate is computed from the tonnes recorded below; its formula is shown with it. Routes never add up to more than what was generated, so no rate exceeds 100 %%.":
        "每个比率均由下方记录的吨数计算，并附有公式。各处理途径之和不会超过产生量，因此比率不会超过 100 %%。",
    "Import streams":
        "导入废物流",
    "Add a stream":
        "添加废物流",
    "Adopt the zero-waste pilot indicators":
        "采用“无废城市”试点指标",
    "This city has adopted the zero-waste pilot indicators: their yearly values are computed from these streams and appear in its diagnosis; targets on them are set in the action plan.":
        "本市已采用“无废城市”试点指标：其年度数值由这些废物流计算并显示在诊断中；相应目标在行动计划中设定。",
    "Generated per year":
        "年产生量",
    "No rate: no tonnes generated, or no treatment route recorded (treatment unknown).":
        "没有比率：无产生量，或未记录任何处理途径（处理情况未知）。",
    "Indicator":
        "指标",
    "target":
        "目标",
    "by":
        "截至",
    "details":
        "详情",
    "no target in the action plan":
        "行动计划中尚无目标",
    "set a target":
        "设定目标",
    "Stream figures (tonnes)":
        "废物流数据（吨）",
    "EWC":
        "EWC",
    "Generated":
        "产生量",
    "Collected":
        "收集量",
    "Reuse":
        "再使用",
    "Composting / AD":
        "堆肥/厌氧消化",
    "Energy recovery":
        "能量回收",
    "Incineration":
        "焚烧",
    "edit":
        "编辑",
    "No waste streams recorded for this city yet.":
        "本市尚未记录废物流。",
    "Import waste streams":
        "导入废物流",
    "Import waste streams of %(city)s":
        "导入%(city)s的废物流",
    "A CSV file or the Excel template, one row per stream and year (or month). Every row is checked first: nothing is imported unless every row is right, and each problem names its row and column. Streams are matched on area, name, year and month, so importing the same file again changes nothing.":
        "CSV 文件或 Excel 模板，每个废物流每年（或每月）一行。先检查每一行：只有全部正确才会导入，每个问题都会指明行和列。废物流按领域、名称、年份和月份匹配，因此再次导入同一文件不会有任何改动。",
    "Columns":
        "列",
    "optional":
        "可选",
    "Template (Excel)":
        "模板（Excel）",
    "Template (CSV)":
        "模板（CSV）",
    "The file is large: it is being checked and imported in the background. If any row is wrong, nothing is imported; this page shows the progress.":
        "文件较大，正在后台检查并导入。若有任何一行有误，则不导入任何内容；本页显示进度。",
    "Nothing was imported. Please correct these rows:":
        "未导入任何内容。请更正以下各行：",
    "Import":
        "导入",
    "Each city's waste from generation to treatment, in the five areas of China's zero-waste pilot cities: industrial solid waste, agricultural waste, household waste, construction and demolition waste, hazardous waste. Rates are computed from the tonnes, never typed.":
        "各城市废物从产生到处理的全过程，按中国“无废城市”试点的五个领域：工业固体废物、农业废弃物、生活垃圾、建筑垃圾、危险废物。比率由吨数计算，无需手工填写。",
    "City":
        "城市",
    "Stream figures":
        "废物流数据",
    "Years":
        "年份",
    "Zero-waste indicators":
        "“无废城市”指标",
    "adopted":
        "已采用",
    "No city has recorded waste streams yet.":
        "尚无城市记录废物流。",
    "Any city's waste page:":
        "任一城市的废物页面：",
    "all cities":
        "所有城市",
    "Import template (Excel)":
        "导入模板（Excel）",
    "Zero-waste city pilot indicators":
        "“无废城市”试点指标",
    "Code":
        "代码",
    "Formula":
        "公式",
    "Waste stream":
        "废物流",
    "Change a stream":
        "修改废物流",
    "All figures in tonnes. The routes together may not exceed what was generated.":
        "所有数值单位为吨。各处理途径之和不得超过产生量。",
    "Save":
        "保存",
    "Delete this stream":
        "删除此废物流",
    "Stream saved.":
        "废物流已保存。",
    "Stream deleted.":
        "废物流已删除。",
    "Zero-waste indicators adopted: their values are computed from the streams, and targets can be set on them in the action plan.":
        "已采用“无废城市”指标：其数值由废物流计算，可在行动计划中为其设定目标。",
    "Importing waste streams for %(city)s":
        "正在为%(city)s导入废物流",
    "%(rows)d rows read, %(changed)d created or changed.":
        "已读取 %(rows)d 行，新建或更改 %(changed)d 行。",
    "No treatment route is recorded for this area: its rates are unknown, not zero.":
        "该领域未记录任何处理途径：其比率未知，而非为零。",
    "Report (Excel)":
        "报告（Excel）",
    "Report (PDF)":
        "报告（PDF）",
    "Treated (t)":
        "处理量（吨）",
    "Untreated (t)":
        "未处理量（吨）",
    "Month":
        "月份",
    "rates":
        "比率",
    "streams":
        "废物流",
    "Rates computed from the tonnes recorded; a year with no treatment route recorded has no rate.":
        "比率由记录的吨数计算；未记录处理途径的年份没有比率。",
    "Six digits, spaces and the hazardous asterisk allowed: 20 01 02":
        "六位数字，可含空格和表示危险废物的星号：20 01 02",
    "upper bound":
        "上限值",
    "Some streams do not record the tonnes collected: their treated tonnes are counted as collected, so this share may be too high.":
        "部分废物流未记录收集量：其处理量按已收集计算，因此该比例可能偏高。",
    "Household waste recycling rate (latest year)":
        "生活垃圾回收利用率（最近年份）",
}
