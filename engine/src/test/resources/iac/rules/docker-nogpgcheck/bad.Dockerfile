FROM rockylinux:9.3
# expect
RUN dnf install -y --nogpgcheck agent-1.2 && dnf clean all
USER app
