"""The renderer-neutral content of a document: what is said, in which order.

``document``   the frozen content document (sections of parts, text already
               smartened and parsed into blocks and inlines, brand defaults and
               labels applied, locations for diagnostics carried along)
``build``      release + brand -> content document (every "what goes where")
``plaintext``  content document -> plain text (the e-mail body)
``labels``     the document's words in each language ("Kontakt", "Seite {n} von {m}")
``kit``        the press-kit file (KIT.yaml): model and loader
``kit_schema`` JSON Schema of the kit file
``photometa``  caption, credit, usage and alt text written into photo files
``archive``    a reproducible zip of the newsroom files, with credits.txt

Nothing here imports ReportLab, pikepdf or the tagging package.
"""
