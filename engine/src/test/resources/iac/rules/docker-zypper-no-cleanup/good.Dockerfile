FROM opensuse/leap:15.6
RUN zypper -n install -y curl=8.6.0 && zypper cc -a
USER app
