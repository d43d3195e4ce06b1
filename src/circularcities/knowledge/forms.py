"""The case library has no forms: nobody types cases in on the platform (they come from
the library import, :mod:`circularcities.knowledge.demo`, and the secretariat's admin shows
them read-only). The only input is the search and its filters (``q``, ``area``, ``r``,
``country``), parsed from the query string in :func:`circularcities.knowledge.views.case_list`
and by the API's typed parameters in :mod:`circularcities.knowledge.api`, and handed to
:func:`circularcities.knowledge.search.search_cases`."""
