"""E-mail: the release as a message a newsroom can copy from, drafts and sending.

``message``     content document + PDF + photos -> :class:`email.message.EmailMessage`
``html``        the content document as simple, phone-readable HTML
``photos``      photos downsized for e-mail, their metadata written in
``recipients``  the distribution list file (groups of name, e-mail, salutation, language)
``settings``    SMTP settings (brand file's ``mail:`` or a separate mail.yaml); never a password
``journal``     the send journal: who has been sent which message
``smtp``        sending, with the journal, a rate limit and per-address outcomes
``source``      a release or press-kit file -> everything a message is made of
``plan``        the messages of one run; drafts written; the dry-run listing
``run``         one ``presskit mail`` run, step by step, for the command line

Nothing here imports typer or rich: progress is reported through a callback.
"""
