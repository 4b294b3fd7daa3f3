FROM rockylinux:9.3
# expect
RUN yum install -y httpd && yum clean all
USER app
