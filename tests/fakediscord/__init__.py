"""A protocol-faithful local fake of Discord (gateway, REST, CDN) for end-to-end tests.

See README.md in this folder. The public entry point is :class:`tests.fakediscord.api.FakeDiscord`.
"""
