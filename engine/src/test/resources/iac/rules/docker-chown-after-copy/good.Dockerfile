FROM alpine:3.20
COPY --chown=app:app app/ /srv/app/
RUN chown -R app:app /var/cache/app
USER app
