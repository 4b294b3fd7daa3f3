FROM python:3.12-slim
# expect
RUN pip install --no-cache-dir --trusted-host pypi.internal.example.com requests==2.32.3
USER app
