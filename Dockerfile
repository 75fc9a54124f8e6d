# frontdesk: a slim image with the production lock only (no ruff, mypy or pytest), run as a
# user without privileges. Build from the repository root:
#   docker build -t frontdesk .
# See docs/deploy.md (and deploy/compose.yaml for PostgreSQL, two instances and HAProxy).

FROM python:3.11-slim-bookworm AS install
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
COPY requirements.prod.lock /tmp/requirements.prod.lock
# Every wheel pinned by version and hash; --no-deps: the lock is the complete list.
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --require-hashes --no-deps -r /tmp/requirements.prod.lock

FROM python:3.11-slim-bookworm
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin frontdesk
COPY --from=install /opt/venv /opt/venv
WORKDIR /app
# The program and the centre's data are read-only for the user that runs them.
COPY bot ./bot
COPY frontdesk_emulator ./frontdesk_emulator
COPY config ./config
RUN mkdir -p /app/data /app/backups && chown frontdesk:frontdesk /app/data /app/backups
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    FRONTDESK_DATABASE_URL=sqlite+aiosqlite:////app/data/frontdesk.db \
    FRONTDESK_PROBES__LISTEN=0.0.0.0 \
    FRONTDESK_LOG_FORMAT=json
USER frontdesk
VOLUME ["/app/data"]
# 8443: the webhook (and the probes in webhook mode); 8081: the probes in polling mode.
EXPOSE 8443 8081
STOPSIGNAL SIGTERM
CMD ["python", "-m", "bot", "run"]
