FROM alpine:3.20
COPY app/ /srv/app/
# expect
RUN chown -R app:app /srv/app
USER app
