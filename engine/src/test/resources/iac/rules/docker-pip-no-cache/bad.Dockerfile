FROM python:3.12-slim
# expect
RUN pip install requests==2.32.3
USER app
