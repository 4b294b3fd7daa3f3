FROM python:3.12-slim
RUN pip install --no-cache-dir --index-url https://pypi.internal.example.com/simple requests==2.32.3
USER app
