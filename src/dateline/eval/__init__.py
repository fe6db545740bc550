"""Evaluation against annotated corpora (PolNeAR attributions): scores and reports."""
