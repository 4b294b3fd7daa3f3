FROM opensuse/leap:15.6
# expect
RUN zypper -n install -y curl=8.6.0
USER app
