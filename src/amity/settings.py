"""Django settings. Configuration comes from the environment:

AMITY_HOME     data folder (SQLite database, static files); default ~/.local/share/amity
DATABASE_URL   e.g. postgresql://postgres@127.0.0.1:5432/amity; default SQLite in AMITY_HOME
AMITY_SECRET_KEY, AMITY_DEBUG, AMITY_ALLOWED_HOSTS
AMITY_HTTPS    1 when served behind an HTTPS proxy (Secure cookies, HSTS, X-Forwarded-Proto)
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url


def amity_home() -> Path:
    default = Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "amity"
    if "AMITY_HOME" not in os.environ and "PYTEST_VERSION" in os.environ:
        # A test run never touches a user's data folder, and parallel runs never share one.
        import tempfile

        os.environ["AMITY_HOME"] = tempfile.mkdtemp(prefix="amity-test-")
    home = Path(os.environ.get("AMITY_HOME", default)).expanduser()
    home.mkdir(parents=True, exist_ok=True)
    return home


AMITY_HOME = amity_home()
BASE_DIR = Path(__file__).resolve().parent


def _secret_key() -> str:
    if key := os.environ.get("AMITY_SECRET_KEY"):
        return key
    # A key generated once per data folder, so sessions survive restarts.
    path = AMITY_HOME / "secret_key"
    if not path.exists():
        import secrets

        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("AMITY_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("AMITY_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "amity.core",
    "amity.registry",
    "amity.sources",
    "amity.accounts",
    "ninja",  # serves the API docs' Swagger UI from its bundled static files (no CDN)
    "amity.review",
    "amity.search",
    "amity.web",
    "amity.portfolio",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "amity.core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "amity.accounts.permissions.ProfilePerRequestMiddleware",
    "amity.core.actor.ActorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "amity.web.redirects.MergedRecordRedirectMiddleware",
]

ROOT_URLCONF = "amity.urls"
WSGI_APPLICATION = "amity.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "amity.web.context.amity",
            ],
        },
    },
]


def _databases() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        database = dj_database_url.parse(url, conn_max_age=60)
        if "PYTEST_VERSION" in os.environ:
            # Test runs side by side on one server each get their own test database,
            # and hold no connection open that would keep it from being dropped.
            database["TEST"] = {"NAME": f"test_{database['NAME']}_{os.getpid()}"}
            database["CONN_MAX_AGE"] = 0
        return {"default": database}
    return {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": AMITY_HOME / "amity.sqlite3",
            "OPTIONS": {
                # WAL lets readers work while one writer writes; IMMEDIATE avoids
                # lock upgrades failing under concurrent writers.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000;",
                "transaction_mode": "IMMEDIATE",
            },
            "TEST": {"NAME": str(AMITY_HOME / "test.sqlite3")},
        }
    }


DATABASES = _databases()
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ko", "한국어")]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "login"

# Request bodies: the API takes articles of up to 5 MB as JSON text or an upload (larger: 413).
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024
AMITY_API_MAX_REQUEST_BYTES = 6 * 1024 * 1024
AMITY_API_MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

STATIC_URL = "static/"
STATIC_ROOT = AMITY_HOME / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns when it is missing (before the first collectstatic)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("AMITY_LOG_LEVEL", "WARNING")},
}

# `amity import` reads files up to this size (AMITY_IMPORT_MAX_MB, default 20 MB).
AMITY_IMPORT_MAX_BYTES = int(os.environ.get("AMITY_IMPORT_MAX_MB", "20")) * 1024 * 1024

# Behind an HTTPS proxy (nginx, Caddy, a load balancer) set AMITY_HTTPS=1: cookies are sent only
# over HTTPS, browsers are told to use HTTPS for a year (HSTS), and the proxy's
# X-Forwarded-Proto header says a request came over HTTPS. The proxy must set that header
# itself (and drop any the client sent). AMITY_HTTPS_REDIRECT=1 also redirects http:// to https://.
AMITY_HTTPS = os.environ.get("AMITY_HTTPS", "") == "1"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if AMITY_HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("AMITY_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("AMITY_HSTS_SUBDOMAINS", "") == "1"
    SECURE_SSL_REDIRECT = os.environ.get("AMITY_HTTPS_REDIRECT", "") == "1"
    CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if host and host != "*"]
# Sign-in throttling counts the address the proxy appends to X-Forwarded-For (AMITY_FORWARDED_FOR=0:
# REMOTE_ADDR, for a proxy that does not send the header).
AMITY_CLIENT_FROM_FORWARDED_FOR = AMITY_HTTPS and os.environ.get("AMITY_FORWARDED_FOR", "1") == "1"
