FROM rockylinux:9.3
# expect
RUN rpm -ivh --nosignature /tmp/agent-1.2.rpm
USER app
