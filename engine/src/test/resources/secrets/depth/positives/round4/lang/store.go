package store

const dbPassword = `Gw4nR8tLq2Vz`
