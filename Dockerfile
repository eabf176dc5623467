# gamesbot: two stages (dependencies, then source), non-root, database on the /data volume.
FROM python:3.11.10-slim-bookworm AS deps
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /build
COPY pyproject.toml README.md ./
# Install only the dependencies (a stub package stands in for the source, which changes more often).
RUN python -m venv /opt/venv \
    && mkdir bot && touch bot/__init__.py \
    && /opt/venv/bin/pip install . \
    && /opt/venv/bin/pip uninstall -y gamesbot

FROM python:3.11.10-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    GAMESBOT_DB_PATH=/data/gamesbot.db \
    GAMESBOT_DATA_DIR=/app/data
RUN useradd --create-home --uid 10001 gamesbot && mkdir /data && chown gamesbot:gamesbot /data
COPY --from=deps /opt/venv /opt/venv
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY data ./data
RUN pip install --no-deps .
USER gamesbot
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["gamesbot", "health"]
CMD ["gamesbot", "run"]
