"""Stage 1, the source: what the press office writes, read and validated.

* :mod:`~presskit.source.loader` reads YAML into located text values (line and
  column of every value; every scalar is text) and applies the character rules
  of :mod:`~presskit.typography.textrules`; :mod:`~presskit.source.yamlslips`
  explains YAML syntax slips in words a press officer understands;
* :mod:`~presskit.source.model` (a release) and :mod:`~presskit.source.brand`
  (the organisation's brand file, with its SMTP settings in
  :mod:`~presskit.source.mailsettings`) validate them into frozen models, with
  errors at the value's line and column;
* :mod:`~presskit.source.schema` is the JSON Schema editors use for both files;
* :mod:`~presskit.source.lint` finds what is valid but probably wrong (the
  warnings of ``check`` and ``build``); :mod:`~presskit.source.newfile` writes
  new files from the templates.

The next stage is :mod:`presskit.content` (the renderer-neutral content
document); nothing here knows of any output.
"""
