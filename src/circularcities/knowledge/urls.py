from django.urls import path

from circularcities.knowledge import office_views, views

app_name = "knowledge"
urlpatterns = [
    path("", views.case_list, name="case_list"),
    # The case library's back office (before <slug>: "manage" is not a case).
    path("manage/", office_views.case_list, name="office_cases"),
    path("manage/new/", office_views.case_edit, name="office_case_new"),
    path("manage/import/", office_views.case_import, name="office_import"),
    path("manage/import/template.xlsx", office_views.case_import_template, name="office_import_template"),
    path("manage/<slug:slug>/", office_views.case_office, name="office_case"),
    path("manage/<slug:slug>/edit/", office_views.case_edit, name="office_case_edit"),
    path("manage/<slug:slug>/status/", office_views.case_status, name="office_case_status"),
    path("manage/<slug:slug>/image/", office_views.case_image, name="office_case_image"),
    path("manage/<slug:slug>/history/", office_views.case_history_page, name="office_history"),
    path("manage/<slug:slug>/history/<int:version_id>/revert/", office_views.case_revert, name="office_revert"),
    path("<slug:slug>/", views.case_detail, name="case_detail"),
]
