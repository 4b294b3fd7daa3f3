FROM rockylinux:9.3
RUN yum install -y httpd-2.4.57 --setopt=tsflags=nodocs mod_ssl-2.4.57 && yum clean all
USER app
