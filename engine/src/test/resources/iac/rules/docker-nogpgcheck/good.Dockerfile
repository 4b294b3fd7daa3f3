FROM rockylinux:9.3
RUN dnf install -y agent-1.2 && dnf clean all
USER app
