from circularcities.planning.views.plan_import import import_plan, plan_template  # noqa: F401
from circularcities.planning.views.plans import (  # noqa: F401
    add_milestone,
    city_plan,
    complete_milestone,
    create_measure,
    create_target,
    edit_measure,
    edit_target,
    index,
    log_target_progress,
    measure_detail,
    set_measure_status,
    target_detail,
)
from circularcities.planning.views.programmes import (  # noqa: F401
    create_programme,
    create_project,
    edit_programme,
    edit_project,
)
from circularcities.planning.views.projects import (  # noqa: F401
    import_progress_file,
    log_project_progress,
    programme_detail,
    progress_template,
    project_detail,
)
from circularcities.planning.views.reviews import city_review, group_review, remind, rollup  # noqa: F401
