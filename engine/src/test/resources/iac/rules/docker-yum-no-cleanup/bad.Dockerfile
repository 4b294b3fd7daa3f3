FROM rockylinux:9.3
# expect
RUN yum install -y httpd-2.4.57
USER 1000
