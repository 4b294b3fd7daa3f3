FROM alpine:3.20
RUN passwd -l root
USER app
