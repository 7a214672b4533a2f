"""Selection by lot (sorteggio): the pool of respondents, quotas, fair selection
(LEXIMIN on HiGHS, built on sortition-algorithms), the public draw and its
verification, rotation and replacements, and the store records of each run.
"""
