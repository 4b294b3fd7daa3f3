FROM node:20.11-alpine
RUN npm install -g typescript@5.4.5 @angular/cli@17.3.0
RUN npm ci && npm install
USER app
