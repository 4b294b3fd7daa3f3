ARG VERSION=3.12.3
FROM python:${VERSION}-slim AS build
RUN pip install --no-cache-dir build==1.2.1
FROM build
USER 1000
