"""Domain: the frozen models every other part speaks (Games, Nation, Athlete, Event, Result),
name folding, and the errors the front-ends turn into user messages. Only stdlib and pydantic."""
