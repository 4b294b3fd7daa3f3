FROM opensuse/leap:15.6
# expect
RUN zypper -n dist-upgrade
USER app
