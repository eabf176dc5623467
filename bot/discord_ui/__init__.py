"""The Discord front-end: where the bot connects (endpoints) and the discord.py client
(client factory, run loop, command sync). Commands themselves are installed through an
``install`` callback so this package does not depend on what the commands are.
"""
