"""Importers: datasets built from what councils already publish or keep.

- :mod:`graphmodel.importers.moderngov`: committees, outside bodies and councillors
  from a council's ModernGov ("modern.gov") democracy site, or a folder of saved
  responses.
- :mod:`graphmodel.importers.appointments`: a flat list of appointments to outside
  bodies (CSV or ``.xlsx``).

Each writes a dataset directory that validates, and returns an
:class:`~graphmodel.importers.common.ImportReport` saying what it read and skipped.
"""
