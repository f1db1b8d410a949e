"""
Shared test set-up: Hypothesis profiles and the paths of shared data.
"""

import os

from hypothesis import HealthCheck, settings


settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("long", max_examples=1000, deadline=None)
settings.register_profile(
    "fuzz",
    derandomize=True,
    max_examples=10_000,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    print_blob=True,
)
"""The nightly-style fuzz of ``.ci/fuzz``: 10,000 examples a target."""

if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
elif os.environ.get("FAST") == "1":
    settings.load_profile("fast")
elif os.environ.get("CI"):
    settings.load_profile("ci")
else:
    settings.load_profile("dev")
