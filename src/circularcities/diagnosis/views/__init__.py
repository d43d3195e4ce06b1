"""Diagnosis pages: index, city dashboard, history; uploads and edits; reports."""

from circularcities.diagnosis.views.edits import (
           assess,
           edit_value,
           template_csv,
           template_xlsx,
           upload,
)
from circularcities.diagnosis.views.indicators import (
           indicator_detail,
           indicator_edit,
           indicator_list,
           indicator_new,
           indicator_values_import,
)
from circularcities.diagnosis.views.pages import dashboard, history, index
from circularcities.diagnosis.views.reports import report_pdf, report_xlsx

__all__ = ["assess", "dashboard", "edit_value", "history", "indicator_detail", "indicator_edit",
           "indicator_list", "indicator_new", "indicator_values_import", "index", "report_pdf", "report_xlsx", "template_csv",
           "template_xlsx", "upload"]
