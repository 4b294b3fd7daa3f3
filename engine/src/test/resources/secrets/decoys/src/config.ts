export const config = {
  apiKey: process.env.API_KEY,
  password: process.env.DB_PASSWORD ?? "",
  tokenUrl: "https://auth.acme.io/oauth/token",
  secretName: "orders/db",
};
