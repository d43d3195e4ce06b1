"""Signals other apps listen to, so that coalition never imports them.

``city_facts_changed`` is sent inside the transaction that saved a city whose
population, population year or area changed; receivers recompute what depends
on those facts (diagnosis: per-capita indicators) in that same transaction.
"""

from __future__ import annotations

from django.dispatch import Signal

city_facts_changed = Signal()  # keyword arguments: city, user
