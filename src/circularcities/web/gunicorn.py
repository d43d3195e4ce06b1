"""Several web server processes with gunicorn (``circularcities serve --workers N``).

The web tier keeps no state of its own: sessions and the cache are in the
database and files go through the storage API, so the processes (and more
machines running the same command against the same database) are interchangeable.
"""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _App(BaseApplication):
    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from circularcities.web.wsgi import application

        return application


def serve_gunicorn(host: str, port: int, workers: int, threads: int = 8) -> None:
    _App({"bind": f"{host}:{port}", "workers": max(1, workers), "threads": max(1, threads),
          "worker_class": "gthread", "timeout": 120, "graceful_timeout": 20,
          "accesslog": None, "errorlog": "-", "loglevel": "warning",
          "proc_name": "circularcities"}).run()
