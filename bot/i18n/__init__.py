"""Localisation: the languages gamesbot answers in, the message catalogues (gettext ``.po``, read
with Babel at first use), and the words an answer is made of in each language (labels, numbers,
dates, sport and event names, nation, Games and athlete names). Depends only on the domain,
Babel and the standard library, so every renderer and front-end may use it."""

from bot.i18n.locales import ENGLISH, Lang, choose_lang, lang_of_discord, lang_of_posix, parse_lang
from bot.i18n.words import Words, words_for

__all__ = [
    "ENGLISH",
    "Lang",
    "Words",
    "choose_lang",
    "lang_of_discord",
    "lang_of_posix",
    "parse_lang",
    "words_for",
]
