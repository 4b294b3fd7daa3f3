FROM node:20.11-alpine
# expect
RUN npm install -g typescript@5.4.5 pm2
USER app
