FROM opensuse/leap:15.6
RUN zypper --non-interactive install curl=8.6.0 && zypper clean
USER app
