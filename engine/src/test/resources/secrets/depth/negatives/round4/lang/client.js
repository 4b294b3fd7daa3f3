const password = `${process.env.DB_PASSWORD}`;
const label = `Password`;
