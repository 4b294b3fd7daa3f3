FROM node:20.11-alpine
RUN npm config set cafile /etc/ssl/certs/corp-ca.pem
USER app
