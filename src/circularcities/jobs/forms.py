"""Jobs have no forms: a job is started by the page of the capability that needs it (an
upload, a routing run, a plan import), whose form lives in that app, through
:func:`circularcities.jobs.runner.start`. The only input here is the cancel button, a bare
POST checked by :func:`circularcities.jobs.permissions.require_change_job` in
:func:`circularcities.jobs.views.job_cancel` and the API's cancel in
:mod:`circularcities.jobs.api`."""
