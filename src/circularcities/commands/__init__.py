"""Sub-commands of the ``circularcities`` command.

Each module here defines ``register(subparsers)`` which adds its sub-command
(an ``argparse`` parser whose ``func`` default is called with the parsed
arguments and returns the process exit code).
"""

COMMAND_MODULES = ["platform", "search", "mfa", "match", "route", "plans", "worker", "examples", "passport", "waste",
                   "procure", "repair"]
