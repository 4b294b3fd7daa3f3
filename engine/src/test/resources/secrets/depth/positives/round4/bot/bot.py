import discord

client = discord.Client(intents=discord.Intents.default())

@client.event
async def on_ready():
    print('ready')

client.run('ODA2MzI3NzE1OTQ4MDUyNTEw.nMlAZ8.2C_imIk3-8MyWEQRUhPjJI4qLbTS50jX9m08WF')
