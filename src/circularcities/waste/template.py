"""The streams import template: an Excel workbook (or CSV) with example rows and drop-down lists."""

from __future__ import annotations

import csv
import io

from circularcities.core.reports import append_row, csv_row, template_sheet
from circularcities.core.waste import AREAS, QUALITIES, ROUTES
from circularcities.core.waste.io import IMPORT_COLUMNS, SHEET

EXAMPLES = [
    {"stream": "residual household waste", "stream_zh": "其他垃圾", "stream_ja": "家庭系可燃ごみ",
     "stream_ko": "생활계 잔재 폐기물", "year": 2023, "area": "household", "ewc_code": "200301",
     "generated_t": 120000, "collected_t": 118000, "recycling_t": 30000, "composting_t": 12000,
     "energy_recovery_t": 40000, "landfill_t": 36000, "source": "City waste report 2023", "quality": "measured"},
    {"stream": "fly ash", "stream_zh": "粉煤灰", "stream_ja": "フライアッシュ", "stream_ko": "비산재", "year": 2023, "area": "industrial", "ewc_code": "100102", "generated_t": 50000,
     "recycling_t": 41000, "landfill_t": 6000, "from_storage_t": 2000, "source": "Estimate by the environment bureau",
     "quality": "estimated"},
    {"stream": "residual household waste", "year": 2024, "month": 1, "area": "household", "generated_t": 10100,
     "recycling_t": 2600, "landfill_t": 7000, "source": "Weighbridge records", "quality": "measured"},
]
README = [
    ("One row per stream and year (or month: 1-12 in 'month'). Every figure is in tonnes.",
     "每行一个废物流及年份（或月份：在 month 列填 1-12）。所有数值单位为吨。"),
    ("stream: the stream's name in English (the key); stream_zh, stream_ja, stream_ko: the name in Chinese, "
     "Japanese and Korean, optional (pages show the English name where one is missing).",
     "stream：废物流的英文名称（作为标识）；stream_zh、stream_ja、stream_ko：中文、日文和韩文名称，可选"
     "（缺少时页面显示英文名称）。"),
    ("area: " + ", ".join(AREAS), "area（领域）：" + ", ".join(AREAS)),
    ("Routes: " + ", ".join(f"{r}_t" for r in ROUTES) + ". Together at most generated_t.",
     "处理途径：" + ", ".join(f"{r}_t" for r in ROUTES) + "。合计不得超过 generated_t。"),
    ("uncontrolled_t: of landfill, incineration and other, tonnes sent to open dumps or burned openly (SDG 11.6.1).",
     "uncontrolled_t：填埋、焚烧和其他途径中进入非受控场所（露天堆放、露天焚烧）的吨数（SDG 11.6.1）。"),
    ("from_storage_t: industrial waste of earlier years taken from storage and utilised this year.",
     "from_storage_t：本年综合利用的往年贮存工业固体废物量。"),
    ("ewc_code: EU List of Waste code (six digits), optional. quality: " + ", ".join(QUALITIES),
     "ewc_code：欧盟废物目录代码（六位数字），可选。quality（数据质量）：" + ", ".join(QUALITIES)),
    ("Rates are computed by the platform; do not type them.", "比率由平台计算，无需填写。"),
    ("Delete the example rows before importing.", "导入前请删除示例行。"),
]


def template(fmt: str) -> tuple[bytes, str, str]:
    """``(body, file name, content type)`` of the template in ``fmt`` (``xlsx`` or ``csv``)."""
    columns = list(IMPORT_COLUMNS)
    rows = [[e.get(c, "") for c in columns] for e in EXAMPLES]
    if fmt == "xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = SHEET
        template_sheet(ws, columns, EXAMPLES, last_row=10000,
                       lists={"area": AREAS, "quality": QUALITIES, "month": tuple(str(m) for m in range(1, 13))},
                       bounds={c: (0, None) for c in columns if c.endswith("_t")})
        readme = wb.create_sheet("README")
        append_row(readme, ["English", "中文"])
        for en, zh in README:
            append_row(readme, [en, zh])
        readme.column_dimensions["A"].width = 90
        readme.column_dimensions["B"].width = 70
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue(), "waste-streams-template.xlsx", (
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    text = io.StringIO()
    w = csv.writer(text)
    w.writerow(csv_row(columns))
    w.writerows(csv_row(r) for r in rows)
    return text.getvalue().encode("utf-8"), "waste-streams-template.csv", "text/csv; charset=utf-8"
