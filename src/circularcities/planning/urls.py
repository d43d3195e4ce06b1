from django.urls import path

from circularcities.planning import views

app_name = "planning"
urlpatterns = [
    path("", views.index, name="index"),
    path("rollup/", views.rollup, name="rollup"),
    path("reminders/", views.remind, name="remind"),
    path("import/", views.import_progress_file, name="import_progress"),
    path("import/template.csv", views.progress_template, name="progress_template"),
    path("targets/<int:pk>/", views.target_detail, name="target_detail"),
    path("targets/<int:pk>/edit/", views.edit_target, name="edit_target"),
    path("targets/<int:pk>/progress/", views.log_target_progress, name="log_target_progress"),
    path("measures/<int:pk>/", views.measure_detail, name="measure_detail"),
    path("measures/<int:pk>/edit/", views.edit_measure, name="edit_measure"),
    path("measures/<int:pk>/status/", views.set_measure_status, name="set_measure_status"),
    path("measures/<int:pk>/milestones/", views.add_milestone, name="add_milestone"),
    path("milestones/<int:pk>/done/", views.complete_milestone, name="complete_milestone"),
    path("programmes/new/", views.create_programme, name="create_programme"),
    path("programmes/<slug:slug>/edit/", views.edit_programme, name="edit_programme"),
    path("programmes/<slug:slug>/projects/new/", views.create_project, name="create_project"),
    path("projects/<slug:code>/edit/", views.edit_project, name="edit_project"),
    path("programmes/<slug:slug>/", views.programme_detail, name="programme_detail"),
    path("projects/<slug:code>/", views.project_detail, name="project_detail"),
    path("projects/<slug:code>/progress/", views.log_project_progress, name="log_progress"),
    path("groups/<slug:slug>/review/", views.group_review, name="group_review"),
    path("<slug:slug>/", views.city_plan, name="city_plan"),
    path("<slug:slug>/review/", views.city_review, name="city_review"),
    path("<slug:slug>/import/", views.import_plan, name="import_plan"),
    path("import/<slug:kind>-template.<slug:fmt>", views.plan_template, name="plan_template"),
    path("<slug:slug>/targets/new/", views.create_target, name="create_target"),
    path("<slug:slug>/measures/new/", views.create_measure, name="create_measure"),
]
