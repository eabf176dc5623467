"""Answers: the answer models every command returns (data first) and the plain-text renderer.
Depends only on the domain; never on Discord."""
