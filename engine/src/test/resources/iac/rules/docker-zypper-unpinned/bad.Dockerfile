FROM opensuse/leap:15.6
# expect
RUN zypper -n install -y curl && zypper clean --all
USER app
