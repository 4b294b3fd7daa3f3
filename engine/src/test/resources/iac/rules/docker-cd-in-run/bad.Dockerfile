FROM alpine:3.20
# expect
RUN cd /src && make
USER 1000
