"""Settings for the MSMT case database, read from the environment (12-factor).

With no configuration the app runs in production mode on an embedded SQLite file
under var/; `DEBUG=1` gives a development server with a development secret key.
PostgreSQL is chosen with DATABASE_URL (postgres://user:password@host:5432/name).
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from core.storage import private_storages

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)

# The development key is only ever used with DEBUG on; a production process without
# a key of its own refuses to start rather than sign sessions with a published one.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "value (for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DEBUG=1 for a local development server."
        )
    SECRET_KEY = "django-insecure-development-key-never-used-in-production"

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"] if DEBUG else []
)
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS only in production: plain HTTP is redirected, browsers are told to keep to HTTPS
# (HSTS), and cookies never travel in clear. The app sits behind a proxy that ends TLS
# and says so in X-Forwarded-Proto. HTTPS_ONLY=0 for a local trial over plain HTTP.
HTTPS_ONLY = env.bool("HTTPS_ONLY", default=not DEBUG)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS_ONLY
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]  # the container's health check, from inside
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS_ONLY else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS_ONLY
SECURE_HSTS_PRELOAD = HTTPS_ONLY
SESSION_COOKIE_SECURE = HTTPS_ONLY
CSRF_COOKIE_SECURE = HTTPS_ONLY
# Pages send the CSRF token in the page itself (forms, htmx's header): no script reads
# the cookie.
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_HTTPONLY = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_countries",
    "django_filters",
    "django_htmx",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "concurrency",
    "django_tasks",
    "django_tasks_db",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "core",
    "accounts",
    "cases",
    "reports",
    "audit",
    "webhooks",
    "exchange",
    # The project itself, for its commands (backup, restore).
    "msmt",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The API's answers compressed, and answered 304 when the client's copy is current.
    "core.api.middleware.ApiGZipMiddleware",
    "core.api.middleware.ApiConditionalGetMiddleware",
    "core.api.middleware.ApiRateLimitMiddleware",
    # Serves the collected static files in production, without a separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After a write, keeps the writer's reads on the primary until the replica has it.
    "core.replica.ReplicaMiddleware",
    # Two-factor sign-in: which device verified the session, then the step it still owes.
    "django_otp.middleware.OTPMiddleware",
    "accounts.two_factor.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Records the signed-in user as the author of each history entry.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Knows the request being served, for the audit entries written while serving it.
    "audit.trail.AuditContextMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its page.
    "axes.middleware.AxesMiddleware",
]

# What a page may load and run: only the app's own files (no inline script, nothing
# from another host). Inline style attributes are allowed (the front-end libraries set
# them); Bootstrap draws some controls with data: images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "style-src-attr": ["'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "msmt.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.context_processors.navigation",
                "accounts.context_processors.security",
            ],
        },
    },
]

WSGI_APPLICATION = "msmt.wsgi.application"
ASGI_APPLICATION = "msmt.asgi.application"

POSTGRESQL = "django.db.backends.postgresql"


def pooled(database: dict) -> dict:
    # Django's psycopg 3 connection pool; it manages connections, so no persistent ones.
    database["CONN_MAX_AGE"] = 0
    database.setdefault("OPTIONS", {})["pool"] = {
        "min_size": env.int("DATABASE_POOL_MIN_SIZE", default=2),
        "max_size": env.int("DATABASE_POOL_MAX_SIZE", default=10),
        "timeout": 10,
    }
    return database


DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'msmt.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == POSTGRESQL:
    pooled(DATABASES["default"])
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"timeout": 20, "transaction_mode": "IMMEDIATE"}
    )
    # A file rather than memory, so that the concurrency tests' threads share one database.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-msmt.sqlite3")}
    # The incidents' list index carries the columns its filters read (INCLUDE) so that
    # PostgreSQL answers from the index alone; SQLite keeps the index without them.
    SILENCED_SYSTEM_CHECKS = ["models.W040"]

# The API's throttle counts live in the cache: Redis when REDIS_URL is set (shared by all
# web workers), otherwise this process's memory.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env.str("REDIS_URL"),
    }
    if env.str("REDIS_URL", default="")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

# A streaming replica of the PostgreSQL database, for the partner API's reads and the
# exports (core/replica.py says which reads go where, and how a writer reads their own
# writes). Its writers' positions are shared by every web worker through Redis.
DATABASE_REPLICA_URL = env.str("DATABASE_REPLICA_URL", default="")
DATABASE_ROUTERS = []
if DATABASE_REPLICA_URL:
    replica = env.db_url("DATABASE_REPLICA_URL")
    if {DATABASES["default"]["ENGINE"], replica["ENGINE"]} != {POSTGRESQL}:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL is a PostgreSQL replica of DATABASE_URL's PostgreSQL "
            "database: set both to postgres:// addresses, or unset DATABASE_REPLICA_URL."
        )
    if not env.str("REDIS_URL", default=""):
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URL needs REDIS_URL: the web workers share, through Redis, "
            "who has just written, so that a writer's reads wait for the replica."
        )
    # In a test run it stands for the test database: Django creates none on it.
    DATABASES["replica"] = pooled(replica) | {"TEST": {"MIRROR": "default"}}
    # A replica that does not answer costs one request this long before every worker
    # reads the primary for a while (core/replica.py), rather than the primary's wait.
    DATABASES["replica"]["OPTIONS"]["pool"]["timeout"] = 2
    DATABASE_ROUTERS = ["core.replica.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
# Two-factor sign-in (TOTP, django-otp), asked of reviewers, report editors and
# administrators: on in production; TWO_FACTOR_REQUIRED=0 turns it off (make demo runs
# with DEBUG, where it is off), and the sign-in page then says so.
TWO_FACTOR_REQUIRED = env.bool("TWO_FACTOR_REQUIRED", default=not DEBUG)
OTP_TOTP_ISSUER = "MSMT case database"
AUTHENTICATION_BACKENDS = [
    # django-axes first: it refuses a locked-out account or address before the password
    # is even checked.
    "axes.backends.AxesStandaloneBackend",
    # Django's, which also refuses members of an inactive organisation, at sign-in and on
    # every request of a session.
    "accounts.backends.AccountBackend",
]
# Sign-in throttling (django-axes): five failures for an account, or from an address,
# lock that account or address out for fifteen minutes. API tokens are not affected.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("LOGIN_LOCKOUT_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
# The client's address: REMOTE_ADDR, unless PROXY_COUNT proxies stand in front, each
# adding to X-Forwarded-For (whose left end the client could write itself). One function
# reads it, for django-axes as for token address binding and the audit trail.
PROXY_COUNT = env.int("PROXY_COUNT", default=0)
if PROXY_COUNT < 0:
    raise ImproperlyConfigured(
        "PROXY_COUNT is the number of proxies in front of the app: 0 or more."
    )
AXES_CLIENT_IP_CALLABLE = "core.addresses.client_address"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# The private files (attachments, published reports) stay on this machine, under the two
# directories below, unless STORAGE_URL names an S3-compatible bucket that every web
# server and the worker share: s3://BUCKET/PREFIX?endpoint_url=URL&region=NAME, with the
# credentials in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (core/storage.py).
STORAGE_URL = env.str("STORAGE_URL", default="")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    **private_storages(STORAGE_URL),
}

# Attachments hold material that states gave in confidence: they live outside any
# directory a web server serves and are only handed out by a view that checks access.
ATTACHMENTS_ROOT = env.path("ATTACHMENTS_ROOT", default=VAR_DIR / "attachments")
ATTACHMENT_MAX_BYTES = env.int("ATTACHMENT_MAX_BYTES", default=25 * 1024 * 1024)
# Accepted attachments: imagery and documents, by file name suffix.
ATTACHMENT_TYPES = {
    ".pdf",
    ".png",
    ".jpg",
    ".jpeg",
    ".tif",
    ".tiff",
    ".gif",
    ".webp",
    ".docx",
    ".xlsx",
    ".csv",
    ".txt",
    ".kml",
    ".kmz",
}

# Published reports' files (HTML, PDF, DOCX), served only through a view that checks
# who asks, like attachments.
REPORTS_ROOT = env.path("REPORTS_ROOT", default=VAR_DIR / "reports")

# The largest file a bulk import takes (exchange.reading): 50,000 incidents with their
# lines fill about 15 MB of XLSX.
IMPORT_MAX_BYTES = env.int("IMPORT_MAX_BYTES", default=50 * 1024 * 1024)

# Background work (rendering and publishing reports): the database backend of
# django-tasks, run by `manage.py db_worker` (make demo starts one). The tests run tasks
# at once, in the request: TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend.
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
    }
}

# The evidentiary standard: how many independent sources (distinct originators) an
# incident needs before it may be approved without a written justification.
EVIDENTIARY_STANDARD_MIN_SOURCES = env.int("EVIDENTIARY_STANDARD_MIN_SOURCES", default=2)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "cases:home"
LOGOUT_REDIRECT_URL = "login"

# Mail to authors about their incidents; printed to the console unless configured.
EMAIL_BACKEND = env.str(
    "EMAIL_BACKEND",
    default="django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# Webhooks go to https:// addresses that resolve to public addresses only
# (webhooks.targets); in development and the tests, to http:// and local ones too.
WEBHOOK_LOCAL_TARGETS = env.bool("WEBHOOK_LOCAL_TARGETS", default=DEBUG)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="msmt-case-database@localhost")

COUNTRIES_FIRST = ["KP", "RU", "CN"]

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "accounts.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["cases.api.permissions.ApiAccess"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # DRF's parsers, with JSON limited in depth (core.api.parsers).
    "DEFAULT_PARSER_CLASSES": [
        "core.api.parsers.JSONParser",
        "rest_framework.parsers.FormParser",
        "rest_framework.parsers.MultiPartParser",
    ],
    "DEFAULT_SCHEMA_CLASS": "core.api.schema.ApiSchema",
    "EXCEPTION_HANDLER": "core.api.errors.exception_handler",
    "DEFAULT_THROTTLE_CLASSES": ["core.api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"token": env.str("API_RATE", default="600/minute")},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MSMT case database API",
    "DESCRIPTION": (
        "Approved incidents at or below your organisation's sharing clearance, and the "
        "reference data. Authenticate with the header `Authorization: Token <key>`."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI from the drf-spectacular-sidecar package: served by the app itself.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "CountryEnum": "django_countries.countries",
        "SharingLevelEnum": "cases.markings.SharingLevel",
        "EvidenceKindEnum": "cases.models.attachments.Attachment.Kind",
        "InvolvementRoleEnum": "cases.models.incidents.Involvement.Role",
        "LocationRoleEnum": "cases.models.incidents.IncidentLocation.Role",
        "EntityKindEnum": "cases.models.entities.Entity.Kind",
        "SourceKindEnum": "cases.models.sources.Source.Kind",
        "LocationKindEnum": "cases.models.locations.Location.Kind",
        "RelationKindEnum": "cases.models.relations.IncidentRelation.Kind",
        "WebhookEventEnum": "webhooks.models.Event",
        "SubscribableEventEnum": "webhooks.models.CHOSEN_EVENT_CHOICES",
        "UnitEnum": "cases.models.vessels.ShipToShipTransfer.Unit",
        "MaterielUnitEnum": "cases.units.CHOICES",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint reports each step and page, and its font subsetting every font.
    "loggers": {
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
        # Failures and lockouts are warnings; its housekeeping is not worth a line.
        "axes": {"level": "WARNING"},
    },
}
