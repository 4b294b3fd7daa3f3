FROM node:20.11-alpine
# expect
RUN npm config set strict-ssl false
USER app
