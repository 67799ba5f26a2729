"""Evaluation against annotated corpora (PDNC, QuoteLi3, LitBank) and BookNLP's Emma output.

``gold`` holds the corpus-neutral gold shapes, one loader module per corpus turns files into
them, ``scoring`` implements /work/shared/docs/evaluation.md, ``runner`` analyses the texts (in
worker processes if asked) and ``report`` prints the table. The method, with every tie-break, is
written down in docs/evaluation-method.md.
"""
