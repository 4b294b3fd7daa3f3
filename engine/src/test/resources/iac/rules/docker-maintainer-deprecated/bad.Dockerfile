FROM alpine:3.20
# expect
MAINTAINER ops@example.com
USER 1000
