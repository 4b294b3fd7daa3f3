FROM debian:12.5
# expect
RUN curl -fsSL https://get.example.com/install.sh \
    | bash -s -- --yes
USER 1000
