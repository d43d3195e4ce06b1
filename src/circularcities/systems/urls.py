from django.urls import path

from circularcities.systems.views import edits, pages, stocks

app_name = "systems"

urlpatterns = [
    path("", pages.index, name="index"),
    path("template.xlsx", pages.template, name="template"),
    path("new/<slug:slug>/", edits.new_system, name="new"),
    path("import/<slug:slug>/", edits.import_new, name="import_new"),
    path("<int:pk>/", pages.detail, name="detail"),
    path("<int:pk>/edit/<slug:action>", edits.edit, name="edit"),
    path("<int:pk>/import", edits.import_into, name="import_into"),
    path("<int:pk>/system.json", pages.export_json, name="export_json"),
    path("<int:pk>/system.xlsx", pages.export_xlsx, name="export_xlsx"),
    path("<int:pk>/report.pdf", pages.report_pdf, name="report_pdf"),
    path("<int:pk>/compare/<int:other>/", pages.compare_page, name="compare"),
    path("stocks/new/<slug:slug>/", stocks.new_model, name="stock_new"),
    path("stocks/template.xlsx", stocks.template, name="stock_template"),
    path("stocks/<int:pk>/", stocks.detail, name="stock_detail"),
    path("stocks/<int:pk>/result.xlsx", stocks.download, name="stock_download"),
]
