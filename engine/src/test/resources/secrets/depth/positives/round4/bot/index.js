const { Client, GatewayIntentBits } = require('discord.js');
const client = new Client({ intents: [GatewayIntentBits.Guilds] });
client.once('ready', () => console.log('up'));
client.login("MTA5MTgzNTQzNjExODM2NDIxMQ.Z7bAoe.l06q7Bn46EXL7X1xJG-cr48SxF8");
