"""Shared pytest configuration: registers the local-Discord fixtures."""

pytest_plugins = ["tests.fakediscord.fixtures"]
