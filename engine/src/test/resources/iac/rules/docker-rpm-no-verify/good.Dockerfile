FROM rockylinux:9.3
RUN rpm --import /tmp/vendor.key && rpm -ivh /tmp/agent-1.2.rpm
USER app
