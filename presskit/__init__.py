"""presskit: a press release written in YAML becomes a branded, accessible PDF."""

__version__ = "0.1.0"
