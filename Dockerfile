# The web application, served by gunicorn. See docker-compose.yml for PostgreSQL beside it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# WeasyPrint renders reports' PDF with Pango and HarfBuzz; DejaVu is the reports' typeface.
COPY scripts/system-packages.sh /usr/local/bin/
RUN system-packages.sh && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN useradd --create-home --uid 1000 msmt

COPY pyproject.toml README.md ./
COPY msmt ./msmt
COPY core ./core
COPY accounts ./accounts
COPY cases ./cases
COPY reports ./reports
COPY exchange ./exchange
COPY audit ./audit
COPY webhooks ./webhooks
COPY templates ./templates
COPY static ./static
COPY manage.py ./
RUN pip install --no-cache-dir -e .
# collectstatic needs settings, not secrets: a throwaway key for this build step only.
RUN SECRET_KEY=collectstatic-only python manage.py collectstatic --noinput \
    && mkdir -p /app/var && chown -R msmt /app/var

USER msmt
EXPOSE 8000
CMD ["gunicorn", "msmt.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
