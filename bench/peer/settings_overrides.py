# ---- svforms benchmark peer (bench/peer/settings_overrides.py), appended to startproject's settings ----
import os as _os

DEBUG = False  # as deployed: DEBUG keeps every query in memory and renders slower
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS += ["survey"]  # noqa: F821 (defined above by startproject)
DATABASES = {"default": {
    "ENGINE": "django.db.backends.sqlite3",
    "NAME": BASE_DIR / "db.sqlite3",  # noqa: F821
    "OPTIONS": {
        # Same durability as svforms: WAL with synchronous=FULL (fsync at every commit). bench/peer.py
        # sets SQLITE_SYNC=FULL and checks it; the variable is only for trying NORMAL by hand.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=" + _os.environ.get("SQLITE_SYNC", "FULL") + ";",
        # Two gunicorn workers write at once: take the write lock at BEGIN and wait for it, rather
        # than fail with "database is locked" when a read transaction upgrades.
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    },
}}
# The survey app's own settings (its CSV export is written to CSV_DIRECTORY, then served).
CSV_DIRECTORY = BASE_DIR / "csv"  # noqa: F821
TEX_DIRECTORY = BASE_DIR / "tex"  # noqa: F821
USER_DID_NOT_ANSWER = "Left blank"
CHOICES_SEPARATOR = ","
EXCEL_COMPATIBLE_CSV = False
DEFAULT_SURVEY_PUBLISHING_DURATION = 3650
STATIC_ROOT = BASE_DIR / "static"  # noqa: F821
# No request logging, as svforms is measured logging only at info to a file.
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"null": {"class": "logging.NullHandler"}},
           "root": {"handlers": ["null"], "level": "WARNING"}}
