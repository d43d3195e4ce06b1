"""The site assembly: settings, URLs, the API and the demo loader.

This is the top of the house: it imports every app and nothing imports it
but the command line and the WSGI server. The shared base that apps build on
(layout, template helpers, API plumbing) is ``circularcities.web``.
"""
