ARG BASE=python
# expect
FROM ${BASE} AS build
RUN pip install --no-cache-dir build==1.2.1
# expect
FROM python:latest
COPY --from=build /src /src
USER 1000
