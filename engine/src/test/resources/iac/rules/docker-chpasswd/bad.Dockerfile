FROM alpine:3.20
# expect
RUN echo "app:changeme" | chpasswd
USER app
