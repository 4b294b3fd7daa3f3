FROM node:20.11-alpine
WORKDIR /app
COPY . .
# expect
USER root
CMD ["node", "server.js"]
