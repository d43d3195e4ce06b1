"""Chinese for the messages that refuse an urban-metabolism system definition (issues #12, #13):
core/mfa/system.py, system_io.py and the lifetimes they parse."""

T = {
    # lifetimes
    "Expected a lifetime dict with a 'distribution' key, got %(value)s.":
        "寿命应为带有 'distribution' 键的字典；收到 %(value)s。",
    "Expected distribution one of %(kinds)s, got %(value)s.": "分布应为 %(kinds)s 之一；收到 %(value)s。",
    "; missing %(keys)s": "；缺少 %(keys)s",
    "; unexpected %(keys)s": "；多余 %(keys)s",
    "Expected keys %(keys)s for a %(kind)s lifetime%(missing)s%(extra)s.":
        "%(kind)s 寿命应有键 %(keys)s%(missing)s%(extra)s。",
    "Expected %(name)s to be a finite number, got %(value)s.": "%(name)s 应为有限的数值；收到 %(value)s。",
    "Expected %(name)s >= 0, got %(value)s.": "%(name)s 应 >= 0；收到 %(value)s。",
    "Expected %(name)s > 0, got %(value)s.": "%(name)s 应 > 0；收到 %(value)s。",
    # definition parts
    "Expected a dimension letter (one letter), got %(value)s.": "维度字母应为一个字母；收到 %(value)s。",
    "Expected dimension %(name)s to have at least one item.": "维度 %(name)s 应至少有一个项。",
    "Expected the items of dimension %(name)s to differ from each other.": "维度 %(name)s 的各项不应重复。",
    "Expected parameter %(name)s to have a value for %(year)s.": "参数 %(name)s 应有 %(year)s 年的值。",
    "Unknown layer %(code)s.": "未知的层 %(code)s。",
    "Unknown process %(code)s.": "未知的过程 %(code)s。",
    "Expected conversions between layers without a loop; these layers convert into each other: %(layers)s.":
        "层之间的转换不应构成循环；以下层相互转换：%(layers)s。",
    "Expected at least one year.": "应至少有一个年份。",
    "Expected at most %(n)d years.": "年份应不超过 %(n)d 个。",
    "Expected consecutive years without gaps.": "年份应连续，不可有间断。",
    "Expected every process code once.": "每个过程代码只能出现一次。",
    "Expected the boundary process %(code)s.": "应包含系统边界过程 %(code)s。",
    "Expected at most %(processes)d processes and %(flows)d flows.":
        "过程应不超过 %(processes)d 个，流量应不超过 %(flows)d 条。",
    "Expected at least one layer, each code once.": "应至少有一个层，每个层代码只能出现一次。",
    "Expected every parameter name once.": "每个参数名称只能出现一次。",
    "flow %(origin)s → %(destination)s (%(layer)s)": "流量 %(origin)s → %(destination)s（%(layer)s）",
    "%(where)s: unknown process %(code)s.": "%(where)s：未知的过程 %(code)s。",
    "%(where)s: unknown layer %(code)s.": "%(where)s：未知的层 %(code)s。",
    "%(where)s: given twice; one flow per origin, destination and layer.":
        "%(where)s：重复给出；每个起点、终点和层只能有一条流量。",
    "%(where)s: year %(year)s is not one of the system's years.": "%(where)s：%(year)s 年不在系统的年份之内。",
    "%(where)s: %(item)s is not an item of the second dimension.": "%(where)s：%(item)s 不是第二维度的项。",
    "%(where)s: a flow from the boundary needs amounts, not a share.":
        "%(where)s：来自系统边界的流量应给出数量，而不是分配比例。",
    "%(where)s: what leaves an inflow-driven stock is computed by its lifetime; give no share.":
        "%(where)s：流出入流驱动存量的量由其寿命计算，请勿给出分配比例。",
    "%(where)s: unknown parameter %(name)s.": "%(where)s：未知的参数 %(name)s。",
    "stock at %(process)s (%(layer)s)": "%(process)s 的存量（%(layer)s）",
    "%(where)s: expected a process of the system other than the boundary.":
        "%(where)s：应为系统中除边界以外的过程。",
    "%(where)s: given twice.": "%(where)s：重复给出。",
    "%(where)s: expected the outflow to go to another process of the system.":
        "%(where)s：流出应流向系统中的另一个过程。",
    "%(where)s: a dynamic stock model needs at least three years.": "%(where)s：动态存量模型至少需要三个年份。",
    "conversion at %(process)s (%(from_layer)s → %(to_layer)s)":
        "%(process)s 的转换（%(from_layer)s → %(to_layer)s）",
    "indicator %(code)s: unknown layer %(layer)s.": "指标 %(code)s：未知的层 %(layer)s。",
    "indicator %(code)s: unknown process in %(origin)s → %(destination)s.":
        "指标 %(code)s：%(origin)s → %(destination)s 中有未知的过程。",
    "Expected one of the system's years, got %(year)s.": "应为系统的年份之一；收到 %(year)s。",
    "Expected parameter %(name)s, used as %(what)s, to lie in 0..1 every year.":
        "参数 %(name)s 用作 %(what)s，每年都应在 0 到 1 之间。",
    "Expected parameter %(name)s, used as %(what)s, not to be negative.": "参数 %(name)s 用作 %(what)s，不应为负数。",
    "a share of %(origin)s → %(destination)s": "%(origin)s → %(destination)s 的分配比例",
    "Expected the shares in layer %(layer)s to leave every loop; a closed loop of shares adding to 1 cannot be solved.":
        "层 %(layer)s 中的分配比例应使每个循环都有流出；比例之和为 1 的闭合循环无法求解。",
    "Expected the shares to leave every loop; a closed loop of shares adding to 1 cannot be solved.":
        "分配比例应使每个循环都有流出；比例之和为 1 的闭合循环无法求解。",
    "Expected the shares leaving %(process)s (%(layer)s, %(year)s) to add up to at most 1, got %(total)s.":
        "流出 %(process)s 的分配比例（%(layer)s，%(year)s 年）之和应不大于 1；得到 %(total)s。",
    "used up at %(process)s": "%(process)s 处的消耗比例",
    "the conversion factor at %(process)s": "%(process)s 处的转换系数",
    "Unknown parameter %(name)s.": "未知的参数 %(name)s。",
    "No flow %(origin)s → %(destination)s in layer %(layer)s to remove.":
        "层 %(layer)s 中没有可删除的流量 %(origin)s → %(destination)s。",
    "Expected the two systems to share at least one year.": "两个系统应至少有一个共同年份。",
    # reading a workbook or JSON
    "Expected an origin listed on the sheet 'processes', got %(value)s.":
        "起点应为 “processes” 工作表中列出的过程；收到 %(value)s。",
    "Expected a destination listed on the sheet 'processes', got %(value)s.":
        "终点应为 “processes” 工作表中列出的过程；收到 %(value)s。",
    "Expected a layer listed on the sheet 'layers', got %(value)s.":
        "层应为 “layers” 工作表中列出的层；收到 %(value)s。",
    "%(where)s: expected an object of year: value.": "%(where)s：应为“年份: 数值”形式的对象。",
    "%(where)s: expected a year as key, got %(key)s.": "%(where)s：键应为年份；收到 %(key)s。",
    "Expected key %(key)s in the definition.": "定义中应有键 %(key)s。",
    "Expected the shape of a system definition: %(error)s.": "应符合系统定义的结构：%(error)s。",
    "Expected a JSON object with dimensions, processes, layers and flows.":
        "应为包含 dimensions、processes、layers 和 flows 的 JSON 对象。",
    "Expected a time dimension with letter 't' and its years as items.":
        "应有字母为 't' 的时间维度，并以年份作为其各项。",
    "Expected at most one dimension besides time.": "除时间外最多只能有一个维度。",
    "Expected origin>destination, got %(value)s.": "应为“起点>终点”；收到 %(value)s。",
    # dynamic stock models (core/mfa/stock.py)
    "inflow": "流入量",
    "stock": "存量",
    "Expected %(name)s to be a list of numbers.": "%(name)s应为数值列表。",
    "Expected %(name)s to have one value per year (%(n)s), got %(got)s.":
        "%(name)s应每年一个值（共 %(n)s 个）；收到 %(got)s 个。",
    "Expected every %(name)s value to be a finite number.": "%(name)s的每个值都应为有限的数值。",
    "Expected %(name)s >= 0 in every year.": "%(name)s每年都应 >= 0。",
    "Expected at least three years.": "应至少有三个年份。",
    "Expected whole years, got %(value)s.": "年份应为整数；收到 %(value)s。",
    "Expected years strictly increasing and consecutive (step 1).": "年份应严格递增且连续（步长为 1）。",
    "Expected exactly one of inflow and stock.": "流入量和存量应且只能给出其中之一。",
    "Expected a lifetime.": "应给出寿命。",
    "Expected a lifetime under which products survive their first year; a stock-driven model cannot be solved otherwise.":
        "寿命应使产品能存续过第一年；否则存量驱动模型无法求解。",
    # systems/services.py (Django catalogue of the systems app)
    "This change leaves an imbalance that is not accepted, and balance is blocking for this system: accept the imbalance with a reason, or unpublish first.":
        "此修改会留下未被接受的不平衡，而本系统的平衡为阻断性：请说明理由接受该不平衡，或先取消发布。",
    "Unknown fields: %(fields)s.": "未知的字段：%(fields)s。",
    "No flow %(origin)s → %(destination)s in layer %(layer)s.": "层 %(layer)s 中没有流量 %(origin)s → %(destination)s。",
    "No conversion of %(from_layer)s into %(to_layer)s at %(process)s.":
        "%(process)s 处没有从 %(from_layer)s 到 %(to_layer)s 的转换。",
}
P: dict = {}
