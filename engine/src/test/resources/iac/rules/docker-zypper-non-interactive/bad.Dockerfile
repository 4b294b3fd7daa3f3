FROM opensuse/leap:15.6
# expect
RUN zypper install curl=8.6.0 && zypper clean
USER app
