from .edit import (  # noqa: F401
    add_plan,
    add_vehicle,
    delete_item,
    delete_plan,
    place_item,
    replace_workbook,
    upload_points,
)
from .runs import export_run, run_detail, run_status, start_run  # noqa: F401
from .scenarios import (  # noqa: F401
    create_scenario,
    download_scenario,
    download_template,
    index,
    scenario_detail,
    upload_workbook,
)
