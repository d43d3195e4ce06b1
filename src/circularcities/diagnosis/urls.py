from django.urls import path

from circularcities.diagnosis import views

app_name = "diagnosis"
urlpatterns = [
    path("", views.index, name="index"),
    path("template.xlsx", views.template_xlsx, name="template_xlsx"),
    path("template-csv.zip", views.template_csv, name="template_csv"),
    path("<slug:slug>/", views.dashboard, name="dashboard"),
    path("<slug:slug>/upload/", views.upload, name="upload"),
    path("<slug:slug>/values/edit/", views.edit_value, name="edit_value"),
    path("<slug:slug>/history/", views.history, name="history"),
    path("<slug:slug>/indicators/", views.indicator_list, name="indicators"),
    path("<slug:slug>/indicators/new/", views.indicator_new, name="indicator_new"),
    path("<slug:slug>/indicators/import/", views.indicator_values_import, name="indicator_values_import"),
    path("<slug:slug>/indicators/<str:code>/", views.indicator_detail, name="indicator"),
    path("<slug:slug>/indicators/<str:code>/edit/", views.indicator_edit, name="indicator_edit"),
    path("<slug:slug>/maturity/new/", views.assess, name="assess"),
    path("<slug:slug>/report.pdf", views.report_pdf, name="report_pdf"),
    path("<slug:slug>/report.xlsx", views.report_xlsx, name="report_xlsx"),
]
