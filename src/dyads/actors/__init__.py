"""Actors: who the text talks about, coded CAMEO-style (``SRBGOV``, ``IGOWSTNAT``).

The stage's data entry point is :func:`load_actors`, which compiles the actor
data files (countries, organisations, named groups, sectors, people) into one
:class:`ActorDictionary`; the matcher and the context resolver read it.
"""

from __future__ import annotations

from dyads.actors.dictionary import ActorDictionary as ActorDictionary
from dyads.actors.dictionary import load_actors as load_actors
from dyads.actors.entries import ActorEntry as ActorEntry
from dyads.actors.entries import Role as Role

__all__ = ["ActorDictionary", "ActorEntry", "Role", "load_actors"]
