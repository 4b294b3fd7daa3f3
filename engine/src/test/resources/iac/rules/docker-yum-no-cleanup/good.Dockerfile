FROM rockylinux:9.3
RUN yum install -y httpd-2.4.57 && yum clean all
USER 1000
