"""
Rating scales: claimtrack's own, the field's, and numeric ClaimReview ones.

Each `RatingScale` maps its labels onto a `Rating` of claimtrack's own
scale; a verdict keeps the label as it was given.

- `CLAIMTRACK`: true, mostly-true, mixed, mostly-false, false, unproven.
- `POLITIFACT`: the Truth-O-Meter, pants-fire included (and LIAR's
  barely-true).
- `FEVER`: SUPPORTS, REFUTES, NOT ENOUGH INFO.
- `AVERITEC`: Supported, Refuted, Conflicting Evidence/Cherrypicking, Not
  Enough Evidence.
- `CLIMATE_FEVER`: SUPPORTS, REFUTES, DISPUTED, NOT_ENOUGH_INFO.
- `MEEDAN_CHECK`: Meedan Check's verified, false, inconclusive (and the
  workflow states unstarted and in progress, which judge nothing).
- `RatingScale.numeric(worst, best)`: a ClaimReview ``ratingValue``
  between ``worstRating`` and ``bestRating``, fractions included.
"""

from claimtrack._scales import (
    AVERITEC,
    BUILT_IN,
    CLAIMTRACK,
    CLIMATE_FEVER,
    FEVER,
    MEEDAN_CHECK,
    POLITIFACT,
    Rating,
    RatingScale,
    get,
)


__all__ = [
    "AVERITEC",
    "BUILT_IN",
    "CLAIMTRACK",
    "CLIMATE_FEVER",
    "FEVER",
    "MEEDAN_CHECK",
    "POLITIFACT",
    "Rating",
    "RatingScale",
    "get",
]
