"""
Events: every change to a tracker, with who made it and when.

Each `Event` has a kind (`EventKind`), a payload (the source, actor,
claim, evidence, verdict, retraction, declaration, contradiction or
revision it added), ``by`` and ``at``. `Tracker.history` gives a claim's
events, `Tracker.events` all of them; `Tracker.apply` applies one again,
and `Tracker.from_events` rebuilds a tracker from them.

.. versionadded:: 0.1.0
"""

from claimtrack._events import Event, EventKind


__all__ = ["Event", "EventKind"]
