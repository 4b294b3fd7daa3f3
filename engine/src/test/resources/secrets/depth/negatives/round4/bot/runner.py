import asyncio, os

asyncio.run(main())
app.run('OTUyNED5MDk2MTMxNzc2MkEz.YjESug.nMG2FqGBOqnGJ4XXaOYPk9y0ROf')
client.run(os.environ['DISCORD_TOKEN'])
