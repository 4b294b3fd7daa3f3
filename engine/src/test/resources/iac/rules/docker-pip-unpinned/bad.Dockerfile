FROM python:3.12-slim
# expect
RUN pip install --no-cache-dir requests flask==3.0.3
USER 1000
